using BzPeer.Explorer.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BzPeer.Explorer.Tests;

/// <summary>A SQLite file in its own temporary folder, deleted with the folder when the test ends.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "bzpeer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "explorer.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
        Factory = ExplorerDatabase.CreateFactory(ConnectionString);
    }

    public string Folder { get; }
    public string FilePath { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<ExplorerDbContext> Factory { get; }

    /// <summary>What the app does at start: migrate, then load the demo data into an empty database.</summary>
    public Task InitializeAsync() => new DatabaseInitializer(Factory, NullLogger<DatabaseInitializer>.Instance).InitializeAsync();

    public ExplorerDbContext CreateContext() => Factory.CreateDbContext();

    public void Dispose()
    {
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
