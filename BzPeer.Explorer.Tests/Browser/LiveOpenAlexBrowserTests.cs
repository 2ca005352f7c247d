using BzPeer.Explorer.Tests.Hosting;
using BzPeer.Explorer.Tests.Live;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Browser;

/// <summary>The app reading a researcher it lacks from (a stand-in) OpenAlex while a person waits.</summary>
[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LiveOpenAlexBrowserTests
{
    [BrowserFact]
    public async Task A_researcher_not_stored_opens_fetched_from_OpenAlex_with_works_co_authors_and_graph_reaches_past_the_edge_for_people_and_institutions_and_says_when_OpenAlex_is_stuck_on_pages_and_on_nodes()
    {
        await using var standIn = await OpenAlexStandIn.StartAsync();
        using var app = new ExplorerApp(standIn.AppSettings("browser-test-key"));
        app.Start();
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/researchers/A5009198168");

        // The page answers at once, saying it is fetching, rather than a blank or a wait.
        Assert.Equal(200, response!.Status);
        Assert.Contains("Fetching from OpenAlex", await response.TextAsync());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ahmedin Jemal", new() { Timeout = 15_000 });
        Assert.EndsWith("/researchers/ahmedin-jemal", page.Url);
        await Assertions.Expect(page.Locator("#works-heading")).ToHaveTextAsync("13 published item(s)");
        Assert.True(await page.Locator(".collaborators a").CountAsync() >= 5);
        // Two-digit counts (20 close collaborators) stay on one line in their tiles.
        var brokenCounts = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.trust-snapshot .count-value')].filter(e => e.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(e).fontSize)).map(e => e.textContent)");
        Assert.Empty(brokenCounts);
        await page.WaitForFunctionAsync(
            "() => document.querySelectorAll(\".graph-view[data-graph-focus='person:ahmedin-jemal'][data-view-settled=true]:not(:has([data-gliding])) .graph-node[data-node-id]\").length > 10");
        Assert.All(standIn.Requests, r => Assert.Contains("api_key=browser-test-key", r.PathAndQuery));
        await page.ScreenshotForReviewAsync("live-openalex-researcher");

        // Expanding a co-author known only from those works reads theirs from OpenAlex and draws the ones not yet stored.
        var bray = page.Locator(".graph-node[data-node-id='person:freddie-bray']");
        await bray.DblClickAsync();
        await Assertions.Expect(page.Locator(".graph-node[data-node-kind=paper]", new() { HasText = "Global Cancer Statistics, 2002" }))
            .ToHaveCountAsync(1, new() { Timeout = 15_000 });
        Assert.Contains(standIn.ListCalls, call => call.Contains("filter=author.id:A5064215217&"));
        await Assertions.Expect(bray).ToHaveAttributeAsync("data-neighbourhood", "complete");

        // An institution known only from those works is marked, says so in its preview, and expanding it reads its most cited works.
        var institution = page.Locator(".graph-node[data-node-kind=institution][data-neighbourhood=never]").First;
        var institutionId = await institution.GetAttributeAsync("data-node-id");
        await institution.ClickAsync();
        await Assertions.Expect(page.Locator($".graph-preview[data-preview-node='{institutionId}'] [data-neighbourhood-line]"))
            .ToHaveTextAsync("Neighbourhood: not yet read from OpenAlex — expanding reads it");
        var listCalls = standIn.ListCalls.Count;
        await institution.DblClickAsync();
        await Assertions.Expect(page.Locator($".graph-node[data-node-id='{institutionId}']")).ToHaveAttributeAsync("data-neighbourhood", "complete", new() { Timeout = 15_000 });
        Assert.Contains(standIn.ListCalls.Skip(listCalls), call => call.Contains("filter=authorships.institutions.id:") && call.Contains("sort=cited_by_count:desc"));

        // A co-author known only from those works opens at once, and their own works are read from OpenAlex.
        await page.Locator(".collaborators a", new() { HasText = "Rebecca L. Siegel" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rebecca L. Siegel");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!standIn.ListCalls.Any(call => call.Contains("filter=author.id:A5047300895&")) && waited.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(100);
        Assert.Contains(standIn.ListCalls, call => call.Contains("filter=author.id:A5047300895&"));
        await Assertions.Expect(page.Locator("[data-live-fetch]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rebecca L. Siegel");
        Assert.Contains(standIn.Requests, r => r.PathAndQuery.StartsWith("/authors/A5047300895?", StringComparison.Ordinal));

        // OpenAlex stuck: a record not stored answers within ten seconds with a page saying so; stored pages still work.
        standIn.Hang();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync("/works/W1898014694");
        await Assertions.Expect(page.Locator("[data-live-fetch=failed]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not available right now");
        Assert.Matches("did not answer|slow to answer", await page.Locator("[data-live-fetch=failed] [role=alert]").InnerTextAsync());
        await page.GotoAsync("/researchers/ahmedin-jemal");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ahmedin Jemal");

        // Expanding a co-author whose works were never read, with OpenAlex stuck: the node says so, and stays "never read".
        // Opened afresh, the page comes alive although what it carries from prerendering (real abstracts) is larger than
        // SignalR's default message limit, which made the circuit refuse to start: a page without a graph or buttons.
        await page.Locator(".graph-view[data-view-settled=true]:not(:has([data-gliding]))").WaitForAsync();
        var unread = page.Locator(".graph-node[data-node-kind=person][data-neighbourhood=never]").First;
        var unreadId = await unread.GetAttributeAsync("data-node-id");
        await unread.DblClickAsync();
        var node = page.Locator($".graph-node[data-node-id='{unreadId}']");
        await Assertions.Expect(node.Locator(".node-fetch-problem")).ToContainTextAsync("could not read from OpenAlex: it did not answer in time", new() { Timeout = 10_000 });
        await Assertions.Expect(node).ToHaveAttributeAsync("data-neighbourhood", "never");
        await Assertions.Expect(page.Locator(".graph-notice", new() { HasText = "still being read from OpenAlex" })).ToHaveCountAsync(1);
    }
}
