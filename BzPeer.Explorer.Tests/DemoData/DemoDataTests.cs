using BzPeer.Explorer.Data;
using BzPeer.Explorer.DemoData;
using BzPeer.Explorer.Profiles;
using BzPeer.Explorer.Profiles.Researchers;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.DemoData;

/// <summary>One demo database per provider shared by the read-only checks below; the tests that load their own say so.</summary>
public sealed class DemoDatabaseFixture : ProviderDatabasesFixture
{
    protected override async Task<TemporaryDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new TemporaryDatabase(provider);
        await database.InitializeAsync();
        return database;
    }
}

public class DemoDataTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Theory, SqliteData, PostgresData]
    public async Task The_reference_record_reproduces_the_original_page(DatabaseProvider provider)
    {
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        var kong = await db.Researchers.SingleAsync(r => r.Slug == "meihao-kong");
        Assert.Equal("Meihao Kong", kong.DisplayName);
        Assert.Null(kong.LastKnownInstitutionId);
        Assert.Empty(await db.Affiliations.Where(a => a.ResearcherId == kong.Id).ToListAsync());
        Assert.Equal(1, kong.WorksCount);
        Assert.Null(kong.OpenAlexId);

        var paper = await db.Works.Include(w => w.Venue).SingleAsync(w => w.Authorships.Any(a => a.ResearcherId == kong.Id));
        Assert.Equal("Playing Lottery Tickets in Style Transfer Models", paper.Title);
        Assert.Equal("preprint", paper.Type);
        Assert.Equal(2022, paper.Year);
        Assert.Equal("arXiv", paper.Venue!.DisplayName);
        Assert.Equal("2203.13802", paper.ArxivId);
        Assert.StartsWith("Style transfer has achieved great success", paper.Abstract);
        Assert.EndsWith("LTH can be generalized to various style transfer models.", paper.Abstract);

        var authors = await db.Authorships.Where(a => a.WorkId == paper.Id).OrderBy(a => a.AuthorOrder)
            .Select(a => a.Researcher.DisplayName).ToListAsync();
        Assert.Equal(["Meihao Kong", "Jing Huo", "Wenbin Li", "Jing Wu", "Yu-Kun Lai", "Yang Gao"], authors);

        var coAuthors = await db.CoAuthorPairs.Where(p => p.ResearcherId == kong.Id).CountAsync();
        Assert.Equal(5, coAuthors);

        var institutions = await db.Researchers.Where(r => r.Slug == "jing-huo" || r.Slug == "yu-kun-lai")
            .OrderBy(r => r.Slug).Select(r => r.LastKnownInstitution!.DisplayName).ToListAsync();
        Assert.Equal(["Nanjing University", "Cardiff University"], institutions);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_papers_topics_lead_into_the_synthetic_corpus(DatabaseProvider provider)
    {
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        var paperTopics = await db.WorkTopics.Where(t => t.WorkId == db.Works.Single(w => w.ArxivId == "2203.13802").Id)
            .Select(t => t.TopicId).ToListAsync();
        Assert.Equal(2, paperTopics.Count);
        foreach (var topicId in paperTopics)
        {
            var corpusWorks = await db.WorkTopics.CountAsync(t => t.TopicId == topicId && db.Works.Any(w => w.Id == t.WorkId && w.Origin == RecordOrigin.Synthetic));
            Assert.True(corpusWorks >= 10, $"topic {topicId} has only {corpusWorks} corpus works");
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task No_synthetic_work_is_attributed_to_a_real_person_and_no_OpenAlex_id_is_invented(DatabaseProvider provider)
    {
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        var realPeopleOnSyntheticWorks = await db.Authorships
            .CountAsync(a => a.Researcher.Origin != RecordOrigin.Synthetic && a.Work.Origin == RecordOrigin.Synthetic);
        Assert.Equal(0, realPeopleOnSyntheticWorks);

        Assert.Equal(0, await db.Researchers.CountAsync(r => r.OpenAlexId != null || r.Orcid != null));
        Assert.Equal(0, await db.Works.CountAsync(w => w.OpenAlexId != null || w.Doi != null));
        Assert.Equal(0, await db.Institutions.CountAsync(i => i.OpenAlexId != null));
        Assert.Equal(0, await db.Topics.CountAsync(t => t.OpenAlexId != null));
        Assert.Equal(0, await db.Institutions.CountAsync(i => i.Origin == RecordOrigin.Synthetic && !i.HomepageUrl!.EndsWith(".example")));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_corpus_has_the_size_and_shape_of_real_data(DatabaseProvider provider)
    {
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        Assert.InRange(await db.Researchers.CountAsync(r => r.Origin == RecordOrigin.Synthetic), 2000, 20000);
        Assert.Equal(6000, await db.Works.CountAsync(w => w.Origin == RecordOrigin.Synthetic));
        Assert.True(await db.Topics.CountAsync() >= 150);
        Assert.True(await db.Institutions.CountAsync() >= 60);
        Assert.True(await db.Topics.Select(t => t.DomainName).Distinct().CountAsync() >= 3);
        Assert.True(await db.Topics.Select(t => t.FieldName).Distinct().CountAsync() >= 6);

        // Skewed productivity: most researchers have one or two works, a few have very many.
        var works = await db.Researchers.Where(r => r.Origin == RecordOrigin.Synthetic).Select(r => r.WorksCount).OrderBy(c => c).ToListAsync();
        Assert.True(works[works.Count / 2] <= 2, $"median works {works[works.Count / 2]}");
        Assert.True(works[^1] >= 50, $"most productive has {works[^1]} works");

        // Affiliations that change over the years.
        var movers = await db.Affiliations.GroupBy(a => a.ResearcherId).CountAsync(g => g.Count() > 1);
        Assert.True(movers >= 50, $"{movers} researchers with more than one institution");

        // Citations exist and only point back in time.
        Assert.True(await db.Citations.CountAsync() >= 6000);
        var citesTheFuture = await db.Citations.CountAsync(c =>
            db.Works.Single(w => w.Id == c.CitedWorkId).Year > db.Works.Single(w => w.Id == c.CitingWorkId).Year);
        Assert.Equal(0, citesTheFuture);

        // Many works per year, more in recent years.
        var perYear = await db.Works.Where(w => w.Origin == RecordOrigin.Synthetic).GroupBy(w => w.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync();
        Assert.True(perYear.Count >= 15);
        Assert.True(perYear.Single(y => y.Year == 2024).Count > perYear.Single(y => y.Year == 2005).Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Derived_tables_agree_with_the_authorships_they_come_from(DatabaseProvider provider)
    {
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        var sample = await db.Researchers.OrderByDescending(r => r.WorksCount).Select(r => r.Id).Take(3).ToListAsync();
        foreach (var researcherId in sample)
        {
            var workIds = await db.Authorships.Where(a => a.ResearcherId == researcherId).Select(a => a.WorkId).ToListAsync();
            var expected = await db.Authorships.Where(a => workIds.Contains(a.WorkId) && a.ResearcherId != researcherId)
                .GroupBy(a => a.ResearcherId).Select(g => new { g.Key, Shared = g.Select(a => a.WorkId).Distinct().Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Shared);
            var stored = await db.CoAuthorPairs.Where(p => p.ResearcherId == researcherId).ToDictionaryAsync(p => p.CoAuthorId, p => p.SharedWorks);
            Assert.Equal(expected.OrderBy(p => p.Key), stored.OrderBy(p => p.Key));
            var mirrored = await db.CoAuthorPairs.CountAsync(p => p.CoAuthorId == researcherId);
            Assert.Equal(stored.Count, mirrored);

            var researcher = await db.Researchers.SingleAsync(r => r.Id == researcherId);
            Assert.Equal(workIds.Count, researcher.WorksCount);
            var citations = await db.Works.Where(w => workIds.Contains(w.Id)).Select(w => w.CitedByCount).ToListAsync();
            Assert.Equal(citations.Sum(), researcher.CitedByCount);
            Assert.Equal(Metrics.HIndex(citations), researcher.HIndex);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_profiles_counts_are_those_of_its_stored_rows(DatabaseProvider provider)
    {
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        // The reference record and the most prolific demo researchers, each counted here from rows read whole.
        var slugs = await db.Researchers.OrderByDescending(r => r.WorksCount).ThenBy(r => r.Id).Select(r => r.Slug).Take(3).ToListAsync();
        foreach (var slug in slugs.Prepend("meihao-kong"))
        {
            var researcher = (await ResearcherQueries.FindAsync(db, slug))!;
            var profile = await ResearcherQueries.LoadProfileAsync(db, researcher);

            var authorships = await db.Authorships.Where(a => a.ResearcherId == researcher.Id).ToListAsync();
            Assert.Equal(authorships.Select(a => a.WorkId).Distinct().Count(), profile.StoredWorks);
            Assert.Equal((await db.ResearcherTopics.Where(t => t.ResearcherId == researcher.Id).ToListAsync()).Count, profile.TopicCount);
            Assert.Equal((await db.CoAuthorPairs.Where(p => p.ResearcherId == researcher.Id).ToListAsync()).Count, profile.CollaboratorCount);
            var stored = await db.Researchers.SingleAsync(r => r.Id == researcher.Id);
            Assert.Equal((stored.HIndex, stored.I10Index), (profile.HIndex, profile.I10Index));
            Assert.Equal((stored.Orcid, stored.OpenAlexId), (profile.Identifiers.Orcid, profile.Identifiers.OpenAlexId));
            Assert.Equal(0, profile.Followers);
            Assert.False(profile.Trust.IsClaimed);
            if (slug == "meihao-kong") Assert.Equal((1, 5), (profile.StoredWorks, profile.CollaboratorCount));
        }
    }
}

public class DemoLoadingTests
{
    [Fact]
    public async Task Two_fresh_loads_give_the_same_counts_and_slugs()
    {
        using var first = new TemporaryDatabase();
        using var second = new TemporaryDatabase();
        await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());

        Assert.Equal(await Snapshot(first), await Snapshot(second));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_same_seed_gives_the_same_data_on_sqlite_and_postgres(DatabaseProvider provider)
    {
        using var sqlite = new TemporaryDatabase();
        using var other = new TemporaryDatabase(provider);
        await Task.WhenAll(sqlite.InitializeAsync(), other.InitializeAsync());

        Assert.Equal(await Snapshot(sqlite), await Snapshot(other));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Starting_twice_adds_nothing(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);
        await database.InitializeAsync();
        var before = await Snapshot(database);

        await database.InitializeAsync();

        Assert.Equal(before, await Snapshot(database));
        await using var db = database.CreateContext();
        Assert.Null(await DemoCorpus.LoadIfEmptyAsync(db));
    }

    /// <summary>Row counts of every table, all slugs in key order, and every work's title and year.</summary>
    private static async Task<string> Snapshot(TemporaryDatabase database)
    {
        await using var db = database.CreateContext();
        var counts = string.Join(",", new[]
        {
            await db.Researchers.CountAsync(), await db.Works.CountAsync(), await db.Authorships.CountAsync(),
            await db.AuthorshipInstitutions.CountAsync(), await db.Affiliations.CountAsync(), await db.Topics.CountAsync(),
            await db.WorkTopics.CountAsync(), await db.ResearcherTopics.CountAsync(), await db.Institutions.CountAsync(),
            await db.Venues.CountAsync(), await db.Citations.CountAsync(), await db.CoAuthorPairs.CountAsync(),
        });
        var slugs = string.Join(",", await db.Researchers.OrderBy(r => r.Id).Select(r => r.Slug).ToListAsync());
        var works = string.Join("|", await db.Works.OrderBy(w => w.Id).Select(w => w.Title + w.Year).ToListAsync());
        return $"{counts}\n{slugs}\n{works.GetHashCode(StringComparison.Ordinal)}:{works.Length}";
    }
}
