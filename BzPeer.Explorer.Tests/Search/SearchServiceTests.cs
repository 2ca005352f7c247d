using BzPeer.Explorer.Data;
using BzPeer.Explorer.Search;
using BzPeer.Explorer.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Search;

/// <summary>The demo database plus a few records that make folding, namesakes and identifiers testable.</summary>
public sealed class SearchDatabaseFixture : IAsyncLifetime
{
    public TemporaryDatabase Database { get; } = new();
    public SearchService Search => new(Database.Factory);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Researchers.AddRange(
            new Researcher { Slug = "thomas-muller", DisplayName = "Thomas Müller", Origin = RecordOrigin.OpenAlex, WorksCount = 3 },
            new Researcher { Slug = "ana-quill", DisplayName = "Ana Quill", Origin = RecordOrigin.OpenAlex, WorksCount = 2, CitedByCount = 5 },
            new Researcher { Slug = "ana-quill-2", DisplayName = "Ana Quill", Origin = RecordOrigin.OpenAlex, WorksCount = 90, CitedByCount = 4000 },
            new Researcher { Slug = "orcid-holder", DisplayName = "Orcid Holder", Orcid = "0000-0002-1825-0097", OpenAlexId = "A5017898742", Origin = RecordOrigin.OpenAlex });
        db.Works.Add(new Work { Title = "Quill pens in zebra studies", Abstract = "A note.", Type = "article", Year = 2001, Doi = "10.1234/zebra.1", Origin = RecordOrigin.OpenAlex });
        db.Works.Add(new Work { Title = "A study", Abstract = "Zebra crossings everywhere.", Type = "article", Year = 2020, Origin = RecordOrigin.OpenAlex, CitedByCount = 999 });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

public class SearchServiceTests(SearchDatabaseFixture fixture) : IClassFixture<SearchDatabaseFixture>
{
    [Fact]
    public async Task The_reference_paper_comes_first_for_lottery_tickets()
    {
        var results = await fixture.Search.SearchAsync("lottery tickets", SearchKind.Works, 0, null, null);
        Assert.Equal("Playing Lottery Tickets in Style Transfer Models", results.Hits[0].Title);
        Assert.Equal("works/1", results.Hits[0].Link);
    }

    [Theory]
    [InlineData("meihao")]
    [InlineData("Meih")]
    [InlineData("kong meihao")]
    [InlineData("MEIHAO KONG")]
    public async Task Names_match_by_prefix_in_either_order_and_any_case(string typed)
    {
        var hits = await fixture.Search.SuggestAsync(typed);
        Assert.Equal("Meihao Kong", hits.First(h => h.Kind == SearchKind.Researchers).Title);
    }

    [Fact]
    public async Task Accents_fold_and_one_part_of_a_hyphenated_name_finds_it()
    {
        Assert.Contains(await fixture.Search.SuggestAsync("Muller"), h => h.Title == "Thomas Müller");
        Assert.Contains(await fixture.Search.SuggestAsync("müll"), h => h.Title == "Thomas Müller");
        Assert.Contains(await fixture.Search.SuggestAsync("Lai"), h => h.Title == "Yu-Kun Lai");
    }

    [Fact]
    public async Task Of_two_namesakes_the_better_known_comes_first()
    {
        var results = await fixture.Search.SearchAsync("Ana Quill", SearchKind.Researchers, 0, null, null);
        Assert.Equal(["researchers/ana-quill-2", "researchers/ana-quill"], results.Hits.Take(2).Select(h => h.Link));
    }

    [Fact]
    public async Task Title_matches_rank_above_abstract_matches_whatever_the_citations()
    {
        var results = await fixture.Search.SearchAsync("zebra", SearchKind.Works, 0, null, null);
        Assert.Equal(["Quill pens in zebra studies", "A study"], results.Hits.Select(h => h.Title));
    }

    [Fact]
    public async Task Works_filter_by_year_range()
    {
        var results = await fixture.Search.SearchAsync("zebra", SearchKind.Works, 0, 2010, null);
        Assert.Equal(["A study"], results.Hits.Select(h => h.Title));
        Assert.Equal(1, results.Total);
    }

    [Theory]
    [InlineData("0000-0002-1825-0097", "researchers/orcid-holder")]
    [InlineData("https://orcid.org/0000-0002-1825-0097", "researchers/orcid-holder")]
    [InlineData("A5017898742", "researchers/orcid-holder")]
    [InlineData("10.1234/ZEBRA.1", "works/")]
    [InlineData("arXiv:2203.13802", "works/1")]
    [InlineData("01rxvg760", "institutions/")]
    public async Task Typed_identifiers_lead_straight_to_their_record(string typed, string expectedStart)
    {
        var link = await fixture.Search.IdentifierLinkAsync(typed);
        Assert.NotNull(link);
        Assert.StartsWith(expectedStart, link);
    }

    [Fact]
    public async Task Pages_do_not_repeat_and_counts_stop_at_the_limit()
    {
        var first = await fixture.Search.SearchAsync("study", SearchKind.Works, 0, null, null);
        var second = await fixture.Search.SearchAsync("study", SearchKind.Works, 1, null, null);
        Assert.Equal(SearchService.PageSize, first.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
        var counts = await fixture.Search.CountsAsync("we", null, null);
        Assert.Equal(SearchService.CountLimit + 1, counts[SearchKind.Works]);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("NEAR(")]
    [InlineData("a OR")]
    [InlineData("(((")]
    [InlineData("'; DELETE FROM Researchers; --")]
    [InlineData("Researchers MATCH 'x'")]
    [InlineData("\u0001\u0002\u001f")]
    public async Task Hostile_input_gives_results_or_nothing_and_changes_nothing(string typed)
    {
        await using var db = fixture.Database.CreateContext();
        var before = await db.Researchers.CountAsync();

        var suggestions = await fixture.Search.SuggestAsync(typed);
        foreach (var kind in SearchService.Kinds) await fixture.Search.SearchAsync(typed, kind, 0, null, null);

        Assert.NotNull(suggestions);
        Assert.Equal(before, await db.Researchers.CountAsync());
    }

    [Fact]
    public async Task A_10_KB_query_is_answered()
    {
        var typed = string.Concat(Enumerable.Repeat("lottery ", 1300));
        var results = await fixture.Search.SearchAsync(typed, SearchKind.Works, 0, null, null);
        Assert.Equal("Playing Lottery Tickets in Style Transfer Models", results.Hits.Single().Title);
    }

    [Fact]
    public async Task The_index_follows_changes_to_the_records()
    {
        await using var db = fixture.Database.CreateContext();
        var researcher = new Researcher { Slug = "renamed-person", DisplayName = "Zyxwv Before", Origin = RecordOrigin.OpenAlex };
        db.Researchers.Add(researcher);
        await db.SaveChangesAsync();
        Assert.Contains(await fixture.Search.SuggestAsync("zyxwv"), h => h.Title == "Zyxwv Before");

        await db.Researchers.Where(r => r.Id == researcher.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DisplayName, "Qwerty After"));
        Assert.DoesNotContain(await fixture.Search.SuggestAsync("zyxwv"), h => h.Kind == SearchKind.Researchers);
        Assert.Contains(await fixture.Search.SuggestAsync("qwerty"), h => h.Title == "Qwerty After");

        await db.Researchers.Where(r => r.Id == researcher.Id).ExecuteDeleteAsync();
        Assert.DoesNotContain(await fixture.Search.SuggestAsync("qwerty"), h => h.Kind == SearchKind.Researchers);
    }
}
