using BzPeer.Explorer.Data;
using BzPeer.Explorer.Search;
using BzPeer.Explorer.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Search;

/// <summary>
/// The demo database plus a few records that make folding, namesakes and identifiers testable, one per provider,
/// made when a test first asks for it.
/// </summary>
public sealed class SearchDatabaseFixture : ProviderDatabasesFixture
{
    public async Task<SearchService> SearchAsync(DatabaseProvider provider) => new((await DatabaseAsync(provider)).Factory);


    protected override async Task<TemporaryDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new TemporaryDatabase(provider);
        await database.InitializeAsync();
        await using var db = database.CreateContext();
        db.Researchers.AddRange(
            new Researcher { Slug = "thomas-muller", DisplayName = "Thomas Müller", Origin = RecordOrigin.OpenAlex, WorksCount = 3 },
            new Researcher { Slug = "ana-quill", DisplayName = "Ana Quill", Origin = RecordOrigin.OpenAlex, WorksCount = 2, CitedByCount = 5 },
            new Researcher { Slug = "ana-quill-2", DisplayName = "Ana Quill", Origin = RecordOrigin.OpenAlex, WorksCount = 90, CitedByCount = 4000 },
            new Researcher { Slug = "lukasz-wrobel", DisplayName = "Łukasz Wróbel", Origin = RecordOrigin.OpenAlex, WorksCount = 1 },
            new Researcher { Slug = "orcid-holder", DisplayName = "Orcid Holder", Orcid = "0000-0002-1825-0097", OpenAlexId = "A5017898742", Origin = RecordOrigin.OpenAlex });
        db.Works.Add(new Work { Title = "Quill pens in zebra studies", Abstract = "A note.", Type = "article", Year = 2001, Doi = "10.1234/zebra.1", Origin = RecordOrigin.OpenAlex });
        db.Works.Add(new Work { Title = "A study", Abstract = "Zebra crossings everywhere.", Type = "article", Year = 2020, Origin = RecordOrigin.OpenAlex, CitedByCount = 999 });
        db.Works.Add(new Work { Title = "Notes from the canopy", Abstract = "Chlorophyllous leaves observed at dawn.", Type = "article", Year = 2018, Origin = RecordOrigin.OpenAlex });
        var venue = new Venue { DisplayName = "Journal of Okapi Studies", Origin = RecordOrigin.OpenAlex };
        var okapiAuthors = new[] { "Ida Brandt", "Ole Sørensen", "Kai Wen", "Lu Fang", "Mo Reyes" }
            .Select(name => new Researcher { Slug = Slug.From(name), DisplayName = name, Origin = RecordOrigin.OpenAlex }).ToList();
        okapiAuthors[0].LastKnownInstitution = new Institution { DisplayName = "Okapi Institute of Ledgers", City = "Tromsø", CountryCode = "NO", WorksCount = 40, CitedByCount = 900, Origin = RecordOrigin.OpenAlex };
        (okapiAuthors[0].WorksCount, okapiAuthors[0].CitedByCount) = (2, 1237);
        var manyAuthors = new Work { Title = "Okapi ledger methods", Type = "article", Year = 2019, Venue = venue, CitedByCount = 1234, IsOpenAccess = true, Origin = RecordOrigin.OpenAlex };
        // Stored out of order: the page lists authors by their order on the paper, not by when they were stored.
        foreach (var order in new[] { 4, 2, 0, 3, 1 })
            manyAuthors.Authorships.Add(new Authorship { Researcher = okapiAuthors[order], AuthorOrder = order, Position = order == 0 ? AuthorPosition.First : order == 4 ? AuthorPosition.Last : AuthorPosition.Middle });
        db.Works.Add(manyAuthors);
        var twoAuthors = new Work { Title = "Okapi ledger, closed", Type = "article", Year = 2023, CitedByCount = 3, Origin = RecordOrigin.OpenAlex };
        twoAuthors.Authorships.Add(new Authorship { Researcher = okapiAuthors[0], AuthorOrder = 0, Position = AuthorPosition.First });
        twoAuthors.Authorships.Add(new Authorship { Researcher = okapiAuthors[1], AuthorOrder = 1, Position = AuthorPosition.Last });
        db.Works.Add(twoAuthors);
        await db.SaveChangesAsync();
        return database;
    }

}

