using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Shared;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Profiles.Topics;

public sealed record ResearcherRow(string Slug, string Name, string Detail);

public sealed record TopicProfile(
    int Id, string Name, string? Description, string Subfield, string Field, string Domain, string? OpenAlexId,
    int StoredWorks, int ResearcherCount, List<ResearcherRow> TopResearchers);

public static class TopicQueries
{
    public const int WorksPageSize = 20;

    public static async Task<int?> FindAsync(ExplorerDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var match = EntityKeys.TryParseId(key, out var id) ? db.Topics.Where(t => t.Id == id) : ByIdentifier(db, key);
        if (match is null) return null;
        var found = await match.Select(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        return found == 0 ? null : found;
    }

    /// <summary>The topic an OpenAlex id (T…) names, for the topic page and the search box alike.</summary>
    public static IQueryable<Topic>? ByIdentifier(ExplorerDbContext db, string key) =>
        EntityKeys.TryParseOpenAlex(key, 'T', out var openAlexId) ? db.Topics.Where(t => t.OpenAlexId == openAlexId) : null;

    public static async Task<TopicProfile> LoadAsync(ExplorerDbContext db, int id, CancellationToken cancellationToken = default)
    {
        var topic = await db.Topics.Where(t => t.Id == id)
            .Select(t => new { t.Id, t.DisplayName, t.Description, t.SubfieldName, t.FieldName, t.DomainName, t.OpenAlexId })
            .SingleAsync(cancellationToken);
        var storedWorks = await db.WorkTopics.CountAsync(t => t.TopicId == id, cancellationToken);
        var researcherCount = await db.ResearcherTopics.CountAsync(t => t.TopicId == id, cancellationToken);
        var top = await db.ResearcherTopics.Where(t => t.TopicId == id)
            .OrderByDescending(t => t.WorkCount).ThenBy(t => t.ResearcherId).Take(12)
            .Join(db.Researchers, t => t.ResearcherId, r => r.Id, (t, r) => new { r.Slug, r.DisplayName, t.WorkCount })
            .ToListAsync(cancellationToken);
        return new TopicProfile(topic.Id, topic.DisplayName, topic.Description, topic.SubfieldName, topic.FieldName, topic.DomainName,
            topic.OpenAlexId, storedWorks, researcherCount,
            top.Select(r => new ResearcherRow(r.Slug, r.DisplayName, Wording.Counted(r.WorkCount, "work", "works"))).ToList());
    }

    /// <summary>The topic's works, newest first, read from the (topic, year) index a page at a time.</summary>
    public static async Task<List<WorkListItem>> RecentWorksAsync(ExplorerDbContext db, int id, int page, CancellationToken cancellationToken = default)
    {
        var workIds = await db.WorkTopics.Where(t => t.TopicId == id)
            .OrderByDescending(t => t.WorkYear).ThenByDescending(t => t.WorkId)
            .Skip(Paging.Offset(page, WorksPageSize)).Take(WorksPageSize).Select(t => t.WorkId).ToListAsync(cancellationToken);
        var works = await db.Works.Where(w => workIds.Contains(w.Id)).Select(WorkListItem.FromWork).ToListAsync(cancellationToken);
        return works.OrderBy(w => workIds.IndexOf(w.Id)).ToList();
    }
}
