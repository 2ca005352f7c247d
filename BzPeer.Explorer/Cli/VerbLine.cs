using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BzPeer.Explorer.Cli;

/// <summary>
/// The app's command line: the verbs the host lists, parsed by System.CommandLine with the same rules for all (each has
/// <c>--help</c>; an unknown option or a missing or malformed value stops it before anything is done) and run on a host
/// built from the app's own registrations. Exit codes: <see cref="ExitCodes"/>. Without a verb the app is a web server.
/// </summary>
public static class VerbLine
{
    private static readonly IReadOnlyDictionary<string, string?> NoSettings = new Dictionary<string, string?>();

    /// <summary>Whether the arguments ask for a verb (or the list of verbs) rather than the web server, whose arguments are options and key=value settings.</summary>
    public static bool IsVerbLine(string[] args) =>
        args is [var first, ..] && (first is "--help" or "-h" or "-?" || (!first.StartsWith('-') && !first.Contains('=')));

    /// <summary>Runs the command line on the console: Ctrl+C stops the verb (what is committed stays), and a verb that runs beside a live app lowers its CPU priority.</summary>
    /// <param name="hostFor">Builds the host the verbs come from and run on, with settings over the app's configuration.</param>
    public static async Task<int> RunOnConsoleAsync(string[] args, Func<IReadOnlyDictionary<string, string?>, IHost> hostFor)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        using var output = CommandOutput.ForConsole();
        return await RunAsync(args, hostFor, output, onConsole: true, interrupted.Token);
    }

    /// <param name="onConsole">Whether this process is the verb's own (so it may lower the process's priority).</param>
    public static async Task<int> RunAsync(string[] args, Func<IReadOnlyDictionary<string, string?>, IHost> hostFor,
        CommandOutput output, bool onConsole, CancellationToken cancellationToken)
    {
        using var listing = hostFor(NoSettings);
        var root = new RootCommand("BzPeer Explorer. Without a verb it serves the web app; with one it runs the verb on the same database and exits.");
        var details = new Dictionary<Command, string>();
        foreach (var verb in listing.Services.GetServices<IVerb>())
        {
            root.Add(verb.Command);
            details[verb.Command] = verb.Details;
            verb.Command.SetAction((parse, token) => RunVerbAsync(verb, parse, listing, hostFor, output, onConsole, token));
        }
        root.Options.OfType<HelpOption>().Single().Action = new VerbHelp(details);

        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction || parse.Action is null)
        {
            var verbName = parse.CommandResult.Command == root ? null : parse.CommandResult.Command.Name;
            var reasons = parse.Errors.Select(e => e.Message.TrimEnd('.')).DefaultIfEmpty("give a verb").Distinct();
            foreach (var reason in reasons)
                output.Problem(verbName is null ? $"error: {reason} (see --help)" : $"error: {verbName}: {reason} (see {verbName} --help)");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = output.Output,
            Error = output.Errors,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        }, cancellationToken);
    }

    private static async Task<int> RunVerbAsync(IVerb verb, ParseResult parse, IHost listing,
        Func<IReadOnlyDictionary<string, string?>, IHost> hostFor, CommandOutput output, bool onConsole, CancellationToken cancellationToken)
    {
        var name = verb.Command.Name;
        try
        {
            var dbOption = verb.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == VerbDatabase.OptionName) is { } db
                ? parse.GetValue(db) : null;
            var settings = VerbDatabase.SettingsFor(dbOption).Concat(verb.Settings(parse)).ToDictionary();
            // The verbs were listed by a host without the run's settings; one with them is built only when there are some.
            using var own = settings.Count > 0 ? hostFor(settings) : null;
            var services = (own ?? listing).Services;
            if (onConsole && verb.RunsInBackground) BackgroundPriority.Lower();
            return await verb.RunAsync(parse, new VerbRun(output, services, new VerbDatabase(services, dbOption)), cancellationToken);
        }
        catch (VerbFailure e)
        {
            output.Problem($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Problem($"interrupted: {verb.WhatStays}");
            return ExitCodes.Failure;
        }
        catch (SqliteException e)
        {
            output.Problem($"error: {name} failed, database problem: {VerbDatabase.Describe(e)}; {verb.WhatStays}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException)
        {
            output.Problem($"error: {name} failed ({e.GetType().Name}: {e.Message}); {verb.WhatStays}");
            return ExitCodes.Failure;
        }
    }
}
