using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace BzPeer.Explorer.Cli;

/// <summary><c>--help</c>: System.CommandLine's usage, arguments and options, then the verb's own details.</summary>
internal sealed class VerbHelp(IReadOnlyDictionary<Command, string> details) : SynchronousCommandLineAction
{
    private readonly HelpAction _standard = new();

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        _standard.Invoke(parseResult);
        if (details.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(text.TrimEnd());
            output.WriteLine();
        }
        return ExitCodes.Success;
    }
}
