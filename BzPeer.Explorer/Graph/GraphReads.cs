using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Graph;

internal sealed record PersonRow(int Id, string Slug, string Name, int Works, string? Institution);
internal sealed record PaperRow(int Id, string Title, int? Year, string? Venue);
internal sealed record TopicRow(int Id, string Name, string Subfield);
internal sealed record InstitutionRow(int Id, string Name, string? City, string? Country);
internal sealed record WeightedRow<TRow>(TRow Row, double Weight);
internal sealed record PersonInstitution(int PersonId, InstitutionRow Row);

/// <summary>
/// The reads behind graph slices, compiled once: a slice makes a dozen small reads, and for reads this small the
/// translation and caching work EF does per query would cost more than the database does. Every read is an
/// index range of bounded size, driven from the link table, never a scan of works or researchers.
/// </summary>
internal static class GraphReads
{
    /// <summary>How many of an institution's researchers (the most recent) its topics are read from.</summary>
    public const int InstitutionTopicSample = 100;

    public static readonly Func<ExplorerDbContext, string, IAsyncEnumerable<PersonRow>> PersonBySlug = EF.CompileAsyncQuery(
        (ExplorerDbContext db, string slug) => db.Researchers.Where(r => r.Slug == slug)
            .Select(r => new PersonRow(r.Id, r.Slug, r.DisplayName, r.WorksCount, r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null)));

