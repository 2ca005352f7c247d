using System.Text.Json.Nodes;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Import;
using BzPeer.Explorer.Import.OpenAlex;
using BzPeer.Explorer.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>
/// The import's bulk mode (a large input into a new or nearly empty SQLite database) ends with exactly the database
/// that importing in batches gives: the same rows in every table, the same schema, the same search answers.
/// </summary>
public class ImportBulkLoadTests
{
    [Fact]
    public async Task A_bulk_load_stores_what_batches_store_and_search_answers_the_same()
    {
        using var files = new TemporaryFiles();
        string[] inputs = [SharedOpenAlex.Folder, Renumbered(files, copies: 3)];
        using var batches = await MigratedAsync();
        using var bulk = await MigratedAsync();

        await ImportAsync(batches, inputs, ImportMode.Batches);
        await ImportAsync(bulk, inputs, ImportMode.Bulk);

        Assert.True(DatabaseChecksum.Read(batches.FilePath)["Works"].Rows > 300);
        Assert.Equal(DatabaseChecksum.Read(batches.FilePath), DatabaseChecksum.Read(bulk.FilePath));
        Assert.Equal(Schema(batches), Schema(bulk));
        Assert.Equal("ok", SearchIndexCheck(bulk));
        foreach (var text in new[] { "lottery ticket", "style transfer", "mei", "kong", "learning", "nanjing", "computer vision" })
            Assert.Equal(await SearchAsync(batches, text), await SearchAsync(bulk, text));
    }

    [Theory, PostgresData]
    public async Task On_PostgreSQL_a_bulk_load_stores_what_batches_store_and_puts_every_index_and_key_back(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        string[] inputs = [SharedOpenAlex.Folder, Renumbered(files, copies: 2)];
        using var batches = await MigratedAsync(provider);
        using var bulk = await MigratedAsync(provider);
        var schemaBefore = await PostgresSchemaAsync(bulk);

        await ImportAsync(batches, inputs, ImportMode.Batches, batchSize: 97);
        await ImportAsync(bulk, inputs, ImportMode.Bulk, batchSize: 97);

        Assert.True(await DatabaseContent.CountAsync(bulk, "SELECT COUNT(*) FROM \"CoAuthorPairs\"") > 1_000);
        Assert.Equal(await DatabaseContent.DumpAsync(batches), await DatabaseContent.DumpAsync(bulk));
        Assert.Equal(schemaBefore, await PostgresSchemaAsync(bulk));
        foreach (var text in new[] { "lottery ticket", "mei", "learning", "nanjing" })
            Assert.Equal(await SearchAsync(batches, text), await SearchAsync(bulk, text));
    }

    [Fact]
    public async Task Co_author_pairs_written_batch_by_batch_in_a_bulk_load_are_those_batches_derive()
    {
        // Small batches, so that researchers who wrote together appear in many batches and their pairs are merged.
        using var files = new TemporaryFiles();
        string[] inputs = [Renumbered(files, copies: 2)];
        using var batches = await MigratedAsync();
        using var bulk = await MigratedAsync();

        await ImportAsync(batches, inputs, ImportMode.Batches, batchSize: 37);
        await ImportAsync(bulk, inputs, ImportMode.Bulk, batchSize: 37);

        Assert.True(DatabaseChecksum.Read(batches.FilePath)["CoAuthorPairs"].Rows > 1_000);
        Assert.Equal(DatabaseChecksum.Read(batches.FilePath), DatabaseChecksum.Read(bulk.FilePath));
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(bulk);
    }

