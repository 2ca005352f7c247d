using System.Net;
using System.Text.RegularExpressions;

namespace BzPeer.Explorer.Tests.Hosting;

[Collection(ExplorerAppCollection.Name)]
public class SearchPageTests(ExplorerAppFixture fixture)
{
    private readonly HttpClient _client = fixture.App.CreateHttpClient();

    [Fact]
    public async Task Lottery_tickets_lists_the_reference_paper_first_among_works()
    {
        var html = await _client.GetStringAsync("/search?q=lottery%20tickets");

        var first = html.IndexOf("class=\"result\"", StringComparison.Ordinal);
        Assert.True(first > 0);
        Assert.Contains("data-result-kind=\"Works\" data-result-id=\"1\"", html[(first - 200)..(first + 400)]);
        Assert.Contains("<mark", html);
        Assert.Contains(">Lottery</mark>", html);
    }

    [Fact]
    public async Task An_empty_query_shows_how_to_search()
    {
        var html = await _client.GetStringAsync("/search");
        Assert.Contains("Find a researcher, paper, topic or institution", html);
    }

    [Theory]
    [InlineData("2203.13802")]
    [InlineData("2203.13802v2")]
    [InlineData("arXiv%3A2203.13802")]
    [InlineData("10.48550%2FarXiv.2203.13802")]
    [InlineData("doi%3A10.48550%2Farxiv.2203.13802")]
    [InlineData("https%3A%2F%2Fdoi.org%2F10.48550%2FarXiv.2203.13802")]
    public async Task A_typed_identifier_redirects_to_its_record(string query)
    {
        var response = await _client.GetAsync("/search?q=" + query);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/works/1", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("*")]
    [InlineData("-kong")]
    [InlineData("NEAR(kong")]
    [InlineData("kong%20OR")]
    [InlineData("((((")]
    [InlineData("%27%3B%20DROP%20TABLE%20Researchers%3B%20--")]
    [InlineData("%01%02%1F")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Hostile_queries_get_a_normal_page(string query)
    {
        var response = await _client.GetAsync($"/search?q={query}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public async Task A_10_KB_query_gets_a_normal_page()
    {
        var response = await _client.GetAsync("/search?q=" + string.Concat(Enumerable.Repeat("kong+", 2048)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Tabs_show_counts_per_kind_and_switch_kind()
    {
        var html = await _client.GetStringAsync("/search?q=vision&kind=topics");
        Assert.Contains("data-kind=\"Topics\"", html);
        Assert.Contains("data-result-kind=\"Topics\"", html);
        Assert.DoesNotContain("data-result-kind=\"Works\"", html);
    }

    /// <summary>The text a reader sees in each result of a results page, tags removed and spaces collapsed.</summary>
    private static List<string> ResultTexts(string html) =>
        Regex.Matches(html, "<li class=\"result\".*?</li>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(m.Value, "<[^>]+>", " "), @"\s+", " ")).Trim())
            .ToList();

    /// <summary>The number the results heading gives ("1,000+" reads as 1001).</summary>
    private static int HeadingCount(string html)
    {
        var match = Regex.Match(html, "id=\"results-heading\"[^>]*>([0-9,]+)(\\+?)");
        Assert.True(match.Success, "the page has a results heading with a count");
        return int.Parse(match.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) + (match.Groups[2].Length > 0 ? 1 : 0);
    }

    private static string Problems(string html) =>
        string.Join(" ", Regex.Matches(html, "<p class=\"search-problem\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));

    [Fact]
    public async Task A_paper_result_shows_its_first_three_authors_et_al_year_venue_citations_and_open_access()
    {
        var first = ResultTexts(await _client.GetStringAsync("/search?q=lottery%20tickets&kind=works"))[0];
        Assert.StartsWith("Playing Lottery Tickets in Style Transfer Models", first);
        Assert.Contains("Meihao Kong, Jing Huo, Wenbin Li et al.", first);
        Assert.DoesNotContain("Jing Wu", first);
        Assert.Contains("2022 · arXiv · 0 citations · Open access", first);
    }

    [Fact]
    public async Task A_person_result_shows_institution_works_and_citations()
    {
        var person = ResultTexts(await _client.GetStringAsync("/search?q=jing%20huo&kind=researchers")).First(t => t.StartsWith("Jing Huo", StringComparison.Ordinal));
        Assert.Matches(@"^Jing Huo Nanjing University · \d+ works? · \d[\d,]* citations?$", person);
    }

    [Fact]
    public async Task A_topic_result_shows_its_field_and_size()
    {
        var topic = ResultTexts(await _client.GetStringAsync("/search?q=neural%20style%20transfer&kind=topics"))[0];
        Assert.Matches(@"^Neural Style Transfer Computer Science › Computer Vision and Pattern Recognition · [1-9][\d,]* works", topic);
    }

    [Fact]
    public async Task An_institution_result_shows_its_place_works_and_citations()
    {
        var institution = ResultTexts(await _client.GetStringAsync("/search?q=nanjing%20university&kind=institutions"))[0];
        Assert.Matches(@"^Nanjing University .+ · [1-9][\d,]* works? · \d[\d,]* citations?$", institution);
    }

    [Fact]
    public async Task Open_access_only_narrows_the_papers_to_open_ones()
    {
        var all = await _client.GetStringAsync("/search?q=learning&kind=works");
        var open = await _client.GetStringAsync("/search?q=learning&kind=works&oa=true");
        Assert.True(HeadingCount(open) < HeadingCount(all), "fewer papers with the filter");
        Assert.All(ResultTexts(open), t => Assert.Contains("Open access", t));
        Assert.Contains("checked", Regex.Match(open, "<input type=\"checkbox\" name=\"oa\"[^>]*>").Value);
    }

    [Fact]
    public async Task A_year_range_narrows_the_papers_to_those_years_and_is_kept_by_tabs_and_pages()
    {
        var all = await _client.GetStringAsync("/search?q=learning&kind=works");
        var html = await _client.GetStringAsync("/search?q=learning&kind=works&from=2019&to=2020");
        Assert.True(HeadingCount(html) < HeadingCount(all), "fewer papers with the filter");
        var results = ResultTexts(html);
        Assert.NotEmpty(results);
        Assert.All(results, t => Assert.Matches(@"(^| )(2019|2020) · ", t));
        Assert.Contains("from 2019 to 2020", Regex.Match(html, "<h1[^>]*>.*?</h1>", RegexOptions.Singleline).Value);
        foreach (var link in Regex.Matches(html, "href=\"([^\"]*(kind=topics|page=2)[^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
        {
            Assert.Contains("from=2019", link);
            Assert.Contains("to=2020", link);
        }
    }

    [Fact]
    public async Task An_inverted_year_range_is_refused_with_a_message_and_changes_nothing()
    {
        var all = await _client.GetStringAsync("/search?q=learning&kind=works");
        var response = await _client.GetAsync("/search?q=learning&kind=works&from=2022&to=2019");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("“From” 2022 is after “to” 2019", Problems(html));
        Assert.Equal(HeadingCount(all), HeadingCount(html));
        Assert.Equal(ResultTexts(all), ResultTexts(html));
    }

    [Theory]
    [InlineData("kind=bogus", "“bogus” is not a kind of result")]
    [InlineData("page=-3", "“-3” is not a page number")]
    [InlineData("page=abc", "“abc” is not a page number")]
    [InlineData("page=99999", "There is no page 99999")]
    [InlineData("from=nineteen", "“nineteen” is not a year")]
    [InlineData("to=99999", "“99999” is not a year")]
    [InlineData("oa=maybe", "“maybe” is not a choice for “open access only”")]
    [InlineData("from=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "“<script>alert(1)</script>” is not a year")]
    public async Task A_bad_value_in_the_address_gets_a_message_and_changes_nothing(string parameter, string message)
    {
        var plain = await _client.GetStringAsync("/search?q=learning");
        var response = await _client.GetAsync("/search?q=learning&" + parameter);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Problems(html));
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Equal(ResultTexts(plain), ResultTexts(html));
    }

    [Fact]
    public async Task Pages_are_in_the_address_and_the_second_page_continues_the_first()
    {
        var first = await _client.GetStringAsync("/search?q=learning&kind=works");
        var second = await _client.GetStringAsync("/search?q=learning&kind=works&page=2");
        Assert.Equal(20, ResultTexts(first).Count);
        Assert.NotEmpty(ResultTexts(second));
        Assert.Empty(ResultTexts(first).Intersect(ResultTexts(second)));
        Assert.Contains("<ol class=\"result-list\" start=\"21\"", second);
        Assert.Matches("href=\"[^\"]*page=2[^\"]*\" rel=\"next\"", first);
        Assert.Matches("rel=\"prev\"", second);
    }
}
