using System.Data.Common;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BzPeer.Explorer.Tests.Data;

/// <summary>
/// Contexts kept open between reads, with their statements prepared: what they read must be what a fresh context
/// reads (rows written since, other values bound), and they must let the file go once disposed.
/// </summary>
public sealed class KeptReadContextsTests : IAsyncLifetime
{
    private const string TopicsOfSubfield = "SELECT count(*) FROM \"Topics\" WHERE \"SubfieldName\" = @subfield";
    private readonly TemporaryDatabase _database = new();

    public Task InitializeAsync() => new DatabaseInitializer(_database.Factory, NullLogger<DatabaseInitializer>.Instance).InitializeAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_kept_statement_reads_the_rows_written_after_it_was_prepared()
    {
        using var kept = new KeptReadContexts(_database.Factory);
        Assert.Equal(0, await CountTopicsAsync(kept, "Kept subfield"));

        await AddTopicAsync("Kept subfield");

        Assert.Equal(1, await CountTopicsAsync(kept, "Kept subfield"));
    }

    [Fact]
    public async Task A_kept_statement_reads_for_the_values_bound_each_time()
    {
        await AddTopicAsync("First subfield");
        await AddTopicAsync("Second subfield");
        await AddTopicAsync("Second subfield");
        using var kept = new KeptReadContexts(_database.Factory);

        Assert.Equal(1, await CountTopicsAsync(kept, "First subfield"));
        Assert.Equal(2, await CountTopicsAsync(kept, "Second subfield"));
        Assert.Equal(0, await CountTopicsAsync(kept, "No such subfield"));
        Assert.Equal(1, await CountTopicsAsync(kept, "First subfield"));
    }

    [Fact]
    public async Task The_next_read_runs_on_the_same_connection_with_the_statement_prepared_before()
    {
        using var kept = new KeptReadContexts(_database.Factory);
        var (firstConnection, firstCommand) = await kept.ReadAsync(db => Task.FromResult(FindKept(db)), CancellationToken.None);
        var (secondConnection, secondCommand) = await kept.ReadAsync(db => Task.FromResult(FindKept(db)), CancellationToken.None);

        Assert.Same(firstConnection, secondConnection);
        Assert.NotNull(firstCommand);
        Assert.Same(firstCommand, secondCommand);
    }

    [Fact]
    public async Task Reads_at_the_same_time_each_have_a_context_of_their_own()
    {
        using var kept = new KeptReadContexts(_database.Factory);
        var firstHolds = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = kept.ReadAsync(async db =>
        {
            firstHolds.SetResult();
            await release.Task;
            return db.Database.GetDbConnection();
        }, CancellationToken.None);
        await firstHolds.Task;

        var second = await kept.ReadAsync(db => Task.FromResult(db.Database.GetDbConnection()), CancellationToken.None);
        release.SetResult();

        Assert.NotSame(await first, second);
    }

    [Fact]
    public async Task Nothing_is_kept_for_a_context_opened_as_usual_or_inside_a_transaction()
    {
        await using (var usual = await _database.Factory.CreateDbContextAsync())
        {
            await usual.Database.OpenConnectionAsync();
            Assert.Null(FindKept(usual).Command);
        }
        using var kept = new KeptReadContexts(_database.Factory);
        var inTransaction = await kept.ReadAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            return KeptStatements.Find(db, TopicsOfSubfield, [("@subfield", "x")]);
        }, CancellationToken.None);
        Assert.Null(inTransaction);
    }

    [Fact]
    public async Task Once_disposed_no_connection_holds_the_database_file()
    {
        var kept = new KeptReadContexts(_database.Factory);
        await CountTopicsAsync(kept, "Any subfield");
        Assert.NotEmpty(HandlesOn(_database.FilePath));

        kept.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Empty(HandlesOn(_database.FilePath));
    }

    private static async Task<long> CountTopicsAsync(KeptReadContexts kept, string subfield) =>
        await kept.ReadAsync(async db => (await db.ReadAsync(TopicsOfSubfield, r => r.GetInt64(0), CancellationToken.None, ("@subfield", subfield)))[0],
            CancellationToken.None);

    private static (DbConnection Connection, DbCommand? Command) FindKept(ExplorerDbContext db) =>
        (db.Database.GetDbConnection(), KeptStatements.Find(db, TopicsOfSubfield, [("@subfield", "x")]));

    private async Task AddTopicAsync(string subfield)
    {
        await using var db = _database.CreateContext();
        db.Topics.Add(new Topic { DisplayName = $"Topic of {subfield}", SubfieldName = subfield, FieldName = "Field", DomainName = "Domain", Origin = RecordOrigin.Synthetic });
        await db.SaveChangesAsync();
    }

    /// <summary>This process's open files that are the database (or its -wal and -shm), from /proc.</summary>
    private static List<string> HandlesOn(string path) =>
        Directory.EnumerateFileSystemEntries("/proc/self/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .OfType<string>()
            .Where(target => target.StartsWith(path, StringComparison.Ordinal))
            .ToList();
}
