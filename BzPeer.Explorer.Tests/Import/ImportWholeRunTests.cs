using System.Text.Json.Nodes;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>A record never stops the run: whatever goes wrong with one is reported by file, line and id, and skipped (issue 18).</summary>
public class ImportWholeRunTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Authors_without_affiliations_or_a_last_known_institution_import_and_so_does_what_follows_them(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        // The records of the issue: with empty lists, and without the fields at all.
        var path = files.Write("authors.jsonl", """
            {"id":"https://openalex.org/A5000000001","display_name":"No Affiliation","affiliations":[],"last_known_institutions":[]}
            {"id":"https://openalex.org/A5000000002","display_name":"No Affiliation Either"}
            {"id":"https://openalex.org/A5000000003","display_name":"Null Fields","affiliations":null,"last_known_institutions":null,"last_known_institution":null}
            {"id":"https://openalex.org/A5000000004"}
            """);

        var result = await Verbs.ImportAsync(database, path);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("imported: works=0 researchers=4 institutions=0 topics=0 sources=0 skipped=0 ignored=0", result.LastLine);
        await using var db = database.CreateContext();
        Assert.Equal(["No Affiliation", "No Affiliation Either", "Null Fields", "A5000000004"],
            await db.Researchers.OrderBy(r => r.OpenAlexId).Select(r => r.DisplayName).ToListAsync());
        Assert.All(await db.Researchers.ToListAsync(), r => Assert.Null(r.LastKnownInstitutionId));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_record_the_database_refuses_is_reported_by_file_line_and_id_and_the_rest_of_its_batch_is_stored(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        await RefuseWorksTitledAsync(database, "Refused by the database");
        var works = Enumerable.Range(1, 9).Select(i => TestRecords.Work($"W90000000{i:00}", i == 5 ? "Refused by the database" : $"Work {i}",
            authors: [TestRecords.Author($"A90000000{i:00}", $"Author {i}")])).ToList();
        var path = files.WriteJsonLines("works.jsonl", works);

        var result = await Verbs.ImportAsync(database, path);

        Assert.True(result.ExitCode == ExitCodes.SkippedInput, result.ToString());
        var problem = Assert.Single(result.Errors);
        Assert.StartsWith($"bad input: {path}: line 5 (W9000000005): cannot be stored (", problem);
        Assert.Contains("refused by the test", problem);
        // The refused work's author is known only from it, so is not stored either.
        Assert.Equal("imported: works=8 researchers=8 institutions=0 topics=0 sources=0 skipped=1 ignored=0", result.LastLine);
        await using var db = database.CreateContext();
        Assert.Equal(Enumerable.Range(1, 9).Where(i => i != 5).Select(i => $"Work {i}"), await db.Works.OrderBy(w => w.OpenAlexId).Select(w => w.Title).ToListAsync());
        Assert.Equal(8, await db.Authorships.CountAsync());
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task With_strict_a_record_the_database_refuses_stops_the_run_and_nothing_is_kept(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        await RefuseWorksTitledAsync(database, "Refused by the database");
        var path = files.WriteJsonLines("works.jsonl",
            Enumerable.Range(1, 9).Select(i => TestRecords.Work($"W90000000{i:00}", i == 5 ? "Refused by the database" : $"Work {i}")));

        var result = database.Provider == DatabaseProvider.Sqlite
            ? await Verbs.RunAsync("import", path, "--strict", "--db", database.FilePath)
            : await Verbs.RunAsync(Verbs.ConfigurationOf(database), "import", path, "--strict");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"bad input: {path}: line 5 (W9000000005): cannot be stored (", result.Errors[0]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Works.CountAsync());
    }

    [Fact]
    public async Task A_record_that_breaks_the_reader_in_an_unforeseen_way_is_reported_with_its_id_and_the_run_goes_on()
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase();
        // Arrays of arrays where objects are expected, deep in the record: reported, never thrown out of the run.
        var odd = TestRecords.Work("W9000000002", "Odd");
        odd["authorships"] = new JsonArray(new JsonArray(1, 2));
        var path = files.WriteJsonLines("works.jsonl", [TestRecords.Work("W9000000001", "First"), odd, TestRecords.Work("W9000000003", "Third")]);

        var result = await Verbs.ImportAsync(database, path);

        Assert.Equal(ExitCodes.SkippedInput, result.ExitCode);
        Assert.Equal([$"bad input: {path}: line 2 (W9000000002): 'authorships[0]' is not an object"], result.Errors);
        Assert.Equal(2, result.Summary()["works"]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_work_naming_an_author_and_one_merged_into_them_is_stored_with_that_author_once(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        files.Write("merged_ids/authors/2024-01-01.csv", "merge_date,id,merge_into_id\n2024-01-01,A9000000002,A9000000001\n");
        files.WriteJsonLines("works/works.jsonl", [TestRecords.Work("W9000000001", "Twice the same person",
            authors: [TestRecords.Author("A9000000001", "Ada Example"), TestRecords.Author("A9000000002", "A. Example"), TestRecords.Author("A9000000003", "Bo Example")])]);

        var result = await Verbs.ImportAsync(database, files.Folder);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        await using var db = database.CreateContext();
        Assert.Equal(["A9000000001", "A9000000003"],
            await db.Authorships.OrderBy(a => a.AuthorOrder).Select(a => db.Researchers.Single(r => r.Id == a.ResearcherId).OpenAlexId).ToListAsync());
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Fact]
    public async Task A_bad_record_in_a_json_array_is_named_by_its_line_its_place_in_the_array_and_its_id()
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase();
        var bad = TestRecords.Work("W9000000002", "Bad");
        bad["publication_year"] = "twenty twenty";
        var path = files.Write("works.json", new JsonArray(TestRecords.Work("W9000000001", "First"), bad).ToJsonString());

        var result = await Verbs.ImportAsync(database, path);

        Assert.Equal([$"bad input: {path}: line 1 (record 2, W9000000002): 'publication_year' is not a number"], result.Errors);
        Assert.Equal(1, result.Summary()["works"]);
    }

    /// <summary>Makes the database itself refuse works with this title, as a constraint would.</summary>
    private static async Task RefuseWorksTitledAsync(TemporaryDatabase database, string title)
    {
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        // The title is the test's own constant, not input.
        var refuse = database.Provider == DatabaseProvider.Sqlite
            ? $"""
                CREATE TRIGGER refuse_work BEFORE INSERT ON "Works" WHEN NEW."Title" = '{title}'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """
            : $$"""
                CREATE FUNCTION refuse_work() RETURNS trigger AS $$
                BEGIN
                    IF NEW."Title" = '{{title}}' THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_work BEFORE INSERT ON "Works" FOR EACH ROW EXECUTE FUNCTION refuse_work();
                """;
        await db.Database.ExecuteSqlRawAsync(refuse);
    }
}
