using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Data;

/// <summary>
/// Brings the database up to date at start: pending migrations and the WAL journal (SQLite). With <c>Database:Migrate</c>
/// false (an instance on a read replica) it writes nothing: it only checks that the database is up to date, and stops
/// the app with the reason when it is not. The host loads the demo data afterwards, when the database may be written.
/// </summary>
public sealed class DatabaseInitializer(IDbContextFactory<ExplorerDbContext> dbFactory, ILogger<DatabaseInitializer> logger, bool migrate = true)
{
    public const string MigrateSetting = "Database:Migrate";

    /// <returns>Whether this instance may write to the database (migrations on, the file writable).</returns>
    public async Task<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (!migrate)
        {
            if (pending.Count > 0)
                throw new InvalidOperationException(
                    $"{MigrateSetting} is false but the database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): " +
                    "start an instance with migrations on the primary database first.");
            logger.LogInformation("Database up to date; {Setting} is false, so nothing is written at start", MigrateSetting);
            return false;
        }
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (!db.IsPostgres)
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 8)
            {
                // An up-to-date database on a read-only file can still be read: serve it, and say that changes will fail.
                logger.LogWarning("The database {Source} is read-only: pages are served, but anything that writes (accounts, follows, claims) fails until it is writable",
                    db.Database.GetDbConnection().DataSource);
                return false;
            }
        }
        logger.LogInformation("Database ready in {Total:0.00} s ({Source})", clock.Elapsed.TotalSeconds, db.Database.GetDbConnection().DataSource);
        return true;
    }
}
