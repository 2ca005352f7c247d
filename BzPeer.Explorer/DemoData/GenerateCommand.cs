using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BzPeer.Explorer.Cli;

namespace BzPeer.Explorer.DemoData;

/// <summary>The <c>generate</c> verb: a synthetic corpus of a chosen size, for benchmarks.</summary>
internal sealed class GenerateCommand : IVerb
{
    public const string Verb = "generate";
    private const int MostWorks = 20_000_000;

    public string Details => """
        Fills an empty database with the reference record and a synthetic corpus of N works shaped like the demo
        data: about 1.5 researchers per work in research groups with skewed productivity, topics and institutions
        scaled with N, co-author groups and citations, all marked Synthetic and none of them real. The same N and
        seed always give the same corpus. Writing is one transaction: stopped early, the database stays empty.
        Relative paths are taken from the folder the command is run in (under dotnet run too).

        Exit code: 0 when the corpus was written; 64 for bad arguments; 1 for a database that is not empty, or a failure.
        """;

    private readonly Option<int> _works = VerbOptions.WholeNumber("--works", "N", "how many works (1 to 20,000,000)", least: 1, most: MostWorks);
    private readonly Option<int> _seed = VerbOptions.WholeNumber("--seed", "S", "the random seed (default 2022, the demo data's)",
        least: int.MinValue, most: int.MaxValue, defaultValue: SyntheticCorpusGenerator.DemoSeed);
    private readonly Option<string> _db = VerbDatabase.CreateOption(
        "the SQLite database to fill, created and migrated when needed; it must hold no researchers or works (default: the " +
        "configured Database:Provider and ConnectionStrings:Explorer, as the app uses them; with Database:Provider=Postgres " +
        "the rows go in with binary COPY)");

    public GenerateCommand()
    {
        Command = new Command(Verb, "Fills an empty database with the reference record and a synthetic corpus of N works, for benchmarks.") { _works, _seed, _db };
        Command.Require(_works, "--works N is required");
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parse, VerbRun run, CancellationToken cancellationToken)
    {
        var output = run.Output;
        var works = parse.GetValue(_works);
        var seed = parse.GetValue(_seed);
        var (dbFactory, databasePath) = await run.Database.OpenAsync(cancellationToken);
        output.Line($"generating {works:N0} works (seed {seed}) into {databasePath}");
        var clock = Stopwatch.StartNew();
        var progress = new DemoCorpus.Progress(TimeProvider.System);
        output.StartProgress(() => progress.Stage == "writing works"
            ? $"generating: {progress.WorksWritten:N0} of {works:N0} works ({progress.WorksWritten / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)"
              + CommandOutput.Rate(progress.WorksWritten, works, clock)
            : $"generating: {progress.Stage} ({CommandOutput.Duration(clock.Elapsed)})");
        DemoCorpus.Counts? counts;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            counts = await Task.Run(() => DemoCorpus.LoadIfEmptyAsync(db, works, seed, progress, cancellationToken), cancellationToken);
        }
        output.StopProgress();
        if (counts is null)
            throw new VerbFailure($"{Verb}: {databasePath} already holds researchers or works; generate fills an empty database (choose a new file with --db)");

        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"took {clock.Elapsed.TotalSeconds:0.0} s: {counts.Works / clock.Elapsed.TotalSeconds:N0} works/s"));
        output.Line("stages: " + string.Join(", ", progress.Finished.Select(stage =>
            string.Create(CultureInfo.InvariantCulture, $"{stage.Stage} {stage.Took.TotalSeconds:0.0} s"))));
        // Last, as every verb closes: the summary scripts read.
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"generated: works={counts.Works} researchers={counts.Researchers} topics={counts.Topics} institutions={counts.Institutions}"));
        return ExitCodes.Success;
    }
}
