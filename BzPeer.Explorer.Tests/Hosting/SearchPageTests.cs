using System.Net;

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
}
