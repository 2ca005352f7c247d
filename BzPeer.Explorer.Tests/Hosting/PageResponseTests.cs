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
