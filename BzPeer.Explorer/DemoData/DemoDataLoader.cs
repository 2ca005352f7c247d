using System.Diagnostics;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.DemoData;

/// <summary>Fills an empty database with the demo data at the app's start, once the migrations are applied.</summary>
public sealed class DemoDataLoader(IDbContextFactory<ExplorerDbContext> dbFactory, ILogger<DemoDataLoader> logger)
{
    /// <returns>Whether it loaded (false: the database already held researchers or works).</returns>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await DemoCorpus.LoadIfEmptyAsync(db, cancellationToken) is not { } counts) return false;
        logger.LogInformation(
            "First start: demo data loaded in {Seconds:0.00} s ({Researchers} researchers, {Works} works, {Topics} topics, {Institutions} institutions)",
            clock.Elapsed.TotalSeconds, counts.Researchers, counts.Works, counts.Topics, counts.Institutions);
        return true;
    }
}
