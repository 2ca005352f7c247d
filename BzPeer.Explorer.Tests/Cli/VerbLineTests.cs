using System.CommandLine;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Tests.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BzPeer.Explorer.Tests.Cli;

/// <summary>The rules every verb shares: help, usage errors, the verbs the host lists.</summary>
public class VerbLineTests
{
    public static TheoryData<string, string[]> VerbsAndTheirOptions => new()
    {
        { "import", ["<PATH>", "--db <FILE>", "--strict"] },
        { "fetch", ["<ID>", "--depth <0|1|2>", "--db <FILE>"] },
        { "generate", ["--works <N>", "--seed <S>", "--db <FILE>"] },
        { "bench", ["--db <FILE>", "--iterations <N>", "--warmup <SECONDS>", "--only <OPERATION>", "--slowest <N>"] },
        { "add-reviewer", ["<EMAIL>", "--db <FILE>"] },
        { "backup", ["--to <FILE>", "--db <FILE>"] },
    };

    [Theory]
    [MemberData(nameof(VerbsAndTheirOptions))]
    public async Task Every_verb_explains_itself_and_names_its_options(string verb, string[] options)
    {
        var result = await Verbs.RunAsync(verb, "--help");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Empty(result.Errors);
        var help = string.Join('\n', result.Output);
        Assert.Contains($" {verb} ", help);
        Assert.All(options, option => Assert.Contains(option, help));
        Assert.Contains("Exit code: 0", help);
    }

    [Fact]
    public async Task The_top_level_help_lists_every_verb()
    {
        var result = await Verbs.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var listed = result.Output.SkipWhile(line => line != "Commands:").Skip(1).Select(line => line.Trim().Split(' ')[0]).ToList();
        Assert.Equal(["import", "fetch", "generate", "bench", "add-reviewer", "backup"], listed);
    }

    [Fact]
    public async Task A_verb_registered_with_the_host_is_listed_and_runs_with_the_settings_it_asks_for()
    {
        IHost HostWithEcho(IReadOnlyDictionary<string, string?> settings)
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddExplorerServices();
            builder.Services.AddExplorerVerbs().AddVerb<EchoVerb>();
            return builder.Build();
        }
        var output = new StringWriter();
        using var console = new CommandOutput(output, TextWriter.Null, showProgress: false);

        var help = await VerbLine.RunAsync(["--help"], HostWithEcho, console, onConsole: false, CancellationToken.None);
        var echo = await VerbLine.RunAsync(["echo", "hello"], HostWithEcho, console, onConsole: false, CancellationToken.None);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (help, echo));
        Assert.Contains("  echo <WORD>", output.ToString());
        Assert.Contains("  backup", output.ToString());
        Assert.EndsWith("echo: hello!\n", output.ToString().ReplaceLineEndings("\n"));
    }

    public static TheoryData<string[]> UsageErrors => new()
    {
        new[] { "import", "--colour", "x.json" },
        new[] { "import" },
        new[] { "fetch", "A5009198168", "--colour" },
        new[] { "fetch" },
        new[] { "generate", "--works", "10", "--colour" },
        new[] { "generate" },
        new[] { "bench", "--colour" },
        new[] { "bench", "--iterations" },
        new[] { "add-reviewer", "a@b.example", "--colour" },
        new[] { "add-reviewer" },
        new[] { "backup", "--to", "copy.db", "--colour" },
        new[] { "backup" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task An_unknown_option_or_a_missing_value_exits_64_with_a_reason_and_writes_nothing(string[] args)
    {
        using var files = new TemporaryFiles();
        var database = Path.Combine(files.Folder, "never.db");
        var configured = Path.Combine(files.Folder, "configured", "never.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Explorer"] = $"Data Source={configured}" }).Build();

        var withDb = await Verbs.RunAsync(configuration, [.. args, "--db", database]);
        var withoutDb = await Verbs.RunAsync(configuration, args);

        foreach (var result in new[] { withDb, withoutDb })
        {
            Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
            Assert.Empty(result.Output);
            Assert.StartsWith($"error: {args[0]}: ", result.Errors[0]);
            Assert.EndsWith($"(see {args[0]} --help)", result.Errors[0]);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(files.Folder));
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error()
    {
        var result = await Verbs.RunAsync("imprt", "x.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("error: Unrecognized command or argument 'imprt' (see --help)", result.Errors);
    }

    [Fact]
    public void Only_verbs_and_the_help_are_taken_from_the_web_apps_arguments()
    {
        Assert.True(VerbLine.IsVerbLine(["import", "x"]));
        Assert.True(VerbLine.IsVerbLine(["generate"]));
        Assert.True(VerbLine.IsVerbLine(["--help"]));
        Assert.False(VerbLine.IsVerbLine([]));
        Assert.False(VerbLine.IsVerbLine(["--urls", "http://localhost:5080"]));
        Assert.False(VerbLine.IsVerbLine(["Database:Provider=Postgres"]));
    }

    /// <summary>A verb of a feature the command line has never heard of.</summary>
    private sealed class EchoVerb : IVerb
    {
        private readonly Argument<string> _word = new("WORD");

        public EchoVerb() => Command = new Command("echo", "Prints its word and a setting it asks its host for.") { _word };

        public Command Command { get; }

        public string Details => "Exit code: 0.";

        public IReadOnlyDictionary<string, string?> Settings(ParseResult parse) => new Dictionary<string, string?> { ["Echo:Mark"] = "!" };

        public Task<int> RunAsync(ParseResult parse, VerbRun run, CancellationToken cancellationToken)
        {
            run.Output.Line($"echo: {parse.GetValue(_word)}{run.Configuration["Echo:Mark"]}");
            return Task.FromResult(ExitCodes.Success);
        }
    }
}
