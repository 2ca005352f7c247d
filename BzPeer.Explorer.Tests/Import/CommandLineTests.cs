using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>The import and generate verbs, run through the app's command line in this process.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "import" }, "error: import: Required argument 'PATH' missing for command: 'import' (see import --help)")]
    [InlineData(new[] { "import", "x", "--colour" }, "error: import: unknown option --colour (see import --help)")]
    [InlineData(new[] { "import", "x", "--db" }, "error: import: Required argument missing for option: '--db' (see import --help)")]
    [InlineData(new[] { "generate" }, "error: generate: --works N is required (see generate --help)")]
    [InlineData(new[] { "generate", "--works", "many" }, "error: generate: --works takes a whole number, not \"many\" (see generate --help)")]
    [InlineData(new[] { "generate", "--works", "0" }, "error: generate: --works must be between 1 and 20,000,000 (see generate --help)")]
    public async Task Bad_arguments_get_one_line_and_the_usage_exit_code(string[] args, string error)
    {
        var result = await Verbs.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal([error], result.Errors);
    }

    [Theory, PostgresData]
    public async Task Verbs_use_postgres_when_the_configuration_names_it(DatabaseProvider provider)
    {
        using var imported = new TemporaryDatabase(provider);
        var import = await Verbs.RunAsync(Verbs.ConfigurationOf(imported), "import", SharedOpenAlex.SampleWorks);
        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.StartsWith("importing into PostgreSQL ", import.Output[0]);
        await using (var importedDb = imported.CreateContext()) Assert.Equal(100, await importedDb.Works.CountAsync());
        var refused = await Verbs.RunAsync(Verbs.ConfigurationOf(imported), "generate", "--works", "10");
        Assert.Equal(ExitCodes.Failure, refused.ExitCode);

        using var database = new TemporaryDatabase(provider);
        var configuration = Verbs.ConfigurationOf(database);
        var generated = await Verbs.RunAsync(configuration, "generate", "--works", "300");
        Assert.Equal(ExitCodes.Success, generated.ExitCode);
        Assert.StartsWith("generating 300 works (seed 2022) into PostgreSQL ", generated.Output[0]);
        await using var db = database.CreateContext();
        Assert.Equal(301, await db.Works.CountAsync());
        Assert.Equal(await db.Researchers.CountAsync(), generated.Summary()["researchers"]);
        // Keys written by COPY are behind the identity sequences: a record added afterwards gets a fresh key.
        db.Researchers.Add(new Researcher { Slug = "added-after", DisplayName = "Added After", Origin = RecordOrigin.OpenAlex });
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("sqlserver")]
    public async Task An_unknown_provider_gets_one_line_naming_the_setting(string provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider }).Build();
        var result = await Verbs.RunAsync(configuration, "generate", "--works", "10");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("Database:Provider", result.Errors.Single());
    }

    [Fact]
    public async Task Without_db_the_configured_connection_string_is_used()
    {
        using var database = new TemporaryDatabase();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Explorer"] = database.ConnectionString })
            .Build();

        var result = await Verbs.RunAsync(configuration, "import", SharedOpenAlex.SampleWorks);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal($"importing into {database.FilePath}", result.Output[0]);
        await using var db = database.CreateContext();
        Assert.Equal(100, await db.Works.CountAsync());
    }

    [Fact]
    public async Task Generate_writes_the_reference_record_and_a_corpus_that_is_the_same_for_the_same_seed()
    {
        using var first = new TemporaryDatabase();
        using var second = new TemporaryDatabase();
        using var otherSeed = new TemporaryDatabase();

        var result = await Verbs.RunAsync("generate", "--works", "800", "--seed", "7", "--db", first.FilePath);
        await Verbs.RunAsync("generate", "--works", "800", "--seed", "7", "--db", second.FilePath);
        await Verbs.RunAsync("generate", "--works", "800", "--seed", "8", "--db", otherSeed.FilePath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("generated: works=801 researchers=", result.LastLine);
        // Before it, where the time went, stage by stage, in the order they ran.
        Assert.Matches(@"^stages: writing works \d+\.\d s, indexing the links \d+\.\d s, deriving co-authors, topics and counts \d+\.\d s, " +
            @"indexing the derived tables \d+\.\d s, building the search index \d+\.\d s, committing \d+\.\d s$", result.Output[^2]);
        Assert.Equal(await DatabaseContent.DumpAsync(first), await DatabaseContent.DumpAsync(second));
        Assert.NotEqual(await DatabaseContent.DumpAsync(first), await DatabaseContent.DumpAsync(otherSeed));
        await using var db = first.CreateContext();
        Assert.Equal(800, await db.Works.CountAsync(w => w.Origin == RecordOrigin.Synthetic));
        var kong = await db.Researchers.SingleAsync(r => r.Slug == "meihao-kong");
        Assert.Equal(5, await db.CoAuthorPairs.CountAsync(p => p.ResearcherId == kong.Id));
    }

    [Fact]
    public async Task Generate_leaves_the_schema_exactly_as_the_migrations_make_it()
    {
        using var generated = new TemporaryDatabase();
        using var migrated = new TemporaryDatabase();
        await Verbs.RunAsync("generate", "--works", "300", "--db", generated.FilePath);
        await using (var db = migrated.CreateContext()) await db.Database.MigrateAsync();

        Assert.Equal(await Schema(migrated), await Schema(generated));
        Assert.Contains("CREATE INDEX \"IX_CoAuthorPairs_CoAuthorId\"", await Schema(generated));
    }

    [Fact]
    public async Task Generate_refuses_a_database_that_holds_data()
    {
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();

        var result = await Verbs.RunAsync("generate", "--works", "100", "--db", database.FilePath);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal([$"error: generate: {database.FilePath} already holds researchers or works; generate fills an empty database (choose a new file with --db)"], result.Errors);
    }

    [Fact]
    public async Task The_app_started_on_an_imported_database_adds_no_demo_data()
    {
        using var database = new TemporaryDatabase();
        await Verbs.ImportAsync(database, SharedOpenAlex.SampleWorks);

        await database.InitializeAsync();

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Works.CountAsync(w => w.Origin != RecordOrigin.OpenAlex));
    }

    private static async Task<string> Schema(TemporaryDatabase database) =>
        string.Join('\n', await SchemaRows(database));

    private static async Task<List<string>> SchemaRows(TemporaryDatabase database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
