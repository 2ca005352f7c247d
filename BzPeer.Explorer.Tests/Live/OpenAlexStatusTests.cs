using BzPeer.Explorer.Tests.Hosting;

namespace BzPeer.Explorer.Tests.Live;

public sealed class OpenAlexStatusTests
{
    [Fact]
    public async Task The_status_page_shows_the_day_s_list_calls_and_never_the_key()
    {
        using var app = new ExplorerApp(new Dictionary<string, string?>
        {
            ["OpenAlex:Enabled"] = "true", ["OpenAlex:BaseUrl"] = "http://127.0.0.1:9/", ["OpenAlex:ApiKey"] = "secret-key-1234",
            ["OpenAlex:DailyListCalls"] = "250",
        }, kestrel: false);
        app.Start();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz/openalex");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("enabled: yes", text);
        Assert.Contains("api key: set", text);
        Assert.Contains("list calls today: 0 of 250 (250 left", text);
        Assert.DoesNotContain("secret-key-1234", text);
    }
}
