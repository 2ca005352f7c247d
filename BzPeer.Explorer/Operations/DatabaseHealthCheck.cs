using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BzPeer.Explorer.Operations;

/// <summary>Healthy when the database answers a query and has every migration of this build applied.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<ExplorerDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}");
            await db.Researchers.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("database answers; migrations current");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"database does not answer: {e.Message}", e);
        }
    }
}
