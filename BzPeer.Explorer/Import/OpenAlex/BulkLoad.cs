using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using BzPeer.Explorer.Search;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>How an import writes: chosen from the database and the input, or fixed by tests.</summary>
internal enum ImportMode { Auto, Batches, Bulk }

/// <summary>
/// The import's bulk mode, for a large input into a new or nearly empty database (SQLite or PostgreSQL). Batches are
/// written as in the ordinary mode (each committed), but what a batch would otherwise keep up to date row by row is
/// done once at the end: the search index is rebuilt in one pass, the secondary indexes of the link and derived tables
/// (and on PostgreSQL their foreign keys) are created from the full tables, references become citations by one join,
/// and researcher topics, affiliations and counts are derived from all authorships by set-based SQL (co-author pairs
/// too, except where SQLite's batches merge them as they go). Unique indexes stay, so lookups by OpenAlex id and
/// slug, and the records the database refuses, are those of the ordinary mode.
/// <para>
/// The statements that put the indexes and triggers back are kept in the database itself (table
/// <see cref="StateTable"/>, made and dropped here), so an import that stops half-way (killed, disk full) leaves a
/// database whose next import resumes the bulk load and finishes it. Until then the search index and derived tables
/// lag behind the batches written.
/// </para>
/// </summary>
internal sealed class BulkLoad
{
    public const string StateTable = "ImportBulkLoad";
    /// <summary>How many pages the write-ahead log may grow by during a bulk load before they are copied into the database.</summary>
    private const int LogPagesBetweenCopies = 100_000;
    /// <summary>Inputs smaller than this are imported in batches whatever the database holds.</summary>
    public const long SmallestInput = 4L << 20;
    /// <summary>A database holding more works than this is not "nearly empty".</summary>
    public const int MostStoredWorks = 1_000;

    // Link and derived tables whose non-unique indexes wait for the end; Researchers for its count and institution
    // indexes. Institutions, venues and topics are few, and their indexes serve the import's own lookups.
    private static readonly string[] LinkTables =
        ["Works", "Researchers", "Authorships", "AuthorshipInstitutions", "WorkTopics", "Citations", "PendingCitations"];
    // Their indexes come after the derivation has filled them.
    private static readonly string[] DerivedTables = ["CoAuthorPairs", "ResearcherTopics", "Affiliations"];

    // A state row saying that the batches keep co-author pairs up to date; gone when pairs are to be derived at the end.
    private const string CoAuthorPairsKept = "co-author pairs kept";
    // A state row saying that a batch deleted rows whose dependents the end must remove.
    private const string RowsDeleted = "rows deleted";

    private readonly List<(string Kind, string Sql)> _deferred;

    private BulkLoad(List<(string Kind, string Sql)> deferred) => _deferred = deferred;