    public static readonly Func<ExplorerDbContext, int, IAsyncEnumerable<PaperRow>> PaperById = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Works.Where(w => w.Id == id)
            .Select(w => new PaperRow(w.Id, w.Title, w.Year, w.Venue != null ? w.Venue.DisplayName : null)));

    public static readonly Func<ExplorerDbContext, int, IAsyncEnumerable<TopicRow>> TopicById = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Topics.Where(t => t.Id == id).Select(t => new TopicRow(t.Id, t.DisplayName, t.SubfieldName)));

    public static readonly Func<ExplorerDbContext, int, IAsyncEnumerable<InstitutionRow>> InstitutionById = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Institutions.Where(i => i.Id == id).Select(i => new InstitutionRow(i.Id, i.DisplayName, i.City, i.CountryCode)));

    // A person's neighbours.

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<PaperRow>> PersonWorks = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            (from a in db.Authorships
             where a.ResearcherId == id
             join w in db.Works on a.WorkId equals w.Id
             orderby w.Year descending, w.Id descending
             select new PaperRow(w.Id, w.Title, w.Year, w.Venue != null ? w.Venue.DisplayName : null)).Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountPersonWorks = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Authorships.Count(a => a.ResearcherId == id));

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<WeightedRow<PersonRow>>> PersonCoAuthors = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            (from p in db.CoAuthorPairs
             where p.ResearcherId == id
             orderby p.SharedWorks descending, p.LastYear descending, p.CoAuthorId
             join r in db.Researchers on p.CoAuthorId equals r.Id
             select new WeightedRow<PersonRow>(
                 new PersonRow(r.Id, r.Slug, r.DisplayName, r.WorksCount, r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null),
                 p.SharedWorks)).Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountPersonCoAuthors = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.CoAuthorPairs.Count(p => p.ResearcherId == id));

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<WeightedRow<TopicRow>>> PersonTopics = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            db.ResearcherTopics.Where(t => t.ResearcherId == id).OrderByDescending(t => t.WorkCount).ThenBy(t => t.TopicId)
                .Select(t => new WeightedRow<TopicRow>(new TopicRow(t.TopicId, t.Topic.DisplayName, t.Topic.SubfieldName), t.WorkCount))
                .Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountPersonTopics = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.ResearcherTopics.Count(t => t.ResearcherId == id));

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<InstitutionRow>> PersonInstitutions = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            db.Affiliations.Where(a => a.ResearcherId == id).OrderByDescending(a => a.LastYear).ThenBy(a => a.InstitutionId)
                .Select(a => new InstitutionRow(a.InstitutionId, a.Institution.DisplayName, a.Institution.City, a.Institution.CountryCode))
                .Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountPersonInstitutions = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Affiliations.Count(a => a.ResearcherId == id));

    public static readonly Func<ExplorerDbContext, List<int>, IAsyncEnumerable<PersonInstitution>> CurrentInstitutions = EF.CompileAsyncQuery(
        (ExplorerDbContext db, List<int> people) =>
            db.Researchers.Where(r => people.Contains(r.Id) && r.LastKnownInstitution != null)
                .Select(r => new PersonInstitution(r.Id, new InstitutionRow(r.LastKnownInstitution!.Id, r.LastKnownInstitution.DisplayName, r.LastKnownInstitution.City, r.LastKnownInstitution.CountryCode))));

    // A paper's neighbours.

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<PersonRow>> PaperAuthors = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            db.Authorships.Where(a => a.WorkId == id).OrderBy(a => a.AuthorOrder)
                .Select(a => new PersonRow(a.Researcher.Id, a.Researcher.Slug, a.Researcher.DisplayName, a.Researcher.WorksCount,
                    a.Researcher.LastKnownInstitution != null ? a.Researcher.LastKnownInstitution.DisplayName : null))
                .Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountPaperAuthors = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Authorships.Count(a => a.WorkId == id));

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<WeightedRow<TopicRow>>> PaperTopics = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            db.WorkTopics.Where(t => t.WorkId == id).OrderByDescending(t => t.Score).ThenBy(t => t.TopicId)
                .Select(t => new WeightedRow<TopicRow>(new TopicRow(t.TopicId, t.Topic.DisplayName, t.Topic.SubfieldName), t.Score))
                .Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountPaperTopics = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.WorkTopics.Count(t => t.WorkId == id));

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<PaperRow>> PaperReferences = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            (from c in db.Citations
             where c.CitingWorkId == id
             join w in db.Works on c.CitedWorkId equals w.Id
             orderby w.Year descending, w.Id descending
             select new PaperRow(w.Id, w.Title, w.Year, w.Venue != null ? w.Venue.DisplayName : null)).Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountPaperReferences = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Citations.Count(c => c.CitingWorkId == id));

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<PaperRow>> PaperCitedBy = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            (from c in db.Citations
             where c.CitedWorkId == id
             join w in db.Works on c.CitingWorkId equals w.Id
             orderby w.Year descending, w.Id descending
             select new PaperRow(w.Id, w.Title, w.Year, w.Venue != null ? w.Venue.DisplayName : null)).Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountPaperCitedBy = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Citations.Count(c => c.CitedWorkId == id));

    public static readonly Func<ExplorerDbContext, int, Task<int?>> VenueOf = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Works.Where(w => w.Id == id).Select(w => w.VenueId).FirstOrDefault());

    public static readonly Func<ExplorerDbContext, int, int, int, int, IAsyncEnumerable<PaperRow>> VenueWorks = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int venue, int except, int skip, int take) =>
            db.Works.Where(w => w.VenueId == venue && w.Id != except).OrderByDescending(w => w.Year).ThenByDescending(w => w.Id)
                .Select(w => new PaperRow(w.Id, w.Title, w.Year, w.Venue != null ? w.Venue.DisplayName : null)).Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, int, Task<int>> CountVenueWorks = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int venue, int except) => db.Works.Count(w => w.VenueId == venue && w.Id != except));

    // A topic's neighbours.

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<WeightedRow<PersonRow>>> TopicResearchers = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            (from t in db.ResearcherTopics
             where t.TopicId == id
             orderby t.WorkCount descending, t.ResearcherId
             join r in db.Researchers on t.ResearcherId equals r.Id
             select new WeightedRow<PersonRow>(
                 new PersonRow(r.Id, r.Slug, r.DisplayName, r.WorksCount, r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null),
                 t.WorkCount)).Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountTopicResearchers = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.ResearcherTopics.Count(t => t.TopicId == id));

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<PaperRow>> TopicWorks = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            (from t in db.WorkTopics
             where t.TopicId == id
             orderby t.WorkYear descending, t.WorkId descending
             join w in db.Works on t.WorkId equals w.Id
             select new PaperRow(w.Id, w.Title, w.Year, w.Venue != null ? w.Venue.DisplayName : null)).Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountTopicWorks = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.WorkTopics.Count(t => t.TopicId == id));

    // An institution's neighbours.

    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<PersonRow>> InstitutionResearchers = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            (from a in db.Affiliations
             where a.InstitutionId == id
             orderby a.LastYear descending, a.ResearcherId
             join r in db.Researchers on a.ResearcherId equals r.Id
             select new PersonRow(r.Id, r.Slug, r.DisplayName, r.WorksCount, r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null))
            .Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountInstitutionResearchers = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.Affiliations.Count(a => a.InstitutionId == id));

    /// <summary>
    /// The institution's topics, weighted by the works on them of its most recent researchers (a bounded number,
    /// so a university with ten thousand researchers costs what a small institute does). "Researcher in the list"
    /// (IN) walks the topic index per researcher; a correlated EXISTS would scan every row.
    /// </summary>
    public static readonly Func<ExplorerDbContext, int, int, int, IAsyncEnumerable<WeightedRow<TopicRow>>> InstitutionTopics = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id, int skip, int take) =>
            (from g in db.ResearcherTopics
                 .Where(t => db.Affiliations.Where(a => a.InstitutionId == id).OrderByDescending(a => a.LastYear).ThenBy(a => a.ResearcherId)
                     .Take(InstitutionTopicSample).Select(a => a.ResearcherId).Contains(t.ResearcherId))
                 .GroupBy(t => t.TopicId)
                 .Select(g => new { TopicId = g.Key, Works = g.Sum(t => t.WorkCount) })
             orderby g.Works descending, g.TopicId
             join topic in db.Topics on g.TopicId equals topic.Id
             select new WeightedRow<TopicRow>(new TopicRow(topic.Id, topic.DisplayName, topic.SubfieldName), g.Works)).Skip(skip).Take(take));

    public static readonly Func<ExplorerDbContext, int, Task<int>> CountInstitutionTopics = EF.CompileAsyncQuery(
        (ExplorerDbContext db, int id) => db.ResearcherTopics
            .Where(t => db.Affiliations.Where(a => a.InstitutionId == id).OrderByDescending(a => a.LastYear).ThenBy(a => a.ResearcherId)
                .Take(InstitutionTopicSample).Select(a => a.ResearcherId).Contains(t.ResearcherId))
            .Select(t => t.TopicId).Distinct().Count());
}
