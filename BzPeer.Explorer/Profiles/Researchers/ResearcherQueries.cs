using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BzPeer.Explorer.Profiles.Researchers;

public sealed record ResearcherSummary(
    int Id, string Slug, string DisplayName, string? Summary, int? InstitutionId, string? InstitutionName,
    bool OpenToCollaborate, int WorksCount, int CitedByCount, RecordOrigin Origin);

public sealed record TopicShare(int TopicId, string Name, int Works);

public sealed record Collaborator(string Slug, string Name, int SharedWorks, int? LastYear);

public sealed record AffiliationPeriod(int InstitutionId, string Name, string? CountryCode, int? FirstYear, int? LastYear);

public sealed record ResearcherIdentifiers(string? Orcid, string? OpenAlexId, string? ArxivAuthorQuery);

/// <summary>Everything the researcher page shows above its list of works.</summary>
public sealed record ResearcherProfile(
    ResearcherSummary Researcher,
    string Description,
    ResearcherIdentifiers Identifiers,
    TrustResult Trust,
    int Followers,
    int TopicCount,
    int CollaboratorCount,
    int StoredWorks,
    int HIndex,
    int I10Index,
    List<TopicShare> Topics,
    List<Collaborator> Collaborators,
    List<AffiliationPeriod> Affiliations,
    List<YearCount> WorksPerYear,
    List<YearCount> CitationsPerYear);

/// <summary>The reads behind researcher pages: projected to small records, paged; the caller owns the short-lived context.</summary>
public static class ResearcherQueries
{
    public const int WorksPageSize = 20;

    /// <summary>Finds a researcher by slug, OpenAlex id (A…) or ORCID iD; anything else names nobody.</summary>
    public static async Task<ResearcherSummary?> FindAsync(ExplorerDbContext db, string key, CancellationToken cancellationToken = default)
    {
        // An ORCID iD also has the shape of a slug, so it is tried first; its check digit keeps real slugs out.
        if (ByIdentifier(db, key) is { } match) return await match.Select(Summary).FirstOrDefaultAsync(cancellationToken);
        return EntityKeys.TryParseSlug(key, out var slug) ? await Compiled(db).BySlug(db, slug, cancellationToken) : null;
    }

    /// <summary>The researcher an ORCID iD or OpenAlex id (A…) names, for the researcher page and the search box alike.</summary>
    public static IQueryable<Researcher>? ByIdentifier(ExplorerDbContext db, string key)
    {
        if (EntityKeys.TryParseOrcid(key, out var orcid)) return db.Researchers.Where(r => r.Orcid == orcid).OrderBy(r => r.Id);
        if (EntityKeys.TryParseOpenAlex(key, 'A', out var openAlexId)) return db.Researchers.Where(r => r.OpenAlexId == openAlexId).OrderBy(r => r.Id);
        return null;
    }

    public static async Task<ResearcherProfile> LoadProfileAsync(ExplorerDbContext db, ResearcherSummary researcher, CancellationToken cancellationToken = default)
    {
        var id = researcher.Id;
        var compiled = Compiled(db);
        var facts = await compiled.Facts(db, id, cancellationToken);
        var topics = await compiled.Topics(db, id).ToListAsync(cancellationToken);
        var collaborators = await compiled.Collaborators(db, id).ToListAsync(cancellationToken);
        var affiliations = await compiled.Affiliations(db, id).ToListAsync(cancellationToken);
        var worksPerYear = await compiled.WorksPerYear(db, id).ToListAsync(cancellationToken);
        var citationsPerYear = await compiled.CitationsPerYear(db, id).ToListAsync(cancellationToken);

        var trust = TrustScore.Compute(new TrustFacts(
            researcher.Origin,
            HasOrcid: facts.Orcid is not null,
            HasApprovedClaim: facts.Claimed,
            Works: researcher.WorksCount,
            Citations: researcher.CitedByCount,
            HasKnownAffiliation: researcher.InstitutionId is not null || affiliations.Count > 0,
            CoAuthors: facts.Collaborators,
            Followers: facts.Followers) { NameOnly = researcher.Origin == RecordOrigin.OpenAlex && facts.OpenAlexId is null });

        var years = worksPerYear.Select(y => y.Year).ToList();
        var description = researcher.Summary ?? ResearcherDescription.Compose(
            researcher.WorksCount, topics.Select(t => t.Name).ToList(),
            years.Count > 0 ? years.Min() : null, years.Count > 0 ? years.Max() : null, researcher.InstitutionName);

        var arxivQuery = researcher.Origin == RecordOrigin.Arxiv ? researcher.DisplayName : null;

        return new ResearcherProfile(
            researcher, description, new ResearcherIdentifiers(facts.Orcid, facts.OpenAlexId, arxivQuery), trust,
            facts.Followers, facts.Topics, facts.Collaborators, facts.StoredWorks, facts.HIndex, facts.I10Index, topics, collaborators, affiliations,
            YearCount.Fill(worksPerYear), YearCount.Fill(citationsPerYear));
    }

