using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>
/// Tells a database refusing what records hold (a constraint, a value it cannot take), which leaves those records out,
/// from the database itself failing (full disk, locked, read-only, gone), which stops the run.
/// </summary>
internal static class StoreFailure
{
    // SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH: about the values written, not the database.
    private static readonly int[] SqliteRecordErrors = [18, 19, 20];

    public static bool IsTheRecords(Exception e) => e switch
    {
        SqliteException sqlite => SqliteRecordErrors.Contains(sqlite.SqliteErrorCode),
        // Data exceptions (22…), integrity constraints (23…), program limits such as an index row too large (54…).
        PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("23", StringComparison.Ordinal) || postgres.SqlState.StartsWith("54", StringComparison.Ordinal),
        DbException or IOException or OperationCanceledException or OutOfMemoryException => false,
        // Anything else went wrong in storing this run's records, not in the database.
        _ => true,
    };

    public static string Describe(Exception e) => e switch
    {
        PostgresException postgres => $"cannot be stored ({postgres.SqlState}: {postgres.MessageText})",
        DbException db => $"cannot be stored ({db.Message})",
        _ => $"cannot be stored ({e.GetType().Name}: {e.Message})",
    };
}
