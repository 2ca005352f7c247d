using BzPeer.Explorer.Tests.Hosting;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Browser;

/// <summary>Any length of typed text keeps the layout: it wraps or is cut, and never widens the page.</summary>
[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public class LongInputBrowserTests(ExplorerAppFixture fixture)
{
    [BrowserTheory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task A_5000_character_query_does_not_widen_the_results_page(int width, int height)
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        foreach (var query in new[] { new string('x', 5000), string.Concat(Enumerable.Repeat("kong ", 1000)) })
        {
            await page.GotoAsync("/search?q=" + Uri.EscapeDataString(query));
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

            var (scrollWidth, innerWidth) = await WidthsAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"at {width}×{height} the page is {scrollWidth} px wide in a {innerWidth} px window");
        }
        await page.ScreenshotForReviewAsync($"long-query-{width}");
    }

    internal static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }
}
