using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Shared;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Profiles.Works;

public sealed record InstitutionLink(int Id, string Name);

public sealed record WorkAuthor(string Slug, string Name, List<InstitutionLink> Institutions);

public sealed record WorkProfile(
    int Id, string Title, string? Abstract, string Type, int? Year, DateOnly? PublicationDate,
    int? VenueId, string? VenueName, string? Doi, string? ArxivId, string? OpenAlexId, int CitedByCount, bool IsOpenAccess,
    List<WorkAuthor> Authors, List<TopicChips.TopicChip> Topics, int ReferenceCount, int CitingCount);

public static class WorkQueries
{
    public const int CitationPageSize = 10;

    /// <summary>Finds a work by our id, OpenAlex id (W…), DOI or arXiv id; returns its id.</summary>
    public static async Task<int?> FindAsync(ExplorerDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var match = EntityKeys.TryParseId(key, out var id) ? db.Works.Where(w => w.Id == id) : ByIdentifier(db, key);
        if (match is null) return null;
        var found = await match.OrderBy(w => w.Id).Select(w => w.Id).FirstOrDefaultAsync(cancellationToken);
        return found == 0 ? null : found;
    }

    /// <summary>
    /// The works an outside identifier names, for the work page and the search box alike: an OpenAlex id, an arXiv id
    /// (arXiv's DOI 10.48550/arXiv.… included, matched on the arXiv id or the stored DOI) or any other DOI.
    /// </summary>
    public static IQueryable<Work>? ByIdentifier(ExplorerDbContext db, string key)
    {
        if (EntityKeys.TryParseOpenAlex(key, 'W', out var openAlexId)) return db.Works.Where(w => w.OpenAlexId == openAlexId);
        if (EntityKeys.TryParseArxiv(key, out var arxivId))
        {
            var arxivDoi = "10.48550/arxiv." + arxivId;
            return db.Works.Where(w => w.ArxivId == arxivId || w.Doi == arxivDoi);
        }
        if (EntityKeys.TryParseDoi(key, out var doi)) return db.Works.Where(w => w.Doi == doi);
        return null;
    }

    public static async Task<WorkProfile> LoadAsync(ExplorerDbContext db, int id, CancellationToken cancellationToken = default)
    {
        var work = await db.Works.Where(w => w.Id == id).Select(w => new
        {
            w.Id, w.Title, w.Abstract, w.Type, w.Year, w.PublicationDate, w.VenueId,
            VenueName = w.Venue != null ? w.Venue.DisplayName : null,
            w.Doi, w.ArxivId, w.OpenAlexId, w.CitedByCount, w.IsOpenAccess,
        }).SingleAsync(cancellationToken);

        var authorships = await db.Authorships.Where(a => a.WorkId == id).OrderBy(a => a.AuthorOrder)
            .Select(a => new
            {
                a.Researcher.Slug,
                a.Researcher.DisplayName,
                Institutions = a.Institutions.Select(i => new InstitutionLink(i.InstitutionId, i.Institution.DisplayName)).ToList(),
            }).ToListAsync(cancellationToken);

        var topics = await db.WorkTopics.Where(t => t.WorkId == id).OrderByDescending(t => t.Score)
            .Select(t => new TopicChips.TopicChip(t.TopicId, t.Topic.DisplayName, null)).ToListAsync(cancellationToken);

        var references = await db.Citations.CountAsync(c => c.CitingWorkId == id, cancellationToken);
        var citing = await db.Citations.CountAsync(c => c.CitedWorkId == id, cancellationToken);

        return new WorkProfile(work.Id, work.Title, work.Abstract, work.Type, work.Year, work.PublicationDate, work.VenueId, work.VenueName,
            work.Doi, work.ArxivId, work.OpenAlexId, work.CitedByCount, work.IsOpenAccess,
            authorships.Select(a => new WorkAuthor(a.Slug, a.DisplayName, a.Institutions)).ToList(), topics, references, citing);
    }

    /// <summary>The works this work cites, newest first.</summary>
    public static Task<List<WorkListItem>> ReferencesAsync(ExplorerDbContext db, int id, int page, CancellationToken cancellationToken = default) =>
        (from c in db.Citations where c.CitingWorkId == id join w in db.Works on c.CitedWorkId equals w.Id select w)
            .OrderByDescending(w => w.Year).ThenBy(w => w.Id)
            .Skip(Paging.Offset(page, CitationPageSize)).Take(CitationPageSize).Select(WorkListItem.FromWork).ToListAsync(cancellationToken);

    /// <summary>The works that cite this work, newest first.</summary>
    public static Task<List<WorkListItem>> CitingAsync(ExplorerDbContext db, int id, int page, CancellationToken cancellationToken = default) =>
        (from c in db.Citations where c.CitedWorkId == id join w in db.Works on c.CitingWorkId equals w.Id select w)
            .OrderByDescending(w => w.Year).ThenBy(w => w.Id)
            .Skip(Paging.Offset(page, CitationPageSize)).Take(CitationPageSize).Select(WorkListItem.FromWork).ToListAsync(cancellationToken);
}
