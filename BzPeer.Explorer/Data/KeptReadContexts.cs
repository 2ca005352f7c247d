using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Data;

/// <summary>
/// Contexts for many small reads, kept open between operations so SQLite keeps the statements they prepared:
/// Microsoft.Data.Sqlite prepares a command's SQL at every execution and frees its statements when the connection
/// closes, and for a graph slice's dozen reads of a few rows each, preparing is a large part of the time. A kept context
/// is used by one operation at a time; the rest are opened and disposed as usual. PostgreSQL contexts are never kept
/// (its server holds the sessions, and a test's database must be droppable when the test ends).
/// </summary>
public sealed class KeptReadContexts(IDbContextFactory<ExplorerDbContext> factory) : IDisposable
{
    /// <summary>How many idle contexts are kept: reads run on the thread pool, so more than the cores' worth are rarely needed at once.</summary>
    private static readonly int Keep = Environment.ProcessorCount * 2;

    private readonly ConcurrentBag<ExplorerDbContext> _idle = [];
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on an open context of its own, kept for later reads if it can be.</summary>
    public async Task<T> ReadAsync<T>(Func<ExplorerDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        var db = await RentAsync(cancellationToken);
        try
        {
            return await read(db);
        }
        finally
        {
            await ReturnAsync(db);
        }
    }

    private async Task<ExplorerDbContext> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var kept)) return kept;
        var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        if (!db.IsPostgres) KeptStatements.Keep(db.Database.GetDbConnection());
        return db;
    }

    /// <summary>Keeps the context for the next operation, or disposes it when enough are kept (or it cannot be kept).</summary>
    private async ValueTask ReturnAsync(ExplorerDbContext db)
    {
        if (!_disposed && !db.IsPostgres && db.Database.GetDbConnection().State == ConnectionState.Open && _idle.Count < Keep)
        {
            _idle.Add(db);
            // Disposed meanwhile: the context just added may have been missed by Dispose.
            if (!_disposed) return;
            Dispose();
            return;
        }
        await db.DisposeAsync();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var db)) db.Dispose();
    }
}

/// <summary>
/// The commands run on a kept connection (see <see cref="KeptReadContexts"/>), by their SQL, so each statement is
/// prepared once per connection. Only statements that bind their values are kept: their text is fixed, while
/// statements with ids written into them differ at every call. Forgotten when the connection closes, which frees them.
/// </summary>
internal sealed class KeptStatements
{
    /// <summary>Past this many, further statements are run as usual: a bound on what one connection holds.</summary>
    private const int MostKept = 64;

    private static readonly ConditionalWeakTable<DbConnection, KeptStatements> ByConnection = new();
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public static void Keep(DbConnection connection)
    {
        if (!ByConnection.TryAdd(connection, new KeptStatements())) return;
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != ConnectionState.Open) ByConnection.Remove(connection);
        };
    }

    /// <summary>
    /// The kept command for <paramref name="sql"/> on <paramref name="db"/>'s connection, with <paramref name="values"/>
    /// bound; null when the connection keeps no statements, the context is in a transaction, or the statement binds nothing.
    /// </summary>
    public static DbCommand? Find(DbContext db, string sql, SqlValue[] values)
    {
        if (values.Length == 0 || db.Database.CurrentTransaction is not null
            || !ByConnection.TryGetValue(db.Database.GetDbConnection(), out var kept)) return null;
        if (kept._commands.TryGetValue(sql, out var command)) return Rebind(command, values) ? command : null;
        if (kept._commands.Count >= MostKept) return null;
        command = db.CreateCommand(sql, values);
        kept._commands.Add(sql, command);
        return command;
    }

    /// <summary>Sets the values of a kept command; false when they are not the ones it binds (another caller's list).</summary>
    private static bool Rebind(DbCommand command, SqlValue[] values)
    {
        if (command.Parameters.Count != values.Length) return false;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.Parameters[i];
            if (parameter.ParameterName != values[i].Name || values[i].Value is null) return false;
            parameter.Value = values[i].Value;
        }
        return true;
    }
}
