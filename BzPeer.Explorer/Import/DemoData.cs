using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Import;

/// <summary>What a fresh database starts with: the reference record and the synthetic demo corpus, loaded in one transaction.</summary>
internal static class DemoData
{
    public sealed record Counts(int Researchers, int Works, int Topics, int Institutions);

    /// <summary>Loads the demo data unless the database already holds researchers; returns the counts when it loaded.</summary>
    public static async Task<Counts?> LoadIfEmptyAsync(ExplorerDbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Researchers.AnyAsync(cancellationToken)) return null;

        using (var writer = new BulkWriter(db))
        {
            var sharedTopics = ReferenceRecord.Write(writer);
            new SyntheticCorpusGenerator(SyntheticCorpusGenerator.DemoWorks, SyntheticCorpusGenerator.DemoSeed).Write(writer, sharedTopics);
        }
        await DerivedData.RebuildAsync(db, cancellationToken);
        var counts = new Counts(
            await db.Researchers.CountAsync(cancellationToken),
            await db.Works.CountAsync(cancellationToken),
            await db.Topics.CountAsync(cancellationToken),
            await db.Institutions.CountAsync(cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }
}