    /// <summary>
    /// Starts (or resumes) a bulk load when the mode or the database and input call for one; null for an import in
    /// batches. A bulk load that an earlier import left unfinished is always resumed. Runs in the caller's transaction
    /// when one is open (a strict run), otherwise in one of its own.
    /// </summary>
    public static BulkLoad? Start(ExplorerDbContext db, ImportInputs inputs, ImportMode mode)
    {
        if (!Applies(db, inputs, mode)) return null;
        if (IsUnderWay(db)) return new BulkLoad(ReadState(db));

        using var transaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        Execute(db, $"CREATE TABLE \"{StateTable}\" (\"Position\" INTEGER PRIMARY KEY, \"Kind\" TEXT NOT NULL, \"Statement\" TEXT NOT NULL)");
        var deferred = new List<(string Kind, string Sql)>();
        var linkIndexes = DeferredIndexes.DropAsync(db, LinkTables, CancellationToken.None, keepUnique: true).GetAwaiter().GetResult();
        deferred.AddRange(linkIndexes.Statements.Select(sql => ("index", sql)));
        var derivedIndexes = DeferredIndexes.DropAsync(db, DerivedTables, CancellationToken.None, keepUnique: true).GetAwaiter().GetResult();
        deferred.AddRange(derivedIndexes.Statements.Select(sql => ("derived index", sql)));
        if (!db.IsPostgres)
        {
            // PostgreSQL's search vectors are generated columns: their index is one of those deferred.
            var triggers = SearchIndex.SuspendTriggersAsync(db, CancellationToken.None).GetAwaiter().GetResult();
            deferred.AddRange(triggers.Statements.Select(sql => ("trigger", sql)));
            // Merging rows as they are written is SQLite's (BulkWriter.AddOrMerge); PostgreSQL derives the pairs at the end.
            deferred.Add((CoAuthorPairsKept, "the batches add the pairs of the works they add"));
        }
        foreach (var (position, statement) in deferred.Index())
        {
            using var insert = db.CreateCommand($"INSERT INTO \"{StateTable}\" (\"Position\", \"Kind\", \"Statement\") VALUES (@position, @kind, @sql)",
                ("@position", position), ("@kind", statement.Kind), ("@sql", statement.Sql));
            insert.ExecuteNonQuery();
        }
        transaction?.Commit();
        return new BulkLoad(deferred);
    }

    /// <summary>
    /// Within a batch of a bulk load that changed stored works' authors: the pairs the batches added are no longer
    /// the whole story, so the end derives all co-author pairs again.
    /// </summary>
    public static void DeriveCoAuthorPairsAtEnd(PreparedStatements sql) =>
        sql.Execute($"DELETE FROM \"{StateTable}\" WHERE \"Kind\" = @kind", CoAuthorPairsKept);

    /// <summary>Whether <see cref="Start"/> starts or resumes a bulk load.</summary>
    public static bool Applies(ExplorerDbContext db, ImportInputs inputs, ImportMode mode) =>
        IsUnderWay(db) || mode switch
        {
            ImportMode.Bulk => true,
            ImportMode.Batches => false,
            _ => inputs.TotalBytes >= SmallestInput && db.Works.Count() <= MostStoredWorks,
        };

    /// <summary>
    /// For the connection of a bulk load, before its first transaction. No foreign key checks while rows are inserted,
    /// which the writer links by keys it assigned itself: what deleting rows would have cascaded is done at the end
    /// (<see cref="ApplyForeignKeyActionsAtEnd"/>). And the write-ahead log is copied into the database file once at the
    /// end rather than every thousand pages, as SQLite does by default: a batch rewrites many of the same pages, and
    /// each copy would write them again.
    /// </summary>
    public static void PrepareConnection(ExplorerDbContext db) => Execute(db, db.IsPostgres
        // PostgreSQL: the foreign keys of the loaded tables are dropped with their indexes (DeferredIndexes), and a
        // commit need not wait for its log to reach the disk: a crash loses the last batches, which the next import
        // writes again, never consistency.
        ? "SET synchronous_commit = off"
        : $"PRAGMA foreign_keys = OFF; PRAGMA wal_autocheckpoint = {LogPagesBetweenCopies}");

    /// <summary>After the load, whether it finished or failed: the checks are back for whatever the connection does next.</summary>
    public static void RestoreConnection(ExplorerDbContext db) =>
        Execute(db, db.IsPostgres ? "RESET synchronous_commit" : "PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 1000");