    public static Task<List<ResearcherSummary>> MostProductiveAsync(ExplorerDbContext db, RecordOrigin origin, int count, CancellationToken cancellationToken = default) =>
        db.Researchers.Where(r => r.Origin == origin)
            .OrderByDescending(r => r.WorksCount).ThenBy(r => r.Id)
            .Take(count).Select(Summary).ToListAsync(cancellationToken);

    public static async Task<List<WorkListItem>> WorksAsync(ExplorerDbContext db, int researcherId, WorkOrder order, int page, CancellationToken cancellationToken = default)
    {
        var compiled = Compiled(db);
        var works = order == WorkOrder.MostCited ? compiled.MostCitedWorks : compiled.NewestWorks;
        return await works(db, researcherId, Paging.Offset(page, WorksPageSize)).ToListAsync(cancellationToken);
    }

    private static readonly Expression<Func<Researcher, ResearcherSummary>> Summary = r => new ResearcherSummary(
        r.Id, r.Slug, r.DisplayName, r.Summary, r.LastKnownInstitutionId,
        r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null,
        r.OpenToCollaborate, r.WorksCount, r.CitedByCount, r.Origin);

    private sealed record ResearcherFacts(
        string? Orcid, string? OpenAlexId, int HIndex, int I10Index, int Followers, int Topics, int Collaborators, int StoredWorks, bool Claimed);

    /// <summary>The compiled queries for a context's model (each database provider has its own).</summary>
    private static CompiledQueries Compiled(ExplorerDbContext db) => CompiledByModel.GetValue(db.Model, _ => new CompiledQueries());

    private static readonly ConditionalWeakTable<IModel, CompiledQueries> CompiledByModel = new();

    /// <summary>
    /// Every profile page runs these. Compiled once, they skip the query pipeline's per-call work (building the
    /// expression tree and looking it up), about a fifth of a page's time. EF refuses to run a compiled query against
    /// another model than its first, so one set is kept per model.
    /// </summary>
    private sealed class CompiledQueries
    {
        public readonly Func<ExplorerDbContext, string, CancellationToken, Task<ResearcherSummary?>> BySlug =
            EF.CompileAsyncQuery((ExplorerDbContext db, string slug, CancellationToken _) =>
                db.Researchers.Where(r => r.Slug == slug).Select(Summary).FirstOrDefault());

        /// <summary>The record's single values in one statement, not six: on PostgreSQL each statement is a round trip.</summary>
        public readonly Func<ExplorerDbContext, int, CancellationToken, Task<ResearcherFacts>> Facts =
            EF.CompileAsyncQuery((ExplorerDbContext db, int id, CancellationToken _) => db.Researchers.Where(r => r.Id == id)
                .Select(r => new ResearcherFacts(
                    r.Orcid, r.OpenAlexId, r.HIndex, r.I10Index,
                    // Only confirmed accounts count as followers (DESIGN.md §3): unconfirmed sign-ups cannot lift a record's trust.
                    db.Follows.Count(f => f.ResearcherId == id && db.Users.Any(u => u.Id == f.UserId && u.EmailConfirmed)),
                    db.ResearcherTopics.Count(t => t.ResearcherId == id),
                    db.CoAuthorPairs.Count(p => p.ResearcherId == id),
                    db.Authorships.Where(a => a.ResearcherId == id).Select(a => a.WorkId).Distinct().Count(),
                    // Only an approved claim counts: a pending one changes nothing the public sees.
                    db.AuthorClaims.Any(c => c.ResearcherId == id && c.Status == ClaimStatus.Approved)))
                .Single());

