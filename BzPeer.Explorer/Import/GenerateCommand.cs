using System.Diagnostics;
using System.Globalization;

namespace BzPeer.Explorer.Import;

/// <summary>The <c>generate</c> verb: a synthetic corpus of a chosen size, for benchmarks.</summary>
internal static class GenerateCommand
{
    public const string Verb = "generate";
    private const int MostWorks = 20_000_000;

    private const string Help = """
        Usage: generate --works N [--seed S] [--db FILE]

        Fills an empty database with the reference record and a synthetic corpus of N works shaped like the demo
        data: about 1.5 researchers per work in research groups with skewed productivity, topics and institutions
        scaled with N, co-author groups and citations, all marked Synthetic and none of them real. The same N and
        seed always give the same corpus. Writing is one transaction: stopped early, the database stays empty.

        Options:
          --works N   how many works (1 to 20,000,000)
          --seed S    the random seed (default 2022, the demo data's)
          --db FILE   the SQLite database to fill, created and migrated when needed; it must hold no researchers
                      or works (default: the configured Database:Provider and ConnectionStrings:Explorer, as the
                      app uses them; with Database:Provider=Postgres the rows go in with binary COPY)
          --help      show this text
        Relative paths are taken from the folder the command is run in (under dotnet run too).

        Exit code: 0 when the corpus was written; 1 for bad arguments, a database that is not empty, or a failure.
        """;

    public static async Task<int> RunAsync(string[] args, CommandOutput output, IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var arguments = new CommandLine.Arguments(Verb, args, optionNames: ["--works", "--seed", "--db"], switchNames: []);
        if (arguments.Has("--help"))
        {
            output.Line(Help);
            return CommandLine.Success;
        }
        if (arguments.Positional.Count > 0)
            throw new CommandLineException($"{Verb}: unexpected argument {arguments.Positional[0]} (see {Verb} --help)");
        var works = Number(arguments.Option("--works") ?? throw new CommandLineException($"{Verb}: --works N is required (see {Verb} --help)"), "--works");
        if (works is < 1 or > MostWorks) throw new CommandLineException($"{Verb}: --works must be between 1 and {MostWorks:N0}");
        var seed = arguments.Option("--seed") is { } seedText ? Number(seedText, "--seed") : SyntheticCorpusGenerator.DemoSeed;

        var (dbFactory, databasePath) = await CommandLine.OpenDatabaseAsync(arguments.Option("--db"), configuration, cancellationToken);
        output.Line($"generating {works:N0} works (seed {seed}) into {databasePath}");
        var clock = Stopwatch.StartNew();
        var progress = new DemoData.Progress();
        output.StartProgress(() => progress.Stage == "writing works"
            ? $"generating: {progress.WorksWritten:N0} of {works:N0} works ({progress.WorksWritten / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)"
              + CommandOutput.Rate(progress.WorksWritten, works, clock)
            : $"generating: {progress.Stage} ({CommandOutput.Duration(clock.Elapsed)})");
        DemoData.Counts? counts;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            counts = await Task.Run(() => DemoData.LoadIfEmptyAsync(db, works, seed, progress, cancellationToken), cancellationToken);
        }
        output.StopProgress();
        if (counts is null)
            throw new CommandLineException($"{Verb}: {databasePath} already holds researchers or works; generate fills an empty database (choose a new file with --db)");

        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"took {clock.Elapsed.TotalSeconds:0.0} s: {counts.Works / clock.Elapsed.TotalSeconds:N0} works/s"));
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"generated: works={counts.Works} researchers={counts.Researchers} topics={counts.Topics} institutions={counts.Institutions}"));
        return CommandLine.Success;
    }

    private static int Number(string text, string option) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number : throw new CommandLineException($"{Verb}: {option} takes a whole number, not \"{text}\"");
}