    /// <summary>
    /// After a finished load: the log copied into the database and emptied, within the load's time (it would otherwise
    /// be left to whoever closes the database last).
    /// </summary>
    public static void CopyLogIntoDatabase(ExplorerDbContext db)
    {
        if (!db.IsPostgres) Execute(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>
    /// Within a batch of a bulk load that deleted rows: with foreign keys off their dependents stayed, so the end
    /// removes them (or clears their references) as the foreign keys would have.
    /// </summary>
    public static void ApplyForeignKeyActionsAtEnd(PreparedStatements sql) => sql.Execute($"""
        INSERT INTO "{StateTable}" ("Position", "Kind", "Statement")
        SELECT (SELECT COALESCE(MAX("Position"), 0) + 1 FROM "{StateTable}"), @kind, 'rows were deleted with foreign keys off'
        WHERE NOT EXISTS (SELECT 1 FROM "{StateTable}" WHERE "Kind" = @kind)
        """, RowsDeleted);

    /// <summary>Whether an import left a bulk load unfinished in this database.</summary>
    public static bool IsUnderWay(ExplorerDbContext db) => Convert.ToInt64(Scalar(db, db.IsPostgres
        ? $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{StateTable}'"
        : $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{StateTable}'")) > 0;

    /// <summary>
    /// Does what the batches left for the end and puts the schema back as it was, in one transaction (the caller's,
    /// when one is open): a failure here leaves the load to be finished by the next import.
    /// </summary>
    public void Finish(ExplorerDbContext db)
    {
        using var transaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        if (Convert.ToInt64(Scalar(db, $"SELECT COUNT(*) FROM \"{StateTable}\" WHERE \"Kind\" = '{RowsDeleted}'")) > 0)
            ForeignKeyActions.ApplyToOrphans(db);
        // References to every stored work become citations in one join, walking the works and finding what cites each
        // by a range of the pending citations' key, before the citation indexes exist.
        Execute(db, $"""
            INSERT INTO "Citations" ("CitingWorkId", "CitedWorkId")
            SELECT p."CitingWorkId", w."Id" FROM "Works" w
            JOIN "PendingCitations" p ON p."CitedWorkNumber" = {ImportBatchWriter.WorkNumberSql("w.\"OpenAlexId\"")}
            WHERE w."OpenAlexId" IS NOT NULL
            ON CONFLICT DO NOTHING
            """);
        Execute(db, $"""
            DELETE FROM "PendingCitations" WHERE "CitedWorkNumber" IN (
                SELECT {ImportBatchWriter.WorkNumberSql("\"OpenAlexId\"")} FROM "Works" WHERE "OpenAlexId" IS NOT NULL)
            """);
        foreach (var (_, sql) in _deferred.Where(d => d.Kind == "index")) Execute(db, sql);
        var pairsKept = Convert.ToInt64(Scalar(db, $"SELECT COUNT(*) FROM \"{StateTable}\" WHERE \"Kind\" = '{CoAuthorPairsKept}'")) > 0;
        DerivedData.RebuildAfterBulkLoad(db, deriveCoAuthorPairs: !pairsKept);
        foreach (var (_, sql) in _deferred.Where(d => d.Kind == "derived index")) Execute(db, sql);
        if (!db.IsPostgres)
            foreach (var table in SearchIndex.Tables) Execute(db, $"INSERT INTO {table}({table}) VALUES ('rebuild')");
        foreach (var (_, sql) in _deferred.Where(d => d.Kind == "trigger")) Execute(db, sql);
        Execute(db, $"DROP TABLE \"{StateTable}\"");
        // The planner's statistics, for tables that were empty when it last looked.
        if (db.IsPostgres) Execute(db, "ANALYZE");
        transaction?.Commit();
    }

    private static List<(string Kind, string Sql)> ReadState(ExplorerDbContext db)
    {
        var state = new List<(string, string)>();
        using var command = db.CreateCommand($"SELECT \"Kind\", \"Statement\" FROM \"{StateTable}\" ORDER BY \"Position\"");
        using var reader = command.ExecuteReader();
        while (reader.Read()) state.Add((reader.GetString(0), reader.GetString(1)));
        return state;
    }

    private static void Execute(ExplorerDbContext db, string sql)
    {
        using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(ExplorerDbContext db, string sql)
    {
        using var command = db.CreateCommand(sql);
        return command.ExecuteScalar();
    }
}
