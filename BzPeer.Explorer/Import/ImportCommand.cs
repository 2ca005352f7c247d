using System.CommandLine;
using System.Globalization;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Import.OpenAlex;

namespace BzPeer.Explorer.Import;

/// <summary>The <c>import</c> verb: OpenAlex files into the database.</summary>
internal sealed class ImportCommand : IVerb
{
    public const string Verb = "import";

    public string Details => """
        Imports OpenAlex data (CC0) into the Explorer database: works with their authors, institutions, topics, venue
        and references; author, institution, topic and source records; merged ids. A PATH is a file or a folder, read
        recursively, holding any mix of: a single entity as the API returns it, an API list page, a JSON array, JSON
        Lines, any of these gzipped, or the snapshot layout (<entity>/manifest, <entity>/updated_date=.../part_*.gz,
        merged_ids/<entity>/*.csv.gz). Records are keyed on their OpenAlex ids, so importing the same files again
        changes nothing, and a record with a newer updated_date replaces the stored one. Records of the 2022 schema
        import too: a work's host_venue is its venue and its concepts are its topics when it has no topics. Kinds the
        app does not store (publishers, funders, concepts, ...) are counted and ignored.
        Relative paths are taken from the folder the command is run in (under dotnet run too). The import runs at a
        lower CPU priority (nice 10), so an app serving the same database on the same machine keeps answering.

        A field that is missing, null or empty is normal: the record is stored with what it has. Bad input (malformed
        JSON, a truncated gzip file, a record without an id, a field of the wrong type, a record the database refuses,
        an unreadable path) is reported with its file, line and record id, that record is skipped, and the run goes
        on. Only the database failing (full disk, locked, gone) stops it. The last line printed is the summary
          imported: works=N researchers=N institutions=N topics=N sources=N skipped=N ignored=N
        counting records stored or updated by this run; skipped counts the bad records refused, ignored the records
        of kinds the app does not store.
        Exit code: 0 when nothing bad was met; 2 when bad records were skipped; 64 for bad arguments; 1 for an
        unusable database, a database failing, or a --strict run that met bad input (the database is then as it was before).
        """;

    private readonly Argument<string[]> _paths = new Argument<string[]>("PATH") { Description = "OpenAlex files or folders to import", Arity = ArgumentArity.OneOrMore }.OptionsRefused();
    private readonly Option<string> _db = VerbDatabase.CreateOption(
        "the SQLite database to import into, created and migrated when needed (default: the configured Database:Provider " +
        "and ConnectionStrings:Explorer, as the app uses them; on PostgreSQL new rows go in with binary COPY)");
    private readonly Option<bool> _strict = new("--strict") { Description = "stop at the first bad record and roll back everything this run wrote" };

    public ImportCommand()
    {
        Command = new Command(Verb, "Imports OpenAlex data (files, folders, snapshots) into the database.") { _paths, _db, _strict };
    }

    public Command Command { get; }

    public bool RunsInBackground => true;

    public string WhatStays => "batches committed before stay, the one in progress was not written (with --strict, nothing was)";

    /// <summary>The closing line of an import (and of a fetch, which stores the same way).</summary>
    internal static string SummaryLine(ImportCounts counts, int skipped, int ignored) => string.Create(CultureInfo.InvariantCulture,
        $"imported: works={counts.Works} researchers={counts.Researchers} institutions={counts.Institutions} topics={counts.Topics} sources={counts.Sources} skipped={skipped} ignored={ignored}");

    public async Task<int> RunAsync(ParseResult parse, VerbRun run, CancellationToken cancellationToken)
    {
        var output = run.Output;
        var strict = parse.GetValue(_strict);
        var (dbFactory, databasePath) = await run.Database.OpenAsync(cancellationToken);
        output.Line($"importing into {databasePath}{(strict ? " (strict: all or nothing)" : "")}");
        var report = new ImportReport(output);
        var inputs = ImportInputs.Collect(InvocationDirectory.Resolve(parse.GetValue(_paths)!));
        foreach (var (path, reason) in inputs.Unreadable) report.Bad(path, reason);
        foreach (var note in inputs.Notes) output.Line($"note: {note}");

        var result = strict && report.BadRecords > 0
            ? new ImportResult(new ImportCounts(), report.BadRecords, report.Ignored, RolledBack: true, TimeSpan.Zero, RecordsRead: 0)
            : await Task.Run(() => OpenAlexImporter.Run(dbFactory, inputs, strict, report, output, cancellationToken), cancellationToken);

        foreach (var line in report.Closing()) output.Line(line);
        var counts = result.Counts;
        if (counts.Unchanged > 0) output.Line($"unchanged: {counts.Unchanged:N0} record(s) already stored with the same or a newer updated_date");
        if (counts.MergedIds > 0) output.Line($"merged ids: {counts.MergedIds:N0} old id(s) now lead to the surviving record");
        if (result.RolledBack)
            output.Problem("strict: bad input met; nothing this run wrote was kept (the database is as it was)");
        else if (result.Elapsed > TimeSpan.Zero)
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"took {result.Elapsed.TotalSeconds:0.00} s: {result.RecordsRead / result.Elapsed.TotalSeconds:N0} records/s, {counts.Works / result.Elapsed.TotalSeconds:N0} works/s"));
        output.Line(SummaryLine(counts, result.BadRecords, result.Ignored));

        return result.RolledBack ? ExitCodes.Failure : result.BadRecords > 0 ? ExitCodes.SkippedInput : ExitCodes.Success;
    }
}
