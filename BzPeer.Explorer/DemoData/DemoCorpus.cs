using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using BzPeer.Explorer.Search;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.DemoData;

/// <summary>
/// What a fresh database starts with: the reference record and a synthetic corpus, loaded in one transaction. The app
/// loads the demo-sized corpus at first start; the generate verb loads one of any size.
/// </summary>
internal static class DemoCorpus
{
    public sealed record Counts(int Researchers, int Works, int Topics, int Institutions);

    /// <summary>Where a load has got to, for a progress line, and how long each stage took, for the closing report.</summary>
    public sealed class Progress(TimeProvider time) : IProgress<int>
    {
        private readonly List<(string Stage, TimeSpan Took)> _finished = [];
        private long _stageStarted = time.GetTimestamp();
        private volatile string _stage = "writing works";

        public int WorksWritten { get; private set; }

        public string Stage
        {
            get => _stage;
            set
            {
                var now = time.GetTimestamp();
                _finished.Add((_stage, time.GetElapsedTime(_stageStarted, now)));
                (_stage, _stageStarted) = (value, now);
            }
        }

        /// <summary>Ends the last stage.</summary>
        public void Finish() => Stage = "done";

        /// <summary>The stages left behind so far, in order.</summary>
        public IReadOnlyList<(string Stage, TimeSpan Took)> Finished => _finished;

        public void Report(int value) => WorksWritten = value;
    }

    // Indexes are built after the rows are written: those the derivation reads through first, those on the tables it
    // writes to after it.
    private static readonly string[] LinkTables = ["Works", "Authorships", "AuthorshipInstitutions", "WorkTopics", "Citations"];
    private static readonly string[] DerivedTables =
        ["Researchers", "Venues", "Institutions", "Topics", "CoAuthorPairs", "ResearcherTopics", "Affiliations"];

    /// <summary>Loads the demo data unless the database already holds researchers; returns the counts when it loaded.</summary>
    public static Task<Counts?> LoadIfEmptyAsync(ExplorerDbContext db, CancellationToken cancellationToken = default) =>
        LoadIfEmptyAsync(db, SyntheticCorpusGenerator.DemoWorks, SyntheticCorpusGenerator.DemoSeed, progress: null, cancellationToken);

    /// <summary>Loads the reference record and a corpus of <paramref name="works"/> works unless the database already holds researchers or works.</summary>
    public static async Task<Counts?> LoadIfEmptyAsync(ExplorerDbContext db, int works, int seed, Progress? progress, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await HoldsDataAsync(db, cancellationToken)) return null;
        if (db.IsPostgres) return await LoadAsync(db, works, seed, progress, cancellationToken);
        // Into an empty file a rollback journal records next to nothing, while WAL would write every page twice; a
        // larger page cache keeps the indexes being built in memory; and the generator's rows, linked by keys it gives
        // them and never deleted, need no foreign key checks. All are set back when the load is done.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = DELETE; PRAGMA cache_size = -131072; PRAGMA foreign_keys = OFF;", cancellationToken);
        try
        {
            return await LoadAsync(db, works, seed, progress, cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;", CancellationToken.None);
        }
    }

    private static async Task<Counts?> LoadAsync(ExplorerDbContext db, int works, int seed, Progress? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await HoldsDataAsync(db, cancellationToken)) return null;

        // On PostgreSQL the search columns are generated and their GIN indexes are deferred with the others.
        var searchTriggers = db.IsPostgres ? null : await SearchIndex.SuspendTriggersAsync(db, cancellationToken);
        var linkIndexes = await DeferredIndexes.DropAsync(db, LinkTables, cancellationToken);
        var derivedIndexes = await DeferredIndexes.DropAsync(db, DerivedTables, cancellationToken);
        using (var writer = new BulkWriter(db))
        {
            var sharedTopics = ReferenceRecord.Write(writer);
            new SyntheticCorpusGenerator(works, seed).Write(writer, sharedTopics, progress, cancellationToken);
            writer.Flush();
        }
        if (progress is not null) progress.Stage = "indexing the links";
        await linkIndexes.CreateAsync(db, cancellationToken);
        if (db.IsPostgres)
        {
            // The derivation joins and groups millions of rows: give it memory to hash and sort in, for this
            // transaction only, and statistics of the tables just filled, without which the planner guesses them empty.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '512MB'", cancellationToken);
            var analyze = "ANALYZE " + string.Join(", ", LinkTables.Concat(DerivedTables).Select(t => $"\"{t}\""));
            await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
        }
        if (progress is not null) progress.Stage = "deriving co-authors, topics and counts";
        await DerivedData.RebuildAsync(db, cancellationToken);
        if (progress is not null) progress.Stage = "indexing the derived tables";
        await derivedIndexes.CreateAsync(db, cancellationToken);
        if (progress is not null) progress.Stage = "building the search index";
        if (searchTriggers is not null) await searchTriggers.ResumeAsync(db, cancellationToken);
        // PostgreSQL plans queries from table statistics, which a bulk load leaves stale until autovacuum comes by.
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        var counts = new Counts(
            await db.Researchers.CountAsync(cancellationToken),
            await db.Works.CountAsync(cancellationToken),
            await db.Topics.CountAsync(cancellationToken),
            await db.Institutions.CountAsync(cancellationToken));
        if (progress is not null) progress.Stage = "committing";
        await transaction.CommitAsync(cancellationToken);
        progress?.Finish();
        return counts;
    }

    private static async Task<bool> HoldsDataAsync(ExplorerDbContext db, CancellationToken cancellationToken) =>
        await db.Researchers.AnyAsync(cancellationToken) || await db.Works.AnyAsync(cancellationToken);
}
