using System.Text.RegularExpressions;
using BzPeer.Explorer.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Browser;

/// <summary>
/// The app on a phone (390×844) and a tablet (768×1024): no page wider than the screen, a search that opens over the app
/// bar with room for its suggestions, the profile's graph in the first screen, the explorer filling the screen with
/// legible labels and a preview sheet, one-finger pan and pinch zoom, and sign-in from the app bar returning to the page.
/// </summary>
[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public class PhoneLayoutBrowserTests(ExplorerAppFixture fixture)
{
    private const int PhoneWidth = 390, PhoneHeight = 844;
    private const string SettledNode = ".graph-view[data-view-settled=true]:not(:has([data-gliding])) .graph-node[data-node-id]";

    public static TheoryData<string, int, int> PagesAtSizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var kind in new[] { "home", "researcher", "search", "explorer", "work", "topic", "institution", "sign-in", "register", "account" })
        {
            data.Add(kind, PhoneWidth, PhoneHeight);
            data.Add(kind, 768, 1024);
        }
        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(PagesAtSizes))]
    public async Task No_page_is_wider_than_the_screen(string kind, int width, int height)
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(width, height);
        if (kind == "account") await SignInAsync(page, $"wide-{width}@example.org");
        await page.GotoAsync(await PathOfAsync(kind));
        if (kind is not ("sign-in" or "register" or "account")) await page.WaitForCircuitAsync();
        if (kind is "researcher" or "explorer" or "work" or "topic" or "institution") await page.Locator(SettledNode).First.WaitForAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        var (scrollWidth, innerWidth) = await WidthsAsync(page);
        await page.ScreenshotForReviewAsync($"phone-{kind}-{width}");
        Assert.True(scrollWidth <= innerWidth, $"{kind} at {width}×{height} is {scrollWidth} px wide in a {innerWidth} px window");

        // The app bar's own items all lie inside the screen (nothing runs past its edge).
        var outside = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('.mud-appbar a, .mud-appbar button, .mud-appbar summary, .mud-appbar input')]
                .filter(e => e.offsetParent !== null)
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5); })
                .map(e => (e.getAttribute('aria-label') ?? e.textContent).trim())
            """);
        Assert.True(outside.Length == 0, $"app bar items past the screen's edge: {string.Join(", ", outside)}");
    }

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    public async Task On_a_phone_the_search_button_opens_a_full_width_search_whose_suggestions_can_be_read(string path)
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync(path);
        if (path == "/")
        {
            await page.WaitForCircuitAsync();
            // Blazor moves the focus to the page's h1 once it is interactive: opening the search before then has the
            // focus taken from its box, which closes the suggestions under the test.
            await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");
        }
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });
        await Assertions.Expect(box).ToBeHiddenAsync();
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Open search" });
        await toggle.ClickAsync();
        // Once in a full CI run (not reproduced alone, nor under load) the first tap left the search closed: the page was
        // still settling. Tap again, as a person would; a search that never opens still fails here.
        try
        {
            await box.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3000 });
        }
        catch (TimeoutException)
        {
            await toggle.ClickAsync();
        }
        await Assertions.Expect(box).ToBeFocusedAsync();
        Assert.True((await box.BoundingBoxAsync())!.Width >= 300, $"the search box is {(await box.BoundingBoxAsync())!.Width} px wide");

        if (path == "/Account/Login")
        {
            // A statically rendered page: no suggestions, but the box opens and its form searches.
            await box.FillAsync("lottery");
            await box.PressAsync("Enter");
            await page.WaitForAddressAsync(new Regex(@"/search\?q=lottery$"));
            return;
        }

        await box.PressSequentiallyAsync("kong", new() { Delay = 40 });
        var suggestions = page.Locator("#search-suggestions");
        await Assertions.Expect(suggestions.Locator(".suggestion").First).ToBeVisibleAsync();
        var list = (await suggestions.BoundingBoxAsync())!;
        Assert.True(list.Width >= 300, $"the suggestions are {list.Width} px wide");
        Assert.True(list.X >= 0 && list.X + list.Width <= PhoneWidth, "the suggestions lie inside the screen");
        var title = suggestions.Locator(".suggestion-title").First;
        Assert.True((await title.BoundingBoxAsync())!.Width >= 100, "a suggestion's title has room to be read");
        Assert.False(string.IsNullOrWhiteSpace(await title.TextContentAsync()));
        var typed = await box.EvaluateAsync<double[]>("e => [e.scrollWidth, e.clientWidth, parseFloat(getComputedStyle(e).fontSize)]");
        Assert.True(typed[2] >= 16, "the box's text is at least 16 px, so the phone does not zoom into it");
        await page.ScreenshotForReviewAsync("phone-search-open");

        await suggestions.Locator(".suggestion[data-suggestion-kind=Researchers]").First.ClickAsync();
        await page.WaitForAddressAsync(new Regex("/researchers/."));
        await Assertions.Expect(box).ToBeHiddenAsync();

        // Escape closes the search again and gives the focus back to its button.
        await toggle.ClickAsync();
        await Assertions.Expect(box).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(box).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task A_search_opened_before_the_new_pages_heading_takes_the_focus_stays_open()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });

        // Another kind of page, opened in the page, with nothing else touched: its heading takes the focus from the
        // link, for a screen reader to start there.
        await page.GetByRole(AriaRole.Link, new() { Name = "BzPeer Explorer home" }).ClickAsync();
        await page.WaitForFunctionAsync("() => location.pathname === '/' && document.activeElement?.tagName === 'H1'");

        // A person taps a link and the search at once: the search opens before the server has drawn the new page and
        // sent its heading the focus, which must not take the focus from the box (the search would close).
        var heading = await page.Locator("h1").TextContentAsync();
        await page.EvaluateAsync("() => { document.querySelector(\"a[href^='researchers/']\").click(); document.querySelector('[data-search-toggle]').click(); }");
        await Assertions.Expect(box).ToBeFocusedAsync();
        await page.WaitForFunctionAsync("h => location.pathname.startsWith('/researchers/') && document.querySelector('h1')?.textContent !== h", heading);
        // The focus call follows the new page's render in the same round trip.
        await page.WaitForTimeoutAsync(500);

        await Assertions.Expect(box).ToBeVisibleAsync();
        await Assertions.Expect(box).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task On_a_phone_the_profiles_graph_is_in_the_first_screen_with_a_way_into_the_explorer()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(SettledNode).First.WaitForAsync();
        var work = await page.Locator("a[href^='works/']").First.GetAttributeAsync("href");

        var canvas = (await page.Locator(".graph-panel [data-graph-canvas]").BoundingBoxAsync())!;
        Assert.True(canvas.Y < 900, $"the graph starts {canvas.Y} px down the page");
        Assert.True(canvas.Height >= 250, $"the graph is {canvas.Height} px tall");
        var link = page.Locator("[data-action=open-explorer]");
        var linkBox = (await link.BoundingBoxAsync())!;
        Assert.True(linkBox.Y < canvas.Y && linkBox.Height >= 36, "the way into the explorer is above the graph and big enough to tap");
        await page.ScreenshotForReviewAsync("phone-profile-graph");

        await link.ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"/explore\?focus=person%3Ameihao-kong"));
        await page.Locator(SettledNode).First.WaitForAsync();

        // A work's, a topic's and an institution's page too: the graph comes before the abstract and the lists.
        await page.GotoAsync("/" + work);
        var topic = await page.Locator("a[href^='topics/']").First.GetAttributeAsync("href");
        var institution = await page.Locator("a[href^='institutions/']").First.GetAttributeAsync("href");
        foreach (var path in new[] { work!, topic!, institution! })
        {
            await page.GotoAsync("/" + path);
            await page.WaitForCircuitAsync();
            await page.Locator(SettledNode).First.WaitForAsync();
            var graph = (await page.Locator(".graph-panel [data-graph-canvas]").BoundingBoxAsync())!;
            Assert.True(graph.Y < 900, $"on {path} the graph starts {graph.Y} px down the page");
            await page.ScreenshotForReviewAsync("phone-graph-" + path.Split('/')[0]);
        }
    }

    [BrowserFact]
    public async Task On_a_phone_the_explorer_fills_the_screen_with_legible_labels_and_the_preview_is_a_sheet()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync("/explore?focus=person:meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(SettledNode).First.WaitForAsync();

        var share = await page.Locator("[data-graph-canvas]").EvaluateAsync<double>(
            """
            e => {
                const r = e.getBoundingClientRect();
                const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
                const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
                return w * h / (innerWidth * innerHeight);
            }
            """);
        Assert.True(share >= 0.6, $"the canvas covers {share:P0} of the screen");
        await GraphBrowserTests.AssertLegibleAsync(page, "the explorer on a phone");
        await page.ScreenshotForReviewAsync("phone-explorer");

        var node = page.Locator(".graph-node[data-node-kind=person]:not(.focus)").First;
        var id = await node.GetAttributeAsync("data-node-id");
        await node.ClickAsync();
        var sheet = page.Locator($"[data-preview-node='{id}']");
        await Assertions.Expect(sheet).ToBeVisibleAsync();
        var box = (await sheet.BoundingBoxAsync())!;
        Assert.True(Math.Abs(box.Y + box.Height - PhoneHeight) <= 1 && box.Width >= PhoneWidth - 1, $"the preview lies along the bottom of the screen ({box.X},{box.Y} {box.Width}×{box.Height})");
        Assert.True(box.Height <= PhoneHeight / 2, "the preview leaves the graph in sight");
        await Assertions.Expect(sheet.Locator("[data-action=expand]")).ToBeInViewportAsync();
        await page.ScreenshotForReviewAsync("phone-explorer-preview");

        await sheet.GetByRole(AriaRole.Button, new() { Name = "Close preview" }).ClickAsync();
        await Assertions.Expect(sheet).ToBeHiddenAsync();
    }

    [BrowserTheory]
    [InlineData(PhoneWidth, PhoneHeight)]
    [InlineData(768, 1024)]
    public async Task On_a_phone_or_tablet_the_node_tapped_and_the_nodes_its_expansion_adds_are_shown_above_the_preview_sheet(int width, int height)
    {
        var page = await OpenTouchPageAsync("/explore?focus=person:meihao-kong", width, height);

        // The lowest topic or paper in the fitted graph, where the sheet opens.
        var id = await LowestNodeAsync(page, ".graph-node[data-node-kind=topic], .graph-node[data-node-kind=paper]");
        var topic = page.Locator($".graph-node[data-node-id='{id}']");
        var before = await page.Locator(".graph-node[data-node-id]").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.nodeId)");
        await topic.TapAsync();
        var sheet = page.Locator($"[data-preview-node='{id}']");
        await Assertions.Expect(sheet).ToBeVisibleAsync();
        // The canvas ends above the sheet, and the view glides to the node: read once both hold still.
        await page.WaitForStillAsync(
            """
            id => document.querySelector('[data-gliding]') ? null
                : [document.querySelector(`.graph-node[data-node-id="${id}"] .node-mark`).getBoundingClientRect().y,
                   document.querySelector('[data-graph-canvas]').getBoundingClientRect().height]
            """, id);
        Assert.Empty(await page.EvaluateAsync<string[]>($"id => {HiddenBySheet}([id])", id));

        await sheet.Locator("[data-action=expand]").TapAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-node[data-node-id]').length > n", before.Length);
        await page.Locator(SettledNode).First.WaitForAsync();
        var added = (await page.Locator(".graph-node[data-node-id]").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.nodeId)"))
            .Except(before).ToArray();
        Assert.True(added.Length >= 5, $"the expansion added {added.Length} nodes");
        await page.ScreenshotForReviewAsync($"phone-explorer-expanded-from-sheet-{width}");
        var hidden = await page.EvaluateAsync<string[]>($"ids => {HiddenBySheet}(ids)", added.Append(id).ToArray());
        Assert.True(hidden.Length == 0, $"{hidden.Length} of {added.Length + 1} nodes under the preview sheet or off the canvas: {string.Join(", ", hidden)}");
    }

    [BrowserFact]
    public async Task On_a_phone_a_profiles_graph_scrolls_up_above_the_sheet_a_tap_on_one_of_its_nodes_opens()
    {
        var page = await OpenTouchPageAsync("/researchers/meihao-kong", PhoneWidth, PhoneHeight);
        // The panel low on the screen, as it is when someone scrolls down to it.
        await page.EvaluateAsync("() => scrollBy(0, document.querySelector('[data-graph-canvas]').getBoundingClientRect().top - 480)");

        var id = await LowestNodeAsync(page, ".graph-node[data-node-id]");
        await page.Locator($".graph-node[data-node-id='{id}']").TapAsync();
        await Assertions.Expect(page.Locator($"[data-preview-node='{id}']")).ToBeVisibleAsync();
        await page.WaitForStillAsync("() => scrollY");

        var place = await page.EvaluateAsync<double[]>(
            """
            () => [document.querySelector('[data-graph-canvas]').getBoundingClientRect().top,
                   document.querySelector('[data-graph-canvas]').getBoundingClientRect().bottom,
                   document.querySelector('[data-preview-node]').getBoundingClientRect().top,
                   document.querySelector('.mud-appbar').getBoundingClientRect().bottom]
            """);
        await page.ScreenshotForReviewAsync("phone-profile-graph-above-sheet");
        Assert.True(place[1] <= place[2] + 1, $"the canvas ends at {place[1]:0} px, under the sheet from {place[2]:0} px");
        Assert.True(place[0] >= place[3], $"the canvas starts at {place[0]:0} px, under the app bar to {place[3]:0} px");
        Assert.Empty(await page.EvaluateAsync<string[]>($"id => {HiddenBySheet}([id])", id));
    }

    [BrowserFact]
    public async Task On_a_phone_a_double_tap_on_a_low_node_expands_it_though_its_first_tap_opened_the_sheet()
    {
        var page = await OpenTouchPageAsync("/explore?focus=person:meihao-kong", PhoneWidth, PhoneHeight);
        var before = await page.Locator(".graph-node[data-node-id]").CountAsync();
        // The lowest topic: the sheet the first tap opens moves the view (or would cover it) before the second tap lands.
        var id = await LowestNodeAsync(page, ".graph-node[data-node-kind=topic]");
        var mark = (await page.Locator($".graph-node[data-node-id='{id}'] .node-mark").BoundingBoxAsync())!;
        var (x, y) = ((double)mark.X + mark.Width / 2, (double)mark.Y + mark.Height / 2);
        Assert.Equal(id, await page.EvaluateAsync<string>("([x, y]) => document.elementFromPoint(x, y).closest('[data-node-id]').dataset.nodeId", new[] { x, y }));
        var touch = await page.Context.NewCDPSessionAsync(page);

        for (var tap = 0; tap < 2; tap++)
        {
            await TouchAsync(touch, "touchStart", (x, y));
            await TouchAsync(touch, "touchEnd");
            await Task.Delay(120);
        }

        await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-node[data-node-id]').length > n", before);
        await Assertions.Expect(page.Locator($".graph-node[data-node-id='{id}']")).ToBeAttachedAsync();
        Assert.Contains(Uri.EscapeDataString(id), page.Url);
    }

    /// <summary>A page on a touch screen of this size, at this address, its graph drawn and settled.</summary>
    private async Task<IPage> OpenTouchPageAsync(string path, int width, int height)
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(width, height, touch: true);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        await page.Locator(SettledNode).First.WaitForAsync();
        return page;
    }

    /// <summary>Of the nodes matching the selector whose mark is on the screen, the lowest one's id.</summary>
    private static Task<string> LowestNodeAsync(IPage page, string selector) => page.EvaluateAsync<string>(
        """
        selector => [...document.querySelectorAll(selector)]
            .map(node => ({ id: node.dataset.nodeId, mark: node.querySelector('.node-mark').getBoundingClientRect() }))
            .filter(node => node.mark.bottom < innerHeight)
            .sort((a, b) => b.mark.y - a.mark.y)[0].id
        """, selector);

    /// <summary>
    /// A script taking node ids and giving those whose mark a person cannot see: under the preview sheet, or outside the
    /// canvas or the screen.
    /// </summary>
    private const string HiddenBySheet = """
        (ids => {
            const sheet = document.querySelector('[data-preview-node]')?.getBoundingClientRect();
            const canvas = document.querySelector('[data-graph-canvas]').getBoundingClientRect();
            return ids.filter(id => {
                const mark = document.querySelector(`.graph-node[data-node-id="${id}"] .node-mark`).getBoundingClientRect();
                const x = mark.left + mark.width / 2, y = mark.top + mark.height / 2;
                const underSheet = sheet && y + mark.height / 2 > sheet.top;
                const outside = x < canvas.left || x > canvas.right || y < canvas.top || y > canvas.bottom || y > innerHeight;
                return underSheet || outside;
            });
        })
        """;

    [BrowserFact]
    public async Task On_a_touch_screen_one_finger_pans_the_explorer_and_two_fingers_zoom_it()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(PhoneWidth, PhoneHeight, touch: true);
        await page.GotoAsync("/explore?focus=person:meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(SettledNode).First.WaitForAsync();
        var touch = await page.Context.NewCDPSessionAsync(page);
        var canvas = (await page.Locator("[data-graph-canvas]").BoundingBoxAsync())!;
        // An empty stretch of the canvas: its lower left corner, below the fitted graph.
        var (x, y) = (canvas.X + 40, canvas.Y + canvas.Height - 60);

        var focus = page.Locator(".graph-node.focus");
        var before = (await focus.BoundingBoxAsync())!;
        var zoomBefore = await ZoomAsync(page);
        await TouchAsync(touch, "touchStart", (x, y));
        for (var i = 1; i <= 10; i++) await TouchAsync(touch, "touchMove", (x + 8 * i, y - 10 * i));
        await TouchAsync(touch, "touchEnd");
        await UntilAsync(async () => (await focus.BoundingBoxAsync())!.Y < before.Y - 50, "the graph follows the finger");
        // Each move is drawn as it arrives: on a busy machine the graph can be read between two of them (seen in CI,
        // 56 of 80 px), so the distance is read once the graph holds still.
        await page.WaitForStillAsync("sel => { const r = document.querySelector(sel).getBoundingClientRect(); return [r.x, r.y]; }", ".graph-node.focus");
        var after = (await focus.BoundingBoxAsync())!;
        Assert.InRange(after.X - before.X, 60, 100);
        Assert.InRange(after.Y - before.Y, -120, -80);
        Assert.Equal(zoomBefore, await ZoomAsync(page));
        Assert.True(page.Url.Contains("/explore"), "a pan is not a click: the page stays");

        // Two fingers spread apart: the graph zooms in about the point between them.
        var (cx, cy) = (canvas.X + canvas.Width / 2, canvas.Y + canvas.Height / 2);
        await TouchAsync(touch, "touchStart", (cx - 40, cy), (cx + 40, cy));
        for (var i = 1; i <= 10; i++) await TouchAsync(touch, "touchMove", (cx - 40 - 8 * i, cy), (cx + 40 + 8 * i, cy));
        await TouchAsync(touch, "touchEnd");
        // The fingers' spread grew from 80 to 240 px: the zoom follows, 3× (within the zoom's limit), in the library's steps.
        await UntilAsync(async () => await ZoomAsync(page) > zoomBefore * 2.6, "spreading two fingers zooms in");
        await Task.Delay(500);
        var zoomed = await ZoomAsync(page);
        Assert.InRange(zoomed / zoomBefore, 2.6, 3.2);
        await GraphBrowserTests.AssertLegibleAsync(page, "the explorer after a pinch");

        // Pinching in zooms out again.
        await TouchAsync(touch, "touchStart", (cx - 120, cy), (cx + 120, cy));
        for (var i = 1; i <= 10; i++) await TouchAsync(touch, "touchMove", (cx - 120 + 8 * i, cy), (cx + 120 - 8 * i, cy));
        await TouchAsync(touch, "touchEnd");
        await UntilAsync(async () => await ZoomAsync(page) < zoomed / 1.5, "pinching two fingers zooms out");
        await page.ScreenshotForReviewAsync("phone-explorer-pinched");
    }

    [BrowserTheory]
    [InlineData(PhoneWidth, PhoneHeight)]
    [InlineData(1440, 900)]
    public async Task Signing_in_from_the_app_bar_returns_to_the_page_it_was_started_from(int width, int height)
    {
        var email = $"return-{width}@example.org";
        await AccountSteps.CreateConfirmedAccountAsync(fixture.App, email, "Return Tester");
        var page = await (await fixture.BrowserAsync()).NewPageAsync(width, height);
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        // Moved on inside the app (the app bar stays): the sign-in link follows the page.
        await page.Locator(".collaborators a", new() { HasText = "Wenbin Li" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("/researchers/wenbin-li$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Wenbin Li");
        var signIn = page.Locator(width <= 600 ? "details.visitor-menu a.account-sign-in" : ".appbar-account > a.account-sign-in");
        await Assertions.Expect(signIn).ToHaveAttributeAsync("href", new Regex("ReturnUrl=%2Fresearchers%2Fwenbin-li$"));

        if (width <= 600)
        {
            await page.Locator("details.visitor-menu > summary").ClickAsync();
            var menu = (await page.Locator("details.visitor-menu .account-menu-items").BoundingBoxAsync())!;
            Assert.True(menu.X >= 0 && menu.X + menu.Width <= width, "the open menu lies inside the screen");
            await page.ScreenshotForReviewAsync("phone-visitor-menu");
        }
        await signIn.ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"/Account/Login\?ReturnUrl=%2Fresearchers%2Fwenbin-li$"));
        await AccountsBrowserTests.FillSignInAsync(page, email);
        await page.WaitForAddressAsync(new Regex("/researchers/wenbin-li$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Wenbin Li");
        await Assertions.Expect(page.Locator("details.account-menu:not(.visitor-menu) summary")).ToHaveAttributeAsync("aria-label", new Regex("Return Tester"));
    }

    [BrowserTheory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task Signing_in_with_an_outside_return_address_stays_on_this_site(string returnUrl)
    {
        var email = $"outside-{Math.Abs(returnUrl.GetHashCode())}@example.org";
        await AccountSteps.CreateConfirmedAccountAsync(fixture.App, email);
        var page = await (await fixture.BrowserAsync()).NewPageAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await AccountsBrowserTests.FillSignInAsync(page, email);
        await page.WaitForAddressAsync(new Regex("^(?!.*/Account/Login)"), loaded: false);
        Assert.Equal(fixture.App.BaseAddress.Host, new Uri(page.Url).Host);
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await AccountSteps.CreateConfirmedAccountAsync(fixture.App, email);
        await page.GotoAsync("/Account/Login");
        await AccountsBrowserTests.FillSignInAsync(page, email);
        await page.WaitForAddressAsync(new Regex("^(?!.*/Account/Login)"), loaded: false);
    }

    /// <summary>
    /// Waits for a condition read from the page, polled from here: after touch input sent through CDP, Playwright's own
    /// in-page wait for a function never returned here.
    /// </summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"not seen within 10 s: {what}");
    }

    private static async Task<double> ZoomAsync(IPage page) =>
        await page.Locator("[data-graph-canvas]").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).getPropertyValue('--graph-zoom'))");

    /// <summary>Touch input as a touch screen sends it (Chromium makes pointer and touch events of it).</summary>
    private static Task TouchAsync(ICDPSession session, string type, params (double X, double Y)[] points) =>
        session.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = points.Select((p, i) => new Dictionary<string, object> { ["x"] = p.X, ["y"] = p.Y, ["id"] = i }).ToArray(),
        });

    internal static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    private async Task<string> PathOfAsync(string kind)
    {
        await using var db = await fixture.App.Database.Factory.CreateDbContextAsync();
        return kind switch
        {
            "home" => "/",
            "researcher" => "/researchers/meihao-kong",
            "work" => "/works/arXiv:2203.13802",
            "topic" => $"/topics/{await db.Topics.Where(t => t.DisplayName == "Advanced Neural Network Applications").Select(t => t.Id).FirstAsync()}",
            "institution" => $"/institutions/{await db.Institutions.Where(i => i.Ror == "01rxvg760").Select(i => i.Id).FirstAsync()}",
            "explorer" => "/explore?focus=person:meihao-kong",
            "search" => "/search?q=lottery",
            "sign-in" => "/Account/Login",
            "register" => "/Account/Register",
            "account" => "/Account/Manage",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
