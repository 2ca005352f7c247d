using System.Globalization;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Shared;
using BzPeer.Explorer.Profiles.Topics;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Profiles.Institutions;

public sealed record InstitutionProfile(
    int Id, string Name, List<string> Acronyms, string? CountryCode, string? CountryName, string? Type, string? City,
    string? HomepageUrl, string? Ror, string? OpenAlexId, int WorksCount, int CitedByCount,
    int CurrentResearchers, int PastResearchers, List<TopicChips.TopicChip> TopTopics, List<YearCount> WorksPerYear);

public enum ResearcherTenure { Current, Past }

public static class InstitutionQueries
{
    public const int ResearchersPageSize = 20;

    public static async Task<int?> FindAsync(ExplorerDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var match = EntityKeys.TryParseId(key, out var id) ? db.Institutions.Where(i => i.Id == id) : ByIdentifier(db, key);
        if (match is null) return null;
        var found = await match.Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        return found == 0 ? null : found;
    }

    /// <summary>The institution an OpenAlex id (I…) or ROR id names, for the institution page and the search box alike.</summary>
    public static IQueryable<Institution>? ByIdentifier(ExplorerDbContext db, string key)
    {
        if (EntityKeys.TryParseOpenAlex(key, 'I', out var openAlexId)) return db.Institutions.Where(i => i.OpenAlexId == openAlexId);
        if (EntityKeys.TryParseRor(key, out var ror)) return db.Institutions.Where(i => i.Ror == ror);
        return null;
    }

    public static async Task<InstitutionProfile> LoadAsync(ExplorerDbContext db, int id, CancellationToken cancellationToken = default)
    {
        var institution = await db.Institutions.Where(i => i.Id == id).SingleAsync(cancellationToken);
        var current = await CurrentQuery(db, id).CountAsync(cancellationToken);
        var past = await PastQuery(db, id).CountAsync(cancellationToken);

        var workIds = db.AuthorshipInstitutions.Where(ai => ai.InstitutionId == id)
            .Join(db.Authorships, ai => ai.AuthorshipId, a => a.Id, (_, a) => a.WorkId).Distinct();
        var topTopics = await db.WorkTopics.Where(t => workIds.Contains(t.WorkId))
            .GroupBy(t => t.TopicId).Select(g => new { TopicId = g.Key, Works = g.Count() })
            .OrderByDescending(t => t.Works).ThenBy(t => t.TopicId).Take(10)
            .Join(db.Topics, t => t.TopicId, topic => topic.Id, (t, topic) => new TopicChips.TopicChip(t.TopicId, topic.DisplayName, t.Works))
            .ToListAsync(cancellationToken);
        var perYear = await db.Works.Where(w => workIds.Contains(w.Id) && w.Year != null)
            .GroupBy(w => w.Year!.Value).Select(g => new YearCount(g.Key, g.Count())).ToListAsync(cancellationToken);

        return new InstitutionProfile(institution.Id, institution.DisplayName, institution.Acronyms, institution.CountryCode,
            CountryName(institution.CountryCode), institution.Type, institution.City,
            Links.IsSafeExternal(institution.HomepageUrl) ? institution.HomepageUrl : null,
            institution.Ror, institution.OpenAlexId, institution.WorksCount, institution.CitedByCount, current, past, topTopics, YearCount.Fill(perYear));
    }

    public static async Task<List<ResearcherRow>> ResearchersAsync(ExplorerDbContext db, int id, ResearcherTenure tenure, int page, CancellationToken cancellationToken = default)
    {
        var skip = Paging.Offset(page, ResearchersPageSize);
        if (tenure == ResearcherTenure.Current)
        {
            var current = await CurrentQuery(db, id).OrderByDescending(r => r.WorksCount).ThenBy(r => r.Id).Skip(skip).Take(ResearchersPageSize)
                .Select(r => new { r.Slug, r.DisplayName, r.WorksCount }).ToListAsync(cancellationToken);
            return current.Select(r => new ResearcherRow(r.Slug, r.DisplayName, Wording.Counted(r.WorksCount, "work", "works"))).ToList();
        }
        var past = await PastQuery(db, id).OrderByDescending(a => a.LastYear).ThenBy(a => a.ResearcherId).Skip(skip).Take(ResearchersPageSize)
            .Join(db.Researchers, a => a.ResearcherId, r => r.Id, (a, r) => new { r.Slug, r.DisplayName, a.FirstYear, a.LastYear })
            .ToListAsync(cancellationToken);
        return past.Select(r => new ResearcherRow(r.Slug, r.DisplayName, r.FirstYear == r.LastYear ? $"{r.FirstYear}" : $"{r.FirstYear}–{r.LastYear}")).ToList();
    }

    private static IQueryable<Researcher> CurrentQuery(ExplorerDbContext db, int id) =>
        db.Researchers.Where(r => r.LastKnownInstitutionId == id);

    private static IQueryable<Affiliation> PastQuery(ExplorerDbContext db, int id) =>
        db.Affiliations.Where(a => a.InstitutionId == id && db.Researchers.Any(r => r.Id == a.ResearcherId && r.LastKnownInstitutionId != id));

    private static string? CountryName(string? code)
    {
        if (code is not { Length: 2 }) return null;
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
