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

    [BrowserTheory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Search_open_a_profile_reach_the_graphs_list_view_and_open_a_neighbour_with_the_keyboard_alone(int width, int height)
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(width, height);
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();

        // Blazor puts the focus on the page's h1 once it is interactive; the app bar is before it. Tabbing before that
        // moment starts from the top of the page and then has the focus moved under it.
        await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");
        var skip = await TabUntilAsync(page, f => f.Text == "Skip to main content", "the skip link", "Shift+Tab");
        Assert.Equal("Skip to main content", skip.Text);
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is { Y: >= 0 }, "the focused skip link is on screen");

        if (width <= 600)
        {
            // On a phone the app bar has a search button; Enter opens the search with the focus in its box.
            await TabUntilAsync(page, f => f.Tag == "BUTTON" && f.Text == "Open search", "the app bar's search button");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Search" })).ToBeFocusedAsync();
        }
        else
        {
            await TabUntilAsync(page, f => f.Role == "combobox", "the app bar's search box");
        }
        await page.Keyboard.TypeAsync("meihao", new() { Delay = 40 });
        await Assertions.Expect(page.Locator(".suggestion[data-suggestion-kind=Researchers]").First).ToContainTextAsync("Meihao Kong");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meihao Kong");
        await page.Locator(".graph-view[data-view-settled=true]:not(:has([data-gliding])) .graph-node[data-node-id]").First.WaitForAsync();

        var canvas = page.Locator("[data-graph-canvas]");
        Assert.Equal("application", await canvas.GetAttributeAsync("role"));
        Assert.Matches(@"^Research graph around Meihao Kong: 11 nodes \(.*6 people.*\) and \d+ edges\. The list view below", await canvas.GetAttributeAsync("aria-label"));

        await TabUntilAsync(page, f => f.Tag == "SUMMARY" && f.InList, "the graph's list view");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("details.graph-list")).ToHaveAttributeAsync("open", "");
        // The rows come from the server once the list is open.
        await Assertions.Expect(page.Locator(".graph-list li[data-list-node]")).ToHaveCountAsync(11);
        await page.ScreenshotForReviewAsync($"keyboard-list-view-{width}");

        var neighbour = await TabUntilAsync(page, f => f.Tag == "A" && f.ListNode == "person:wenbin-li", "Wenbin Li in the list view");
        Assert.Equal("Wenbin Li", neighbour.Text);
        await page.ScreenshotForReviewAsync($"keyboard-neighbour-focused-{width}");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Wenbin Li");
        Assert.EndsWith("/researchers/wenbin-li", page.Url);
        await Assertions.Expect(page.Locator(".graph-node.focus")).ToHaveAttributeAsync("data-node-id", "person:wenbin-li");
    }

    [BrowserTheory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Tab_into_the_graph_move_between_nodes_with_the_arrows_open_a_preview_with_Enter_and_expand_with_E(int width, int height)
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(width, height);
        await page.GotoAsync("/explore?focus=person:meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(".graph-view[data-view-settled=true]:not(:has([data-gliding])) .graph-node[data-node-id]").First.WaitForAsync();
        var shown = await page.Locator(".graph-node[data-node-id]").CountAsync();

        await page.Locator("[data-action=reset]").FocusAsync();
        var canvas = await TabUntilAsync(page, f => f.Role == "application", "the graph's canvas");
        Assert.StartsWith("Research graph around Meihao Kong", canvas.Text);
        await Assertions.Expect(page.Locator(".graph-node.keyboard-focus")).ToHaveAttributeAsync("data-node-id", "person:meihao-kong");

        // Arrow keys walk the nodes; each one reached is announced and drawn with a ring.
        var reached = new HashSet<string>();
        foreach (var key in new[] { "ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "ArrowLeft", "ArrowDown" })
        {
            var before = await page.Locator(".graph-node.keyboard-focus").GetAttributeAsync("data-node-id");
            await page.Keyboard.PressAsync(key);
            try
            {
                await page.WaitForFunctionAsync("id => document.querySelector('.graph-node.keyboard-focus')?.dataset.nodeId !== id", before, new() { Timeout = 2000 });
            }
            catch (TimeoutException) { } // nothing lies that way
            reached.Add((await page.Locator(".graph-node.keyboard-focus").GetAttributeAsync("data-node-id"))!);
        }
        Assert.True(reached.Count >= 3, $"the arrows reached {string.Join(", ", reached)}");
        var node = (await page.Locator(".graph-node.keyboard-focus").GetAttributeAsync("data-node-id"))!;
        var ring = await page.Locator(".graph-node.keyboard-focus").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e.querySelector('.node-mark')).outlineStyle");
        Assert.Contains("solid", ring);
        await Assertions.Expect(page.Locator($"[data-keyboard-node='{node}']")).ToBeAttachedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator($"[data-preview-node='{node}']")).ToBeVisibleAsync();
        Assert.Equal("application", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('role')"));

        // Expand a node that brings something new: a topic, reached from the focus.
        var topic = (await page.Locator(".graph-node[data-node-kind=topic]").First.GetAttributeAsync("data-node-id"))!;
        for (var i = 0; i < 12 && await page.Locator(".graph-node.keyboard-focus").GetAttributeAsync("data-node-id") != topic; i++)
        {
            var direction = await page.EvaluateAsync<string>(
                """
                id => {
                    const at = document.querySelector('.graph-node.keyboard-focus').getBoundingClientRect();
                    const to = document.querySelector(`.graph-node[data-node-id='${id}']`).getBoundingClientRect();
                    const dx = (to.left + to.width / 2) - (at.left + at.width / 2), dy = (to.top + to.height / 2) - (at.top + at.height / 2);
                    return Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'ArrowRight' : 'ArrowLeft') : (dy > 0 ? 'ArrowDown' : 'ArrowUp');
                }
                """, topic);
            var before = await page.Locator(".graph-node.keyboard-focus").GetAttributeAsync("data-node-id");
            await page.Keyboard.PressAsync(direction);
            try { await page.WaitForFunctionAsync("id => document.querySelector('.graph-node.keyboard-focus')?.dataset.nodeId !== id", before, new() { Timeout = 2000 }); }
            catch (TimeoutException) { }
        }
        Assert.Equal(topic, await page.Locator(".graph-node.keyboard-focus").GetAttributeAsync("data-node-id"));
        await page.Keyboard.PressAsync("e");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-trail-step]').length === 2");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-node[data-node-id]').length > n", shown);
        await page.ScreenshotForReviewAsync($"keyboard-graph-expanded-{width}");
    }

    [BrowserTheory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Tabbing_through_a_profile_and_back_never_leaves_the_focus_under_the_app_bar(int width, int height)
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(width, height);
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(".graph-view[data-view-settled=true]:not(:has([data-gliding])) .graph-node[data-node-id]").First.WaitForAsync();

        // Where each stop lies against the app bar, which stays on top of the page as it scrolls. The skip link shows
        // over the bar by design, and the bar's own controls are in it.
        const string whereFocusIs = """
            () => {
                const e = document.activeElement;
                if (!e || e === document.body || e.closest('.mud-appbar') || e.classList.contains('skip-link')) return null;
                const r = e.getBoundingClientRect();
                return JSON.stringify({ text: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50),
                         top: r.top, barBottom: document.querySelector('.mud-appbar').getBoundingClientRect().bottom, height: innerHeight });
            }
            """;
        var stops = 0;
        foreach (var key in new[] { "Tab", "Shift+Tab" })
        {
            for (var i = 0; i < 45; i++)
            {
                await page.Keyboard.PressAsync(key);
                if (await page.EvaluateAsync<string?>(whereFocusIs) is not { } json) continue;
                var at = JsonSerializer.Deserialize<FocusPlace>(json, JsonOptions)!;
                stops++;
                output.WriteLine($"{key} {i + 1}: '{at.Text}' top {at.Top:0} (bar ends at {at.BarBottom:0})");
                Assert.True(at.Top >= at.BarBottom - 0.5 && at.Top < at.Height,
                    $"{key} {i + 1} at {width}×{height}: '{at.Text}' starts at {at.Top:0} px, under the app bar (ends at {at.BarBottom:0} px) or off screen");
            }
        }
        Assert.True(stops >= 30, $"only {stops} stops outside the app bar");
    }

    private sealed record FocusPlace(string Text, double Top, double BarBottom, double Height);

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
