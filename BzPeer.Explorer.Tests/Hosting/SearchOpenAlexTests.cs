using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using BzPeer.Explorer.Live;
using BzPeer.Explorer.Tests.Live;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>The results page adding OpenAlex's matches (a stand-in OpenAlex) when the database has few.</summary>
public sealed class SearchOpenAlexTests : IAsyncLifetime
{
    // Ahmedin Jemal: known to the stand-in OpenAlex, not to a new database.
    private const string Jemal = "A5009198168";
    private OpenAlexStandIn _standIn = null!;

    public async Task InitializeAsync() => _standIn = await OpenAlexStandIn.StartAsync();

    public async Task DisposeAsync() => await _standIn.DisposeAsync();

    private ExplorerApp StartApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = _standIn.AppSettings("search-key");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var app = new ExplorerApp(values, kestrel: false);
        app.Start();
        return app;
    }

    private static List<string> OpenAlexIds(string html) =>
        Regex.Matches(html, "data-openalex-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task A_query_with_no_local_matches_lists_OpenAlex_s_matches_marked_as_from_OpenAlex_asking_once()
    {
        using var app = StartApp();
        using var client = app.CreateCookieClient();

        var html = await client.GetStringAsync("/search?q=jemal");
        var again = await client.GetStringAsync("/search?q=Jemal");

        Assert.Contains("Nothing found for", html);
        Assert.Contains(Jemal, OpenAlexIds(html));
        var item = html[html.IndexOf($"data-openalex-id=\"{Jemal}\"", StringComparison.Ordinal)..];
        item = item[..item.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"researchers/{Jemal}\"", item);
        Assert.Contains(">Ahmedin Jemal</a>", item);
        Assert.Contains(">from OpenAlex</span>", item);
        Assert.Contains(Jemal, OpenAlexIds(again));
        // The answer is kept for a while: the same query (case aside) asks OpenAlex once, counted as a list call.
        var asked = _standIn.Requests.Where(r => r.PathAndQuery.StartsWith("/autocomplete/authors?", StringComparison.Ordinal)).ToList();
        Assert.Single(asked);
        Assert.Contains("q=jemal", asked[0].PathAndQuery);
        Assert.Equal(1, app.Services.GetRequiredService<ListCallBudget>().UsedToday);
    }

    [Fact]
    public async Task A_stored_record_is_not_listed_again_from_OpenAlex()
    {
        using var app = StartApp();
        using var client = app.CreateCookieClient();
        var outcome = await app.Services.GetRequiredService<OpenAlexFetcher>().FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: false);
        Assert.Equal(LiveStatus.Stored, outcome.Status);

        var html = await client.GetStringAsync("/search?q=jemal");

        Assert.Contains("data-result-kind=\"Researchers\"", html);
        Assert.Contains(_standIn.Requests, r => r.PathAndQuery.StartsWith("/autocomplete/authors?", StringComparison.Ordinal));
        Assert.DoesNotContain(Jemal, OpenAlexIds(html));
    }

    [Fact]
    public async Task Names_from_OpenAlex_are_encoded()
    {
        using var app = StartApp();
        using var client = app.CreateCookieClient();
        _standIn.Script("/autocomplete/authors", (200, """
            {"meta":{"count":1},"results":[{"id":"https://openalex.org/A1234","display_name":"<script>alert(1)</script> Zyx","hint":"<img src=x onerror=alert(2)>"},
             {"id":"https://evil.example/../../admin","display_name":"Not an id"}]}
            """));

        var html = await client.GetStringAsync("/search?q=zyx");

        Assert.Equal(["A1234"], OpenAlexIds(html));
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Zyx", html);
        Assert.DoesNotContain("Not an id", html);
    }

    [Fact]
    public async Task With_OpenAlex_stuck_the_page_answers_with_local_results_within_a_few_seconds_and_a_quiet_note()
    {
        using var app = StartApp();
        using var client = app.CreateCookieClient();
        _standIn.Hang();

        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync("/search?q=jemal");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("Nothing found for", html);
        Assert.Empty(OpenAlexIds(html));
        Assert.Contains("OpenAlex did not answer", html);
    }

    [Fact]
    public async Task The_local_results_are_sent_before_OpenAlex_answers_and_its_matches_follow_in_the_same_response()
    {
        using var app = StartApp();
        using var client = app.CreateCookieClient();
        _standIn.Hang();

        using var response = await client.GetAsync("/search?q=jemal", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var sent = new System.Text.StringBuilder();
        var buffer = new char[4096];
        while (!sent.ToString().Contains("id=\"results-heading\"", StringComparison.Ordinal))
        {
            var read = await reader.ReadAsync(buffer);
            Assert.True(read > 0, "the response ended without the results heading");
            sent.Append(buffer, 0, read);
        }

        // What arrived with the results heading says OpenAlex is being asked, not how that ended: the local results did not wait.
        Assert.Contains("Nothing found for", sent.ToString());
        Assert.Contains("data-openalex-asking", sent.ToString());
        Assert.DoesNotContain("OpenAlex did not answer", sent.ToString());
        var rest = await reader.ReadToEndAsync();
        Assert.Contains("OpenAlex did not answer", rest);
    }

    [Fact]
    public async Task With_the_day_s_budget_spent_no_call_is_made_and_local_results_show()
    {
        using var app = StartApp(new Dictionary<string, string?> { ["OpenAlex:DailyListCalls"] = "0" });
        using var client = app.CreateCookieClient();

        var html = await client.GetStringAsync("/search?q=jemal");

        Assert.Contains("Nothing found for", html);
        Assert.Empty(OpenAlexIds(html));
        Assert.Contains("allowance of OpenAlex calls is spent", html);
        Assert.Empty(_standIn.Requests);
    }

    [Fact]
    public async Task With_OpenAlex_switched_off_search_shows_local_results_only()
    {
        using var app = StartApp(new Dictionary<string, string?> { ["OpenAlex:Enabled"] = "false" });
        using var client = app.CreateCookieClient();

        var html = await client.GetStringAsync("/search?q=jemal");

        Assert.Contains("Nothing found for", html);
        Assert.Empty(OpenAlexIds(html));
        Assert.DoesNotContain("OpenAlex did not", html);
        Assert.Empty(_standIn.Requests);
    }
}
