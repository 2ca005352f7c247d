using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Tests;

/// <summary>
/// One database per provider, shared by a test class's read-only checks: made by <see cref="CreateAsync"/> when a
/// test first asks for that provider, removed when the class is done.
/// </summary>
public abstract class ProviderDatabasesFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<TemporaryDatabase>> _databases = [];

    public Task<TemporaryDatabase> DatabaseAsync(DatabaseProvider provider)
    {
        lock (_databases)
        {
            if (!_databases.TryGetValue(provider, out var database)) _databases[provider] = database = CreateAsync(provider);
            return database;
        }
    }

    protected abstract Task<TemporaryDatabase> CreateAsync(DatabaseProvider provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values)
        {
            if (database.IsCompletedSuccessfully) (await database).Dispose();
        }
    }
}
