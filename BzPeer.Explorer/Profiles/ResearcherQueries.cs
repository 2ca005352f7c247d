using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Profiles;

public sealed record ResearcherSummary(
    int Id, string Slug, string DisplayName, string? Summary, int? InstitutionId, string? InstitutionName,
    bool OpenToCollaborate, int WorksCount, int CitedByCount, RecordOrigin Origin);

public sealed record WorkListItem(int Id, string Title, string Type, int? Year, string? VenueName, string? Abstract, int CitedByCount);

public enum WorkOrder { Newest, MostCited }

/// <summary>The reads behind researcher pages: projected to small records, paged, one short-lived context each.</summary>
public static class ResearcherQueries
{
    public const int WorksPageSize = 20;

    public static Task<ResearcherSummary?> FindBySlugAsync(ExplorerDbContext db, string slug, CancellationToken cancellationToken = default) =>
        !Slug.IsWellFormed(slug)
            ? Task.FromResult<ResearcherSummary?>(null)
            : db.Researchers.Where(r => r.Slug == slug).Select(Summary).FirstOrDefaultAsync(cancellationToken);

    public static Task<List<ResearcherSummary>> MostProductiveAsync(ExplorerDbContext db, RecordOrigin origin, int count, CancellationToken cancellationToken = default) =>
        db.Researchers.Where(r => r.Origin == origin)
            .OrderByDescending(r => r.WorksCount).ThenBy(r => r.Id)
            .Take(count).Select(Summary).ToListAsync(cancellationToken);

    public static Task<List<WorkListItem>> WorksAsync(ExplorerDbContext db, int researcherId, WorkOrder order, int page, CancellationToken cancellationToken = default)
    {
        var works = db.Authorships.Where(a => a.ResearcherId == researcherId).Select(a => a.Work);
        var ordered = order == WorkOrder.MostCited
            ? works.OrderByDescending(w => w.CitedByCount).ThenByDescending(w => w.Year).ThenBy(w => w.Id)
            : works.OrderByDescending(w => w.Year).ThenByDescending(w => w.CitedByCount).ThenBy(w => w.Id);
        return ordered.Skip(Math.Max(0, page) * WorksPageSize).Take(WorksPageSize)
            .Select(w => new WorkListItem(w.Id, w.Title, w.Type, w.Year, w.Venue != null ? w.Venue.DisplayName : null, w.Abstract, w.CitedByCount))
            .ToListAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Researcher, ResearcherSummary>> Summary = r => new ResearcherSummary(
        r.Id, r.Slug, r.DisplayName, r.Summary, r.LastKnownInstitutionId,
        r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null,
        r.OpenToCollaborate, r.WorksCount, r.CitedByCount, r.Origin);
}
