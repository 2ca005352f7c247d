using System.Text.Json;
using BzPeer.Explorer.Tests.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BzPeer.Explorer.Tests.Browser;

/// <summary>The explorer used with the keyboard alone: no click, no pointer, and a visible focus at every stop.</summary>
[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public class KeyboardBrowserTests(ExplorerAppFixture fixture, ITestOutputHelper output)
{
    private const int MaxTabs = 120;

    /// <summary>The element that has focus, and whether it shows a focus ring (an outline or a box shadow).</summary>
    private const string DescribeFocus = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return JSON.stringify({ tag: 'BODY', ring: false, text: '' });
            const s = getComputedStyle(e);
            const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
            return JSON.stringify({
                tag: e.tagName,
                role: e.getAttribute('role') ?? '',
                text: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50),
                ring: !!ring,
                inList: !!e.closest('.graph-list'),
                listNode: e.closest('[data-list-node]')?.getAttribute('data-list-node') ?? ''
            });
        }
        """;

    [BrowserFact]
    public async Task Search_open_a_profile_reach_the_graphs_list_view_and_open_a_neighbour_with_the_keyboard_alone()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();

        // Blazor puts the focus on the page's h1 once it is interactive; the app bar is before it.
        var skip = await TabUntilAsync(page, f => f.Text == "Skip to main content", "the skip link", "Shift+Tab");
        Assert.Equal("Skip to main content", skip.Text);
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is { Y: >= 0 }, "the focused skip link is on screen");

        await TabUntilAsync(page, f => f.Role == "combobox", "the app bar's search box");
        await page.Keyboard.TypeAsync("meihao", new() { Delay = 40 });
        await Assertions.Expect(page.Locator(".suggestion[data-suggestion-kind=Researchers]").First).ToContainTextAsync("Meihao Kong");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meihao Kong");
        await page.Locator(".graph-view[data-view-settled=true] .graph-node[data-node-id]").First.WaitForAsync();

        var canvas = page.Locator("[data-graph-canvas]");
        Assert.Equal("img", await canvas.GetAttributeAsync("role"));
        Assert.Matches(@"^Research graph around Meihao Kong: 11 nodes \(.*6 people.*\) and \d+ edges\. The list view below", await canvas.GetAttributeAsync("aria-label"));

        await TabUntilAsync(page, f => f.Tag == "SUMMARY" && f.InList, "the graph's list view");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("details.graph-list")).ToHaveAttributeAsync("open", "");
        await page.ScreenshotForReviewAsync("keyboard-list-view");

        var neighbour = await TabUntilAsync(page, f => f.Tag == "A" && f.ListNode == "person:wenbin-li", "Wenbin Li in the list view");
        Assert.Equal("Wenbin Li", neighbour.Text);
        await page.ScreenshotForReviewAsync("keyboard-neighbour-focused");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Wenbin Li");
        Assert.EndsWith("/researchers/wenbin-li", page.Url);
        await Assertions.Expect(page.Locator(".graph-node.focus")).ToHaveAttributeAsync("data-node-id", "person:wenbin-li");
    }

    /// <summary>Presses Tab until the focused element matches, checking at every stop that the focus can be seen.</summary>
    private async Task<Focused> TabUntilAsync(IPage page, Func<Focused, bool> wanted, string what, string key = "Tab")
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync(key);
            var focused = JsonSerializer.Deserialize<Focused>(await page.EvaluateAsync<string>(DescribeFocus), JsonOptions)!;
            output.WriteLine($"{key} {i + 1}: {focused.Tag} {focused.Role} '{focused.Text}' ring={focused.Ring}");
            if (focused.Tag != "BODY") Assert.True(focused.Ring, $"no visible focus on {focused.Tag} '{focused.Text}' while tabbing to {what}");
            if (wanted(focused)) return focused;
        }
        throw new Xunit.Sdk.XunitException($"{MaxTabs} presses of Tab did not reach {what}");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Focused(string Tag, string Role, string Text, bool Ring, bool InList, string ListNode);
}
