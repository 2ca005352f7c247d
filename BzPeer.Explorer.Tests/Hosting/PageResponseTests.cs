using System.Net;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>What the server sends before any script runs: status codes, prerendered text, static files.</summary>
[Collection(ExplorerAppCollection.Name)]
public class PageResponseTests(ExplorerAppFixture fixture)
{
    private readonly HttpClient _client = fixture.App.CreateHttpClient();

    [Fact]
    public async Task The_start_page_explains_the_product_and_links_to_the_reference_researcher()
    {
        var response = await _client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("BzPeer", html);
        Assert.Contains("Explore a researcher", html);
        Assert.Contains("href=\"/researchers/meihao-kong\"", html);
        Assert.True(CountOccurrences(html, "class=\"researcher-card\"") >= 5, "the start page should list researchers from the corpus");
    }

    [Theory]
    [InlineData("/researchers/nobody-by-this-name")]
    [InlineData("/researchers/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_answer_404_with_a_readable_page(string path)
    {
        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/researchers/meihao-kong")]
    [InlineData("/search?q=kong")]
    public async Task Every_page_carries_the_themes_colours_once(string path)
    {
        // Twice: the theme's style sheet is written once for the app, and must still be there on the second page.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var html = await _client.GetStringAsync(path);

            Assert.Equal(1, CountOccurrences(html, "class='mud-theme-provider'"));
            Assert.Equal(1, CountOccurrences(html, "--mud-palette-primary: rgba(31,78,121,1);"));
            Assert.Equal(1, CountOccurrences(html, "--mud-palette-appbar-background: rgba(21,50,79,1);"));
            Assert.True(html.IndexOf("mud-theme-provider", StringComparison.Ordinal) < html.IndexOf("<h1", StringComparison.Ordinal),
                "the colours come before the page's content, so nothing is drawn unstyled first");
        }
    }

    [Fact]
    public async Task Files_in_the_top_level_wwwroot_are_served()
    {
        var css = await _client.GetAsync("/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".brand", await css.Content.ReadAsStringAsync());

        var icon = await _client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Package_assets_are_served_outside_development()
    {
        var response = await _client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