        public readonly Func<ExplorerDbContext, int, IAsyncEnumerable<TopicShare>> Topics =
            EF.CompileAsyncQuery((ExplorerDbContext db, int id) => db.ResearcherTopics.Where(t => t.ResearcherId == id)
                .OrderByDescending(t => t.WorkCount).ThenBy(t => t.TopicId).Take(12)
                .Select(t => new TopicShare(t.TopicId, t.Topic.DisplayName, t.WorkCount)));

        public readonly Func<ExplorerDbContext, int, IAsyncEnumerable<Collaborator>> Collaborators =
            EF.CompileAsyncQuery((ExplorerDbContext db, int id) => (
                from pair in db.CoAuthorPairs
                where pair.ResearcherId == id
                orderby pair.SharedWorks descending, pair.LastYear descending, pair.CoAuthorId
                join coAuthor in db.Researchers on pair.CoAuthorId equals coAuthor.Id
                select new Collaborator(coAuthor.Slug, coAuthor.DisplayName, pair.SharedWorks, pair.LastYear))
                .Take(8));

        public readonly Func<ExplorerDbContext, int, IAsyncEnumerable<AffiliationPeriod>> Affiliations =
            EF.CompileAsyncQuery((ExplorerDbContext db, int id) => db.Affiliations.Where(a => a.ResearcherId == id)
                .OrderByDescending(a => a.LastYear).ThenByDescending(a => a.FirstYear)
                .Select(a => new AffiliationPeriod(a.InstitutionId, a.Institution.DisplayName, a.Institution.CountryCode, a.FirstYear, a.LastYear)));

        public readonly Func<ExplorerDbContext, int, IAsyncEnumerable<YearCount>> WorksPerYear =
            EF.CompileAsyncQuery((ExplorerDbContext db, int id) => db.Authorships.Where(a => a.ResearcherId == id && a.Work.Year != null)
                .GroupBy(a => a.Work.Year!.Value).Select(g => new YearCount(g.Key, g.Count())));

        public readonly Func<ExplorerDbContext, int, IAsyncEnumerable<YearCount>> CitationsPerYear =
            EF.CompileAsyncQuery((ExplorerDbContext db, int id) =>
                from authorship in db.Authorships
                where authorship.ResearcherId == id
                join citation in db.Citations on authorship.WorkId equals citation.CitedWorkId
                join citing in db.Works on citation.CitingWorkId equals citing.Id
                where citing.Year != null
                group citing by citing.Year!.Value into year
                select new YearCount(year.Key, year.Count()));

        // Driven from the researcher's authorships (an index range), never from all works.
        public readonly Func<ExplorerDbContext, int, int, IAsyncEnumerable<WorkListItem>> NewestWorks =
            EF.CompileAsyncQuery((ExplorerDbContext db, int researcherId, int offset) =>
                (from a in db.Authorships where a.ResearcherId == researcherId join w in db.Works on a.WorkId equals w.Id select w)
                .OrderByDescending(w => w.Year).ThenByDescending(w => w.CitedByCount).ThenBy(w => w.Id)
                .Skip(offset).Take(WorksPageSize).Select(WorkListItem.FromWork));

        public readonly Func<ExplorerDbContext, int, int, IAsyncEnumerable<WorkListItem>> MostCitedWorks =
            EF.CompileAsyncQuery((ExplorerDbContext db, int researcherId, int offset) =>
                (from a in db.Authorships where a.ResearcherId == researcherId join w in db.Works on a.WorkId equals w.Id select w)
                .OrderByDescending(w => w.CitedByCount).ThenByDescending(w => w.Year).ThenBy(w => w.Id)
                .Skip(offset).Take(WorksPageSize).Select(WorkListItem.FromWork));
    }
}
