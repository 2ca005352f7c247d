using System.Text.Json.Nodes;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Import;
using BzPeer.Explorer.Import.OpenAlex;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>Bad input is reported with its file, line and reason, skipped, and the exit code says so (DESIGN.md §7).</summary>
public class ImportBadInputTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_malformed_json_line_is_reported_and_the_lines_around_it_are_imported(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var path = files.Write("works.jsonl", string.Join('\n',
            TestRecords.Work("W9000000001", "First").ToJsonString(),
            """{"id": "https://openalex.org/W9000000002", "title": "Broken" """,
            TestRecords.Work("W9000000003", "Third").ToJsonString()) + "\n");

        var result = await Verbs.ImportAsync(database, path);

        Assert.Equal(ExitCodes.SkippedInput, result.ExitCode);
        var problem = Assert.Single(result.Errors);
        Assert.StartsWith($"bad input: {path}: line 2: malformed JSON", problem);
        Assert.Equal("imported: works=2 researchers=0 institutions=0 topics=0 sources=0 skipped=1 ignored=0", result.LastLine);
        await using var db = database.CreateContext();
        Assert.Equal(["First", "Third"], await db.Works.OrderBy(w => w.Id).Select(w => w.Title).ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_truncated_gzip_file_is_reported_after_what_could_be_read(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var whole = files.WriteGzip("whole.jsonl.gz", string.Join('\n', SharedOpenAlex.SampleWorkRecords().Select(w => w.ToJsonString())));
        var bytes = File.ReadAllBytes(whole);
        var truncated = files.Write("truncated.jsonl.gz", "");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var result = await Verbs.ImportAsync(database, truncated);

        Assert.Equal(ExitCodes.SkippedInput, result.ExitCode);
        var problem = Assert.Single(result.Errors);
        Assert.Matches($@"^bad input: {System.Text.RegularExpressions.Regex.Escape(truncated)}: after line \d+: the rest of the file cannot be read \(.*truncated.*\)$", problem);
        var works = result.Summary()["works"];
        Assert.InRange(works, 10, 99);
        await using var db = database.CreateContext();
        Assert.Equal(works, await db.Works.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_record_without_an_id_is_reported_by_its_line(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var noId = TestRecords.Work("W9000000002", "No id");
        noId.Remove("id");
        var path = files.WriteJsonLines("works.jsonl", [TestRecords.Work("W9000000001", "First"), noId]);

        var result = await Verbs.ImportAsync(database, path);

        Assert.Equal(ExitCodes.SkippedInput, result.ExitCode);
        Assert.Equal([$"bad input: {path}: line 2: the record has no id"], result.Errors);
        Assert.Equal(1, result.Summary()["works"]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_record_with_a_field_of_the_wrong_type_is_reported_with_the_field(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var work = TestRecords.Work("W9000000001", "First", authors: [TestRecords.Author("A9000000001", "Ada Example")]);
        work["authorships"]![0]!["author"]!["display_name"] = 42;
        var path = files.Write("work.json", work.ToJsonString());

        var result = await Verbs.ImportAsync(database, path);

        Assert.Equal([$"bad input: {path}: line 1 (W9000000001): 'authorships[0].author.display_name' is not a string"], result.Errors);
        Assert.Equal(0, result.Summary()["works"]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unreadable_path_is_reported_and_the_other_paths_imported(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var missing = Path.Combine(files.Folder, "no-such-file.json");
        var good = files.Write("work.json", TestRecords.Work("W9000000001", "First").ToJsonString());

        var result = await Verbs.ImportAsync(database, missing, good);

        Assert.Equal(ExitCodes.SkippedInput, result.ExitCode);
        Assert.Equal([$"bad input: {missing}: no such file or folder"], result.Errors);
        Assert.Equal("imported: works=1 researchers=0 institutions=0 topics=0 sources=0 skipped=1 ignored=0", result.LastLine);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_first_twenty_bad_records_are_shown_in_full_then_only_counted(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var path = files.Write("bad.jsonl", string.Concat(Enumerable.Range(1, 25).Select(i => $"{{\"title\": \"no id {i}\"}}\n")));

        var result = await Verbs.ImportAsync(database, path);

        Assert.Equal(ExitCodes.SkippedInput, result.ExitCode);
        Assert.Equal(ImportReport.ShownInFull, result.Errors.Count);
        Assert.Equal($"bad input: {path}: line 20: the record has no id", result.Errors[^1]);
        Assert.Contains("... and 5 more bad record(s) not shown (25 in all)", result.Output);
        Assert.Equal(25, result.Summary()["skipped"]);
    }

    [Fact]
    public async Task A_folder_as_the_database_is_refused_in_one_line()
    {
        using var files = new TemporaryFiles();
        var result = await Verbs.RunAsync("import", SharedOpenAlex.SampleWorks, "--db", files.Folder);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal([$"error: --db {files.Folder}: is a folder, not a database file"], result.Errors);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_as_it_was()
    {
        using var files = new TemporaryFiles();
        var notADatabase = files.Write("notes.txt", "These are notes, not a database.\n");

        var result = await Verbs.RunAsync("import", SharedOpenAlex.SampleWorks, "--db", notADatabase);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal([$"error: --db {notADatabase}: not a SQLite database"], result.Errors);
        Assert.Equal("These are notes, not a database.\n", File.ReadAllText(notADatabase));
    }

    [Fact]
    public async Task A_database_path_that_cannot_be_created_is_refused_in_one_line()
    {
        using var files = new TemporaryFiles();
        var aFile = files.Write("plain-file", "x");
        var underAFile = Path.Combine(aFile, "explorer.db");

        var result = await Verbs.RunAsync("import", SharedOpenAlex.SampleWorks, "--db", underAFile);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"error: --db {underAFile}: Cannot create the database folder {aFile}", error);
    }

    [Fact]
    public async Task Another_programs_sqlite_database_is_refused_and_left_as_it_was()
    {
        using var files = new TemporaryFiles();
        var path = Path.Combine(files.Folder, "other.db");
        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE Notes (Text TEXT); INSERT INTO Notes VALUES ('keep me')";
            await command.ExecuteNonQueryAsync();
        }

        var result = await Verbs.RunAsync("import", SharedOpenAlex.SampleWorks, "--db", path);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal([$"error: --db {path}: a SQLite database of something else (it has tables but no migrations of this app)"], result.Errors);
    }

    [Fact]
    public async Task Strict_stops_at_the_first_bad_record_and_leaves_the_database_exactly_as_it_was()
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase();
        Assert.Equal(0, (await Verbs.ImportAsync(database, SharedOpenAlex.SampleWorks)).ExitCode);
        var before = await DatabaseContent.DumpAsync(database);

        // Far more good records than the reader may queue ahead of the writer, so batches were written before the bad one.
        var good = Enumerable.Range(0, 6000).Select(i => (JsonNode)TestRecords.Work($"W8{i:D9}", $"Work {i}",
            authors: [TestRecords.Author($"A8{i:D9}", $"Author {i}")], references: ["W1898014694", $"W8{Math.Max(0, i - 1):D9}"]));
        var path = files.Write("works.jsonl", string.Join('\n', good.Select(r => r.ToJsonString())) + "\n{\"title\": \"no id\"}\n");
        var strict = await RunImporter(database, path, strict: true, batchSize: 50);

        Assert.True(strict.RolledBack);
        Assert.Equal(0, strict.Counts.Works);
        Assert.Equal(before, await DatabaseContent.DumpAsync(database));

        var result = await Verbs.RunAsync("import", path, "--db", database.FilePath, "--strict");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"bad input: {path}: line 6001: the record has no id", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith("strict: bad input met; nothing this run wrote was kept", StringComparison.Ordinal));
        Assert.Equal("imported: works=0 researchers=0 institutions=0 topics=0 sources=0 skipped=1 ignored=0", result.LastLine);
        Assert.Equal(before, await DatabaseContent.DumpAsync(database));

        // Without --strict the same input keeps the good records, so the rollback above undid real writes.
        var lenient = await RunImporter(database, path, strict: false, batchSize: 50);
        Assert.False(lenient.RolledBack);
        Assert.Equal(6000, lenient.Counts.Works);
    }

    [Fact]
    public async Task Strict_with_an_unreadable_path_writes_nothing()
    {
        using var database = new TemporaryDatabase();
        var result = await Verbs.RunAsync("import", SharedOpenAlex.SampleWorks, "/no/such/folder", "--db", database.FilePath, "--strict");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Works.CountAsync());
    }

    private static async Task<ImportResult> RunImporter(TemporaryDatabase database, string path, bool strict, int batchSize)
    {
        using var console = new CommandOutput(TextWriter.Null, TextWriter.Null, showProgress: false);
        var inputs = ImportInputs.Collect([path]);
        return await Task.Run(() => OpenAlexImporter.Run(database.Factory, inputs, strict, new ImportReport(console), console, CancellationToken.None, batchSize));
    }
}
