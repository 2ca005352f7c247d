using BzPeer.Explorer.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Data;

public class DatabaseSetupTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Migrations_apply_to_a_fresh_database_and_match_the_model(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);
        await database.InitializeAsync();

        if (provider == DatabaseProvider.Sqlite) Assert.True(File.Exists(database.FilePath));
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: add one with dotnet ef migrations add.");
    }

    [Fact]
    public async Task The_database_uses_a_wal_journal_and_waits_for_busy_writers()
    {
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();

        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        Assert.Equal("wal", await Scalar(db, "PRAGMA journal_mode"));
        Assert.Equal("5000", await Scalar(db, "PRAGMA busy_timeout"));
        Assert.Equal("1", await Scalar(db, "PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task Lookups_the_pages_and_graph_make_are_indexed()
    {
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();

        string[] lookups =
        [
            "SELECT Id FROM Researchers WHERE Slug = 'x'",
            "SELECT Id FROM Researchers WHERE OpenAlexId = 'A1'",
            "SELECT Id FROM Researchers WHERE Orcid = '0000-0002-1825-0097'",
            "SELECT Id FROM Works WHERE OpenAlexId = 'W1'",
            "SELECT Id FROM Works WHERE Doi = '10.1/x'",
            "SELECT Id FROM Works WHERE ArxivId = '2203.13802'",
            "SELECT Id FROM Institutions WHERE Ror = '01rxvg760'",
            "SELECT Id FROM Institutions WHERE OpenAlexId = 'I1'",
            "SELECT Id FROM Topics WHERE OpenAlexId = 'T1'",
            "SELECT WorkId FROM Authorships WHERE ResearcherId = 1",
            "SELECT ResearcherId FROM Authorships WHERE WorkId = 1",
            "SELECT CoAuthorId FROM CoAuthorPairs WHERE ResearcherId = 1 ORDER BY SharedWorks DESC",
            "SELECT ResearcherId FROM CoAuthorPairs WHERE CoAuthorId = 1",
            "SELECT WorkId FROM WorkTopics WHERE TopicId = 1 ORDER BY WorkYear DESC",
            "SELECT ResearcherId FROM ResearcherTopics WHERE TopicId = 1 ORDER BY WorkCount DESC",
            "SELECT CitedWorkId FROM Citations WHERE CitingWorkId = 1",
            "SELECT CitingWorkId FROM Citations WHERE CitedWorkId = 1",
            "SELECT ResearcherId FROM Affiliations WHERE InstitutionId = 1",
            "SELECT ResearcherId FROM Follows WHERE UserId = 'u'",
            "SELECT UserId FROM AuthorClaims WHERE ResearcherId = 1 AND Status = 'Approved'",
            "SELECT Id FROM AuthorClaims WHERE Status = 'Pending' ORDER BY CreatedAt",
            "SELECT COUNT(*) FROM CollaborationInvitations WHERE SenderUserId = 'u' AND CreatedAt > '2026-01-01'",
            "SELECT Id FROM CollaborationInvitations WHERE RecipientUserId = 'u' AND Status = 'Pending'",
            "SELECT Id FROM Conversations WHERE StartedByUserId = 'u' OR RecipientUserId = 'u'",
            "SELECT Id FROM ConversationMessages WHERE ConversationId = 1 ORDER BY SentAt",
            "SELECT 1 FROM UserBlocks WHERE BlockedUserId = 'u'",
        ];
        foreach (var lookup in lookups)
        {
            var plan = await QueryPlan(db, lookup);
            Assert.True(!plan.Contains("SCAN ", StringComparison.Ordinal) && !plan.Contains("TEMP B-TREE", StringComparison.Ordinal),
                $"{lookup} is not answered from an index: {plan}");
        }
    }

    [Fact]
    public void A_relative_database_path_is_placed_under_the_content_root_and_its_folder_created()
    {
        var root = Path.Combine(Path.GetTempPath(), "bzpeer-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var resolved = new SqliteConnectionStringBuilder(ExplorerDatabase.ResolveConnectionString(null, root));
            Assert.Equal(Path.Combine(root, "data", "bzpeer.db"), resolved.DataSource);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("postgress")]
    public void An_unknown_provider_is_refused_naming_the_setting(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ExplorerDatabase.ParseProvider(configured));
        Assert.Contains("Database:Provider", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Host=;Database=x")]
    [InlineData("Host=localhost")]
    public void A_postgres_connection_string_without_host_or_database_is_refused(string? configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ExplorerDatabase.CheckPostgresConnectionString(configured));
        Assert.Contains("ConnectionStrings:Explorer", error.Message);
    }

    [Theory]
    [InlineData("Colour=blue")]
    [InlineData("Data Source=")]
    public void A_bad_connection_string_gets_a_clear_error_naming_the_setting(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ExplorerDatabase.ResolveConnectionString(configured, Path.GetTempPath()));
        Assert.Contains("ConnectionStrings:Explorer", error.Message);
    }

    private static async Task<string> Scalar(ExplorerDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static async Task<string> QueryPlan(ExplorerDbContext db, string sql)
    {
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return string.Join(" | ", steps);
    }
}

public class ReadOnlyStartTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Without_migrations_at_start_an_empty_database_is_refused_and_left_empty(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);
        var initializer = new DatabaseInitializer(database.Factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseInitializer>.Instance, migrate: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync());

        Assert.Contains("Database:Migrate", error.Message);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Without_migrations_at_start_an_up_to_date_database_is_used_as_it_is(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);
        await database.InitializeAsync();
        await using (var db = database.CreateContext()) await db.Researchers.Where(r => r.Slug == "meihao-kong").ExecuteDeleteAsync();

        await new DatabaseInitializer(database.Factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseInitializer>.Instance, migrate: false).InitializeAsync();

        await using var after = database.CreateContext();
        Assert.False(await after.Researchers.AnyAsync(r => r.Slug == "meihao-kong"));
    }
}