public class SearchServiceTests(SearchDatabaseFixture fixture) : IClassFixture<SearchDatabaseFixture>
{
    [Theory, SqliteData, PostgresData]
    public async Task The_reference_paper_comes_first_for_lottery_tickets(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var results = await search.SearchAsync("lottery tickets", SearchKind.Works, 0);
        Assert.Equal("Playing Lottery Tickets in Style Transfer Models", results.Hits[0].Title);
        Assert.Equal("works/1", results.Hits[0].Link);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Names_match_by_prefix_in_either_order_and_any_case(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        foreach (var typed in new[] { "meihao", "Meih", "kong meihao", "MEIHAO KONG" })
        {
            var hits = await search.SuggestAsync(typed);
            Assert.Equal("Meihao Kong", hits.First(h => h.Kind == SearchKind.Researchers).Title);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_one_letter_prefix_suggests_the_best_known_matching_names_first(DatabaseProvider provider) =>
        await AssertBestKnownFirstAsync(provider, "y");

    [Theory, SqliteData, PostgresData]
    public async Task A_two_letter_prefix_suggests_the_best_known_matching_names_first(DatabaseProvider provider) =>
        await AssertBestKnownFirstAsync(provider, "Ya");

    /// <summary>
    /// The people suggested for a short prefix are the most cited of all whose names have a word starting with it
    /// (hundreds in the demo data), in order of citations, then works.
    /// </summary>
    private async Task AssertBestKnownFirstAsync(DatabaseProvider provider, string typed)
    {
        var search = await fixture.SearchAsync(provider);
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        var prefix = SearchTerms.Key(typed);
        var everyone = await db.Researchers.Select(r => new { r.Id, r.DisplayName, r.AlternativeNames, r.CitedByCount, r.WorksCount }).ToListAsync();
        var matching = everyone
            .Where(r => r.AlternativeNames.Prepend(r.DisplayName).SelectMany(n => SearchTerms.Key(n).Split(' ')).Any(w => w.StartsWith(prefix, StringComparison.Ordinal)))
            .OrderByDescending(r => r.CitedByCount).ThenByDescending(r => r.WorksCount).ThenBy(r => r.Id).ToList();
        Assert.True(matching.Count > 100, $"the demo data should hold many people matching '{typed}'");
        Assert.NotEqual(matching[0].CitedByCount, matching[^1].CitedByCount);

        var suggested = (await search.SuggestAsync(typed)).Where(h => h.Kind == SearchKind.Researchers).Select(h => h.Id).ToList();

        Assert.Equal(matching.Take(4).Select(r => r.Id), suggested);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Accents_fold_and_one_part_of_a_hyphenated_name_finds_it(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        Assert.Contains(await search.SuggestAsync("Muller"), h => h.Title == "Thomas Müller");
        Assert.Contains(await search.SuggestAsync("müll"), h => h.Title == "Thomas Müller");
        Assert.Contains(await search.SuggestAsync("Lai"), h => h.Title == "Yu-Kun Lai");
        Assert.Contains(await search.SuggestAsync("Wróbel"), h => h.Title == "Łukasz Wróbel");
        Assert.Contains(await search.SuggestAsync("wrobel"), h => h.Title == "Łukasz Wróbel");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Of_two_namesakes_the_better_known_comes_first(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var results = await search.SearchAsync("Ana Quill", SearchKind.Researchers, 0);
        Assert.Equal(["researchers/ana-quill-2", "researchers/ana-quill"], results.Hits.Take(2).Select(h => h.Link));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Title_matches_rank_above_abstract_matches_whatever_the_citations(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var results = await search.SearchAsync("zebra", SearchKind.Works, 0);
        Assert.Equal(["Quill pens in zebra studies", "A study"], results.Hits.Select(h => h.Title));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Papers_are_suggested_for_the_start_of_a_title_word_and_for_whole_words_of_an_abstract(DatabaseProvider provider)
    {
        // What is being typed is matched as a prefix in titles; in abstracts only whole words are, as you type. The
        // results page still finds the start of a word anywhere.
        var search = await fixture.SearchAsync(provider);
        const string paper = "Notes from the canopy";

        Assert.Contains(await search.SuggestAsync("notes from the cano"), h => h.Title == paper);
        Assert.Contains(await search.SuggestAsync("chlorophyllous"), h => h.Title == paper);
        Assert.DoesNotContain(await search.SuggestAsync("chloroph"), h => h.Title == paper);
        Assert.Contains((await search.SearchAsync("chloroph", SearchKind.Works, 0)).Hits, h => h.Title == paper);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Works_filter_by_year_range(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var results = await search.SearchAsync("zebra", SearchKind.Works, 0, new SearchFilter(FromYear: 2010));
        Assert.Equal(["A study"], results.Hits.Select(h => h.Title));
        Assert.Equal(1, results.Total);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Works_filter_by_open_access_and_a_year_range_together(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        Assert.Equal(["Okapi ledger methods", "Okapi ledger, closed"], (await search.SearchAsync("okapi ledger", SearchKind.Works, 0)).Hits.Select(h => h.Title));
        var open = await search.SearchAsync("okapi ledger", SearchKind.Works, 0, new SearchFilter(OpenAccessOnly: true));
        Assert.Equal(["Okapi ledger methods"], open.Hits.Select(h => h.Title));
        Assert.Equal(1, open.Total);
        var recent = await search.SearchAsync("okapi ledger", SearchKind.Works, 0, new SearchFilter(FromYear: 2020, ToYear: 2024));
        Assert.Equal(["Okapi ledger, closed"], recent.Hits.Select(h => h.Title));
        Assert.Equal(1, (await search.CountsAsync("okapi ledger", new SearchFilter(OpenAccessOnly: true)))[SearchKind.Works]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_paper_result_carries_its_first_three_authors_in_order_and_how_many_there_are(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var hits = (await search.SearchAsync("okapi ledger", SearchKind.Works, 0)).Hits;
        var many = hits.Single(h => h.Title == "Okapi ledger methods").Facts!;
        Assert.Equal(["Ida Brandt", "Ole Sørensen", "Kai Wen"], many.Authors!);
        Assert.Equal(5, many.AuthorCount);
        Assert.Equal((2019, "Journal of Okapi Studies", 1234, true), (many.Year, many.Venue, many.CitedByCount, many.IsOpenAccess));
        var two = hits.Single(h => h.Title == "Okapi ledger, closed").Facts!;
        Assert.Equal(["Ida Brandt", "Ole Sørensen"], two.Authors!);
        Assert.Equal(2, two.AuthorCount);
        Assert.False(two.IsOpenAccess);
    }

    [Theory, SqliteData, PostgresData]
    public async Task People_topics_and_institutions_carry_their_facts(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var person = (await search.SearchAsync("ida brandt", SearchKind.Researchers, 0)).Hits[0].Facts!;
        Assert.Equal(("Okapi Institute of Ledgers", 2, 1237), (person.Institution, person.WorksCount, person.CitedByCount));
        var place = (await search.SearchAsync("okapi institute", SearchKind.Institutions, 0)).Hits[0].Facts!;
        Assert.Equal(("Tromsø, NO", 40, 900), (place.Place, place.WorksCount, place.CitedByCount));
        var topic = (await search.SearchAsync("vision", SearchKind.Topics, 0)).Hits[0].Facts!;
        Assert.False(string.IsNullOrEmpty(topic.Field));
        Assert.True(topic.WorksCount > 0);
        var institution = (await search.SearchAsync("university", SearchKind.Institutions, 0)).Hits[0].Facts!;
        Assert.True(institution.WorksCount > 0);
        Assert.NotNull(institution.CitedByCount);
    }

    [Theory, PostgresData]
    public async Task Both_engines_give_the_same_order(DatabaseProvider provider)
    {
        var postgres = await fixture.SearchAsync(provider);
        var sqlite = await fixture.SearchAsync(DatabaseProvider.Sqlite);
        foreach (var (text, kind) in new[] { ("study", SearchKind.Works), ("learning", SearchKind.Works), ("lai", SearchKind.Researchers), ("an", SearchKind.Researchers),
                     ("vision", SearchKind.Topics), ("university", SearchKind.Institutions) })
        {
            for (var page = 0; page < 2; page++)
            {
                var expected = (await sqlite.SearchAsync(text, kind, page)).Hits.Select(h => h.Link).ToList();
                if (page == 0) Assert.NotEmpty(expected);
                Assert.Equal(expected, (await postgres.SearchAsync(text, kind, page)).Hits.Select(h => h.Link));
            }
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Typed_identifiers_lead_straight_to_their_record(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        (string Typed, string ExpectedStart)[] cases =
        [
            ("0000-0002-1825-0097", "researchers/orcid-holder"),
            ("https://orcid.org/0000-0002-1825-0097", "researchers/orcid-holder"),
            ("orcid.org/0000-0002-1825-0097", "researchers/orcid-holder"),
            ("A5017898742", "researchers/orcid-holder"),
            ("a5017898742", "researchers/orcid-holder"),
            ("https://openalex.org/A5017898742", "researchers/orcid-holder"),
            ("10.1234/ZEBRA.1", "works/"),
            ("https://doi.org/10.1234/zebra.1", "works/"),
            ("doi:10.1234/Zebra.1", "works/"),
            ("arXiv:2203.13802", "works/1"),
            ("2203.13802v2", "works/1"),
            ("10.48550/arXiv.2203.13802", "works/1"),
            ("https://doi.org/10.48550/ARXIV.2203.13802", "works/1"),
            ("01rxvg760", "institutions/"),
            ("https://ror.org/01rxvg760", "institutions/"),
        ];
        foreach (var (typed, expectedStart) in cases)
        {
            var link = await search.IdentifierLinkAsync(typed);
            Assert.NotNull(link);
            Assert.StartsWith(expectedStart, link);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Pages_do_not_repeat_and_counts_stop_at_the_limit(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var first = await search.SearchAsync("study", SearchKind.Works, 0);
        var second = await search.SearchAsync("study", SearchKind.Works, 1);
        Assert.Equal(SearchService.PageSize, first.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
        var counts = await search.CountsAsync("we");
        Assert.Equal(SearchService.CountLimit + 1, counts[SearchKind.Works]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Hostile_input_gives_results_or_nothing_and_changes_nothing(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        var before = await db.Researchers.CountAsync();

        foreach (var typed in new[] { "\"", "*", "-", "NEAR(", "a OR", "(((", "'; DELETE FROM Researchers; --", "Researchers MATCH 'x'",
                     "a & b | !c", "x:* <-> y", "\u0001\u0002\u001f" })
        {
            var suggestions = await search.SuggestAsync(typed);
            foreach (var kind in SearchService.Kinds) await search.SearchAsync(typed, kind, 0);
            Assert.NotNull(suggestions);
        }
        Assert.Equal(before, await db.Researchers.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_10_KB_query_is_answered(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        var typed = string.Concat(Enumerable.Repeat("lottery ", 1300));
        var results = await search.SearchAsync(typed, SearchKind.Works, 0);
        Assert.Equal("Playing Lottery Tickets in Style Transfer Models", results.Hits.Single().Title);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_index_follows_changes_to_the_records(DatabaseProvider provider)
    {
        var search = await fixture.SearchAsync(provider);
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        var researcher = new Researcher { Slug = "renamed-person", DisplayName = "Zyxwv Before", Origin = RecordOrigin.OpenAlex };
        db.Researchers.Add(researcher);
        await db.SaveChangesAsync();
        Assert.Contains(await search.SuggestAsync("zyxwv"), h => h.Title == "Zyxwv Before");

        await db.Researchers.Where(r => r.Id == researcher.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DisplayName, "Qwerty After"));
        Assert.DoesNotContain(await search.SuggestAsync("zyxwv"), h => h.Kind == SearchKind.Researchers);
        Assert.Contains(await search.SuggestAsync("qwerty"), h => h.Title == "Qwerty After");

        await db.Researchers.Where(r => r.Id == researcher.Id).ExecuteDeleteAsync();
        Assert.DoesNotContain(await search.SuggestAsync("qwerty"), h => h.Kind == SearchKind.Researchers);
    }
}
