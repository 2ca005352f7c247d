using BzPeer.Explorer.Data;
using BzPeer.Explorer.DemoData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BzPeer.Explorer.Tests;

/// <summary>
/// A database of the test's own, removed when the test ends: a SQLite file in its own temporary folder, or a fresh
/// database on the PostgreSQL server the tests are given (<see cref="Postgres"/>). The folder exists either way, for
/// files a test writes beside its database.
/// </summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string? _postgresName;

    public TemporaryDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Provider = provider;
        var id = Guid.NewGuid().ToString("N");
        Folder = Path.Combine(Path.GetTempPath(), "bzpeer-tests", id);
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "explorer.db");
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresName = $"bzpeer_test_{id}";
            ConnectionString = Postgres.CreateDatabase(_postgresName);
        }
        else
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
        }
        Factory = ExplorerDatabase.CreateFactory(new DatabaseLocation(provider, ConnectionString));
    }

    public DatabaseProvider Provider { get; }
    public string Folder { get; }
    /// <summary>The SQLite file (SQLite only).</summary>
    public string FilePath { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<ExplorerDbContext> Factory { get; }

    /// <summary>What the app does at start: migrate, then load the demo data into an empty database.</summary>
    public async Task InitializeAsync()
    {
        if (await new DatabaseInitializer(Factory, NullLogger<DatabaseInitializer>.Instance).InitializeAsync())
            await new DemoDataLoader(Factory, NullLogger<DemoDataLoader>.Instance).LoadIfEmptyAsync();
    }

    public ExplorerDbContext CreateContext() => Factory.CreateDbContext();

    public void Dispose()
    {
        if (_postgresName is not null) Postgres.DropDatabase(_postgresName);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the OS temp cleaner will take it.
        }
    }
}
