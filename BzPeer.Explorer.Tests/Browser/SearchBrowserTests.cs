using BzPeer.Explorer.Tests.Hosting;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Browser;

[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public class SearchBrowserTests(ExplorerAppFixture fixture)
{
    [BrowserFact]
    public async Task Typing_meihao_suggests_her_and_Enter_on_the_suggestion_opens_her_profile()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });
        await box.ClickAsync();
        await box.PressSequentiallyAsync("meihao", new() { Delay = 40 });
        var suggestion = page.Locator(".suggestion[data-suggestion-kind=Researchers]").First;
        await Assertions.Expect(suggestion).ToContainTextAsync("Meihao Kong");
        await page.ScreenshotForReviewAsync("search-suggestions-meihao");

        await box.PressAsync("ArrowDown");
        await Assertions.Expect(suggestion).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meihao Kong");
        Assert.EndsWith("/researchers/meihao-kong", page.Url);
    }

    [BrowserFact]
    public async Task Enter_without_choosing_a_suggestion_opens_the_full_results()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });
        await box.FillAsync("lottery tickets");
        await box.PressAsync("Enter");

        // Polls the address: the circuit navigates within the page, which WaitForURL can miss when it lands while the wait is being set up.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q=lottery%20tickets$"));
        await Assertions.Expect(page.Locator(".result").First).ToContainTextAsync("Playing Lottery Tickets in Style Transfer Models");
    }
}
