using BzPeer.Explorer.Tests.Hosting;
using System.Text.RegularExpressions;
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

    [BrowserFact]
    public async Task Filter_to_open_access_and_page_through_the_results_with_the_keyboard_alone()
    {
        var context = await (await fixture.BrowserAsync()).NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/search?q=learning&kind=works");
        await page.WaitForCircuitAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'results-heading'");

        await TabUntilAsync(page, "input[name=oa]");
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, "button.search-apply");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]oa=true"));
        await page.WaitForCircuitAsync();
        var facts = page.Locator(".result .result-context");
        await Assertions.Expect(facts).ToHaveCountAsync(20);
        foreach (var text in await facts.AllInnerTextsAsync()) Assert.Contains("Open access", text);
        // Ids, not titles: the demo data has papers of the same title.
        const string ResultIds = "() => [...document.querySelectorAll('.result')].map(r => r.dataset.resultId)";
        var firstPage = await page.EvaluateAsync<string[]>(ResultIds);

        await TabUntilAsync(page, "a[rel=next]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]page=2"));
        Assert.Contains("oa=true", page.Url);
        await Assertions.Expect(page.Locator(".pager-position")).ToHaveTextAsync(new Regex("^Page 2 of"));
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'results-heading'");
        Assert.Empty(firstPage.Intersect(await page.EvaluateAsync<string[]>(ResultIds)));
        foreach (var text in await facts.AllInnerTextsAsync()) Assert.Contains("Open access", text);
        await page.ScreenshotForReviewAsync("search-open-access-page-2");

        await TabUntilAsync(page, "a[rel=prev]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".pager-position")).ToHaveTextAsync(new Regex("^Page 1 of"));
        Assert.DoesNotContain("page=", page.Url);
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'results-heading'");
        Assert.Equal(firstPage, await page.EvaluateAsync<string[]>(ResultIds));
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_filters_facts_and_a_long_bad_value_fit_a_phone_screen()
    {
        var context = await (await fixture.BrowserAsync()).NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/search?q=lottery%20tickets&kind=works&from=" + new string('9', 300));
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".search-problem")).ToContainTextAsync("is not a year");
        await Assertions.Expect(page.Locator(".result-authors").First).ToContainTextAsync("et al.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no horizontal scrolling");
        await page.ScreenshotForReviewAsync("search-filters-phone");
        await context.CloseAsync();
    }

    /// <summary>Presses Tab until the element matching the selector has the focus; fails if it is never reached.</summary>
    private static async Task TabUntilAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector)) return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
