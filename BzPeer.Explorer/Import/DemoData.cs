using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Import;

/// <summary>
/// What a fresh database starts with: the reference record and a synthetic corpus, loaded in one transaction. The app
/// loads the demo-sized corpus at first start; the generate verb loads one of any size.
/// </summary>
internal static class DemoData
{
    public sealed record Counts(int Researchers, int Works, int Topics, int Institutions);

    /// <summary>Where a load has got to, for a progress line.</summary>
    public sealed class Progress : IProgress<int>
    {
        public int WorksWritten { get; private set; }
        public string Stage { get; set; } = "writing works";

        public void Report(int value) => WorksWritten = value;
    }

    private static readonly string[] CorpusTables =
        ["Researchers", "Works", "Venues", "Institutions", "Topics", "Authorships", "AuthorshipInstitutions", "WorkTopics", "Citations"];
    private static readonly string[] DerivedTables = ["CoAuthorPairs", "ResearcherTopics", "Affiliations"];

    /// <summary>Loads the demo data unless the database already holds researchers; returns the counts when it loaded.</summary>
    public static Task<Counts?> LoadIfEmptyAsync(ExplorerDbContext db, CancellationToken cancellationToken = default) =>
        LoadIfEmptyAsync(db, SyntheticCorpusGenerator.DemoWorks, SyntheticCorpusGenerator.DemoSeed, progress: null, cancellationToken);

    /// <summary>Loads the reference record and a corpus of <paramref name="works"/> works unless the database already holds researchers or works.</summary>
    public static async Task<Counts?> LoadIfEmptyAsync(ExplorerDbContext db, int works, int seed, Progress? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Researchers.AnyAsync(cancellationToken) || await db.Works.AnyAsync(cancellationToken)) return null;

        var corpusIndexes = await DeferredIndexes.DropAsync(db, CorpusTables, cancellationToken);
        var derivedIndexes = await DeferredIndexes.DropAsync(db, DerivedTables, cancellationToken);
        using (var writer = new BulkWriter(db))
        {
            var sharedTopics = ReferenceRecord.Write(writer);
            new SyntheticCorpusGenerator(works, seed).Write(writer, sharedTopics, progress, cancellationToken);
        }
        if (progress is not null) progress.Stage = "indexing";
        await corpusIndexes.CreateAsync(db, cancellationToken);
        if (progress is not null) progress.Stage = "deriving co-authors, topics and counts";
        await DerivedData.RebuildAsync(db, cancellationToken);
        await derivedIndexes.CreateAsync(db, cancellationToken);
        var counts = new Counts(
            await db.Researchers.CountAsync(cancellationToken),
            await db.Works.CountAsync(cancellationToken),
            await db.Topics.CountAsync(cancellationToken),
            await db.Institutions.CountAsync(cancellationToken));
        if (progress is not null) progress.Stage = "committing";
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }
}
