using System.Text.RegularExpressions;
using BzPeer.Explorer.Tests.Hosting;
using BzPeer.Explorer.Tests.Live;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Browser;

/// <summary>The app bar's search suggesting records of any kind only (a stand-in) OpenAlex knows, and opening them.</summary>
[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SearchOpenAlexBrowserTests
{
    [BrowserFact]
    public async Task Typing_a_name_or_title_only_OpenAlex_knows_suggests_it_marked_OpenAlex_and_choosing_it_opens_the_fetched_page()
    {
        await using var standIn = await OpenAlexStandIn.StartAsync();
        using var app = new ExplorerApp(standIn.AppSettings("browser-test-key"));
        app.Start();
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = await browser.NewPageAsync();
        // The results page, once interactive, still lists OpenAlex's matches (they survive prerendering) and its tabs work.
        await page.GotoAsync("/search?q=siegel");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".openalex-result[data-openalex-id=A5047300895] .source-label")).ToHaveTextAsync("from OpenAlex");
        await page.Locator(".search-tab[data-kind=Works]").ClickAsync();
        await page.WaitForAddressAsync(new Regex("kind=works"));
        await Assertions.Expect(page.Locator(".search-tab.current")).ToHaveAttributeAsync("data-kind", "Works");
        await Assertions.Expect(page.Locator(".openalex-result")).ToHaveCountAsync(0);
        Assert.Contains(standIn.Requests, r => r.PathAndQuery.StartsWith("/autocomplete/works?q=siegel", StringComparison.Ordinal));
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator(".openalex-result[data-openalex-id=A5047300895]")).ToContainTextAsync("Rebecca L. Siegel");

        await page.GotoAsync("/researchers/meihao-kong");
        await page.Locator(".graph-view[data-view-settled=true]:not(:has([data-gliding]))").WaitForAsync();

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });
        await box.ClickAsync();
        await page.Keyboard.TypeAsync("jemal", new() { Delay = 40 });

        var suggestion = page.Locator(".suggestion[data-openalex-id=A5009198168]");
        await Assertions.Expect(suggestion).ToContainTextAsync("Ahmedin Jemal", new() { Timeout = 10_000 });
        await Assertions.Expect(suggestion.Locator(".source-label")).ToHaveTextAsync("OpenAlex");
        // One keystroke burst asked OpenAlex once, for every kind at the price of one call.
        Assert.Single(standIn.Requests, r => r.PathAndQuery.StartsWith("/autocomplete?q=jemal", StringComparison.Ordinal));
        await page.ScreenshotForReviewAsync("search-openalex-suggestion");

        await suggestion.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ahmedin Jemal", new() { Timeout = 15_000 });
        Assert.Contains(standIn.Requests, r => r.PathAndQuery.StartsWith("/authors/A5009198168?", StringComparison.Ordinal));

        // A paper only OpenAlex knows is suggested under its own heading and opens fetched.
        await box.FillAsync("");
        await page.Keyboard.TypeAsync("power failure", new() { Delay = 40 });
        var paper = page.Locator(".suggestion[data-openalex-id=W2105824687]");
        await Assertions.Expect(paper).ToContainTextAsync("Power failure: why small sample size", new() { Timeout = 10_000 });
        await Assertions.Expect(paper).ToHaveAttributeAsync("data-suggestion-kind", "Works");
        await Assertions.Expect(page.Locator(".suggestion-group", new() { HasText = "from OpenAlex" })).ToHaveTextAsync("Papers from OpenAlex");
        await paper.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Power failure: why small sample size", new() { Timeout = 15_000 });
        Assert.Contains(standIn.Requests, r => r.PathAndQuery.StartsWith("/works/W2105824687?", StringComparison.Ordinal));
    }
}
