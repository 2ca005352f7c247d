using BzPeer.Explorer.Data;
using BzPeer.Explorer.Search;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Search;

/// <summary>
/// The ranking rule on a database holding only a few crafted records (no demo data), one per engine: an exact title
/// or name first, then citations and recency among equally relevant matches, in the same order on both engines.
/// </summary>
public sealed class RankingDatabaseFixture : ProviderDatabasesFixture
{
    public static readonly int ThisYear = DateTime.UtcNow.Year;

    public async Task<SearchService> SearchAsync(DatabaseProvider provider) => new((await DatabaseAsync(provider)).Factory);

    protected override async Task<TemporaryDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new TemporaryDatabase(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        // Added one at a time, in this order, so the id never breaks a tie in the expected direction by accident:
        // the record expected lower always has the lower id.
        Work Paper(string title, int citations, int year) =>
            new() { Title = title, Type = "article", Year = year, CitedByCount = citations, Origin = RecordOrigin.OpenAlex };
        foreach (var work in new[]
                 {
                     Paper("Quokka lantern arrays for the deep sea", 5000, ThisYear),
                     Paper("Quokka Lantern.", 2, 2005),
                     Paper("Marmot beacon in rivers", 0, 2015),
                     Paper("Marmot beacon in forests", 900, 2015),
                     Paper("Pangolin signal in deserts", 50, 2001),
                     Paper("Pangolin signal in meadows", 50, ThisYear - 1),
                     Paper("Zyzzyva überläufer", 0, 1990),
                 })
        {
            db.Works.Add(work);
            await db.SaveChangesAsync();
        }
        foreach (var (slug, name, citations) in new[] { ("zoe-okonkwo-fairweather", "Zoe Okonkwo Fairweather", 9000), ("zoe-okonkwo", "Zoë OKONKWO", 3) })
        {
            db.Researchers.Add(new Researcher { Slug = slug, DisplayName = name, CitedByCount = citations, Origin = RecordOrigin.OpenAlex });
            await db.SaveChangesAsync();
        }
        return database;
    }

}

public class SearchRankingTests(RankingDatabaseFixture fixture) : IClassFixture<RankingDatabaseFixture>
{
    [Theory, SqliteData, PostgresData]
    public async Task An_exact_title_with_few_citations_beats_a_partial_match_with_many(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var results = await search.SearchAsync("quokka lantern", SearchKind.Works, 0);
        Assert.Equal(["Quokka Lantern.", "Quokka lantern arrays for the deep sea"], results.Hits.Select(h => h.Title));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_exact_match_ignores_case_accents_and_punctuation(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var people = await search.SearchAsync("zoe okonkwo", SearchKind.Researchers, 0);
        Assert.Equal(["Zoë OKONKWO", "Zoe Okonkwo Fairweather"], people.Hits.Select(h => h.Title));
        var works = await search.SearchAsync("ZYZZYVA UBERLAUFER", SearchKind.Works, 0);
        Assert.Equal("Zyzzyva überläufer", Assert.Single(works.Hits).Title);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Among_partial_matches_the_much_cited_beats_the_uncited(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var results = await search.SearchAsync("marmot beacon", SearchKind.Works, 0);
        Assert.Equal(["Marmot beacon in forests", "Marmot beacon in rivers"], results.Hits.Select(h => h.Title));
    }

    [Theory, SqliteData, PostgresData]
    public async Task At_equal_citations_the_recent_beats_the_old(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var results = await search.SearchAsync("pangolin signal", SearchKind.Works, 0);
        Assert.Equal(["Pangolin signal in meadows", "Pangolin signal in deserts"], results.Hits.Select(h => h.Title));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Suggestions_put_the_exact_name_first_too(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var hits = await search.SuggestAsync("Zoe Okonkwo");
        Assert.Equal("Zoë OKONKWO", hits.First(h => h.Kind == SearchKind.Researchers).Title);
    }
}