    [Fact]
    public async Task A_bulk_load_that_replaces_a_work_it_loaded_recounts_the_co_authors_it_had()
    {
        // The newer version of W1 drops A2 and adds A3, in a later batch than the first: A1 and A2 share no work any more.
        using var files = new TemporaryFiles();
        var path = Path.Combine(files.Folder, "replaced.jsonl");
        var lines = new List<string>
        {
            TestRecords.Work("W1", "First version", "2024-01-01", [TestRecords.Author("A1", "Ada One"), TestRecords.Author("A2", "Bo Two")], year: 2019).ToJsonString(),
        };
        for (var i = 2; i < 40; i++)
            lines.Add(TestRecords.Work($"W{i}", $"Work {i}", authors: [TestRecords.Author("A1", "Ada One"), TestRecords.Author($"A{i + 10}", $"Co Author {i}")]).ToJsonString());
        lines.Add(TestRecords.Work("W1", "Second version", "2025-01-01", [TestRecords.Author("A1", "Ada One"), TestRecords.Author("A3", "Cy Three")], year: 2021).ToJsonString());
        File.WriteAllLines(path, lines);
        using var batches = await MigratedAsync();
        using var bulk = await MigratedAsync();

        await ImportAsync(batches, [path], ImportMode.Batches, batchSize: 10);
        await ImportAsync(bulk, [path], ImportMode.Bulk, batchSize: 10);

        Assert.Equal(0, await DatabaseContent.CountAsync(bulk, """
            SELECT COUNT(*) FROM "CoAuthorPairs" p JOIN "Researchers" r ON r."Id" = p."CoAuthorId" WHERE r."OpenAlexId" = 'A2'
            """));
        Assert.Equal(DatabaseChecksum.Read(batches.FilePath), DatabaseChecksum.Read(bulk.FilePath));
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(bulk);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bulk_load_that_replaces_a_work_leaves_nothing_that_pointed_at_what_it_removed(DatabaseProvider provider)
    {
        // A bulk load writes with foreign keys off. The first W1 gives A1 an institution on the work and names an author
        // without an id; the second drops both, so that authorship's institution and the name-only researcher go, and
        // whatever hung on them must go too, as the foreign keys would have seen to.
        using var files = new TemporaryFiles();
        var path = Path.Combine(files.Folder, "replaced.jsonl");
        var first = TestRecords.WithInstitution(
            TestRecords.Work("W1", "First version", "2024-01-01", [TestRecords.Author("A1", "Ada One"), new JsonObject { ["display_name"] = "Nameless Person" }]),
            0, "I1", "First University");
        var lines = new List<string> { first.ToJsonString() };
        for (var i = 2; i < 40; i++)
            lines.Add(TestRecords.Work($"W{i}", $"Work {i}", authors: [TestRecords.Author("A1", "Ada One")]).ToJsonString());
        lines.Add(TestRecords.Work("W1", "Second version", "2025-01-01", [TestRecords.Author("A1", "Ada One")]).ToJsonString());
        File.WriteAllLines(path, lines);
        using var batches = await MigratedAsync(provider);
        using var bulk = await MigratedAsync(provider);

        await ImportAsync(batches, [path], ImportMode.Batches, batchSize: 10);
        await ImportAsync(bulk, [path], ImportMode.Bulk, batchSize: 10);

        Assert.Equal(0, await DatabaseContent.CountAsync(bulk, "SELECT COUNT(*) FROM \"AuthorshipInstitutions\""));
        Assert.Equal(0, await DatabaseContent.CountAsync(bulk, "SELECT COUNT(*) FROM \"Researchers\" WHERE \"DisplayName\" = 'Nameless Person'"));
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(await DatabaseContent.DumpAsync(batches), await DatabaseContent.DumpAsync(bulk));
            return;
        }
        Assert.Equal(0, await DatabaseContent.CountAsync(bulk, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
        Assert.Equal(DatabaseChecksum.Read(batches.FilePath), DatabaseChecksum.Read(bulk.FilePath));
    }

    [Fact]
    public async Task A_bulk_load_that_stopped_half_way_is_finished_by_the_next_import()
    {
        using var files = new TemporaryFiles();
        string[] inputs = [SharedOpenAlex.SampleWorks, Renumbered(files, copies: 3)];
        using var clean = await MigratedAsync();
        await ImportAsync(clean, inputs, ImportMode.Batches);
        using var stopped = await MigratedAsync();

        // What a killed bulk load leaves: its first batch committed, the indexes and search triggers still put aside.
        await using (var db = stopped.CreateContext())
        {
            db.Database.OpenConnection();
            var bulkLoad = BulkLoad.Start(db, ImportInputs.Collect(inputs), ImportMode.Bulk);
            Assert.NotNull(bulkLoad);
            var batch = new ImportBatch();
            foreach (var record in FirstWorks(inputs[0], 60)) batch.Add(new ImportEntry(record, inputs[0]));
            using var transaction = db.Database.BeginTransaction();
            new ImportBatchWriter(db, deferDerived: true).Write(batch);
            transaction.Commit();
        }
        Assert.NotEqual(DatabaseChecksum.Read(clean.FilePath), DatabaseChecksum.Read(stopped.FilePath));

        // Even an import that would go in batches finishes the load it finds.
        await ImportAsync(stopped, inputs, ImportMode.Batches);

        Assert.Equal(DatabaseChecksum.Read(clean.FilePath), DatabaseChecksum.Read(stopped.FilePath));
        Assert.Equal(Schema(clean), Schema(stopped));
        Assert.Equal("ok", SearchIndexCheck(stopped));
    }

    [Fact]
    public async Task The_import_verb_loads_in_bulk_only_a_large_input_into_a_new_or_nearly_empty_database()
    {
        using var files = new TemporaryFiles();
        var large = Renumbered(files, copies: 3);
        Assert.True(new FileInfo(large).Length >= BulkLoad.SmallestInput);
        using var empty = new TemporaryDatabase();
        using var demo = new TemporaryDatabase();
        await demo.InitializeAsync();
        using var small = new TemporaryDatabase();

        var intoEmpty = await Verbs.ImportAsync(empty, large);
        var intoDemo = await Verbs.ImportAsync(demo, large);
        var smallInput = await Verbs.ImportAsync(small, SharedOpenAlex.SampleWorks);

        Assert.True(intoEmpty.ExitCode == ExitCodes.Success, intoEmpty.ToString());
        Assert.Contains(intoEmpty.Output, line => line.StartsWith("bulk load: ", StringComparison.Ordinal));
        Assert.True(intoDemo.ExitCode == ExitCodes.Success, intoDemo.ToString());
        Assert.DoesNotContain(intoDemo.Output, line => line.StartsWith("bulk load: ", StringComparison.Ordinal));
        Assert.DoesNotContain(smallInput.Output, line => line.StartsWith("bulk load: ", StringComparison.Ordinal));
        Assert.Equal(Schema(small), Schema(empty));
    }

    private static string Renumbered(TemporaryFiles files, int copies)
    {
        var path = Path.Combine(files.Folder, $"renumbered-{copies}.jsonl");
        RenumberedSample.Write(path, copies);
        return path;
    }

    /// <summary>Every index, constraint and table of the database's schema, as PostgreSQL describes them.</summary>
    private static async Task<List<string>> PostgresSchemaAsync(TemporaryDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.ReadAsync("""
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
            UNION ALL SELECT 'table ' || table_name FROM information_schema.tables WHERE table_schema = current_schema()
            ORDER BY 1
            """, reader => reader.GetString(0), CancellationToken.None);
    }

    private static async Task<TemporaryDatabase> MigratedAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = new TemporaryDatabase(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    private static async Task ImportAsync(TemporaryDatabase database, string[] paths, ImportMode mode,
        int batchSize = OpenAlexImporter.DefaultBatchSize)
    {
        using var console = new CommandOutput(TextWriter.Null, TextWriter.Null, showProgress: false);
        var report = new ImportReport(console);
        var result = await Task.Run(() => OpenAlexImporter.Run(database.Factory, ImportInputs.Collect(paths), strict: false, report, console,
            CancellationToken.None, batchSize, mode));
        Assert.Equal(0, result.BadRecords);
    }

    private static IEnumerable<object> FirstWorks(string path, int count)
    {
        using var file = File.OpenRead(path);
        using var json = new JsonRecordReader(file);
        for (var read = 0; read < count && json.TryRead(out var record); read++)
            yield return OpenAlexParser.Parse(record.Element).Record!;
    }

    /// <summary>Every table, index and trigger, as SQLite keeps their definitions.</summary>
    private static List<string> Schema(TemporaryDatabase database)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var schema = new List<string>();
        while (reader.Read()) schema.Add(reader.GetString(0));
        return schema;
    }

    /// <summary>SQLite's own check that each search index holds exactly its table's text.</summary>
    private static string SearchIndexCheck(TemporaryDatabase database)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        foreach (var table in SearchIndex.Tables)
        {
            command.CommandText = $"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)";
            command.ExecuteNonQuery();
        }
        return "ok";
    }

    private static async Task<string> SearchAsync(TemporaryDatabase database, string text)
    {
        var search = new SearchService(database.Factory);
        var answers = new List<string>();
        foreach (var hit in await search.SuggestAsync(text)) answers.Add($"suggest {hit.Kind} {hit.Id} {hit.Title}");
        foreach (var kind in Enum.GetValues<SearchKind>())
        {
            var results = await search.SearchAsync(text, kind, 1);
            answers.Add($"{kind} total={results.Total}");
            answers.AddRange(results.Hits.Select(hit => $"{kind} {hit.Id} {hit.Title} {hit.Facts}"));
        }
        return string.Join('\n', answers);
    }
}
