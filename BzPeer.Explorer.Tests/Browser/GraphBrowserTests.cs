using System.Text.RegularExpressions;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using BzPeer.Explorer.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Browser;

[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public class GraphBrowserTests(ExplorerAppFixture fixture)
{
    /// <summary>Nodes of a graph that has been drawn and fitted (with a database answering asynchronously, nodes appear before the view is fitted).</summary>
    private const string NodeSelector = ".graph-view[data-view-settled=true]:not(:has([data-gliding])) .graph-node[data-node-id]";
    private const string EdgeSelector = ".graph-canvas path[data-edge-id]";

    [BrowserFact]
    public async Task The_reference_profiles_panel_draws_her_paper_co_authors_topics_and_institutions()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.Locator(".graph-node[data-node-id='person:meihao-kong']")).ToBeVisibleAsync();
        Assert.Contains("focus", await page.Locator(".graph-node[data-node-id='person:meihao-kong']").GetAttributeAsync("class"));
        Assert.Equal(1, await page.Locator(".graph-node[data-node-kind=paper]").CountAsync());
        Assert.Equal(6, await page.Locator(".graph-node[data-node-kind=person]").CountAsync());
        Assert.Equal(2, await page.Locator(".graph-node[data-node-kind=topic]").CountAsync());
        Assert.Equal(2, await page.Locator(".graph-node[data-node-kind=institution]").CountAsync());
        var counted = Regex.Match(await page.Locator(".graph-count").InnerTextAsync(), @"(\d+) edges");
        Assert.True(counted.Success && int.Parse(counted.Groups[1].Value) > 10, "the panel counts the edges");
        Assert.Equal(int.Parse(counted.Groups[1].Value), await page.Locator(".graph-view path[data-edge-id][d^='M']").CountAsync());
        await page.ScreenshotForReviewAsync("graph-panel-meihao-kong");
    }

    [BrowserFact]
    public async Task Expanding_a_co_author_adds_nodes_and_edges_without_moving_the_others_and_undo_takes_exactly_that_back()
    {
        var slug = await HubResearcherAsync();
        var page = await NewPageAsync();
        await page.GotoAsync($"/researchers/{slug}");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        var before = await NodeBoxesAsync(page);
        var edgesBefore = await EdgeCountAsync(page);

        var coAuthor = page.Locator($".graph-node[data-node-kind=person]:not([data-node-id='person:{slug}'])").First;
        var coAuthorId = await coAuthor.GetAttributeAsync("data-node-id");
        await coAuthor.ClickAsync();
        await Assertions.Expect(page.Locator($"[data-preview-node='{coAuthorId}']")).ToBeVisibleAsync();
        await page.Locator("[data-action=expand]").ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-node[data-node-id]').length > n", before.Count);

        // The edges are one layer of their own, which may be drawn a moment after the nodes.
        await page.WaitForFunctionAsync("([selector, n]) => document.querySelectorAll(selector).length > n", new object[] { EdgeSelector, edgesBefore });
        await page.Locator(NodeSelector).First.WaitForAsync();

        var after = await NodeBoxesAsync(page);
        Assert.True(after.Count > before.Count);
        foreach (var (id, box) in before)
        {
            Assert.True(after.TryGetValue(id, out var moved), $"{id} disappeared");
            Assert.True(Math.Abs(box.X - moved.X) < 0.5 && Math.Abs(box.Y - moved.Y) < 0.5, $"{id} moved from {box.X},{box.Y} to {moved.X},{moved.Y}");
        }
        await page.ScreenshotForReviewAsync("graph-panel-after-expand");

        await page.Locator("[data-action=undo]").ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-node[data-node-id]').length === n", before.Count);
        var undone = await NodeBoxesAsync(page);
        Assert.Equal(before.Keys.Order(), undone.Keys.Order());
        Assert.Equal(edgesBefore, await EdgeCountAsync(page));
    }

    [BrowserFact]
    public async Task Open_page_on_a_co_author_lands_on_their_profile_with_the_graph_focused_on_them()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();

        await page.Locator(".graph-node[data-node-id='person:wenbin-li']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-preview-node='person:wenbin-li'] dd").First).ToHaveTextAsync("Nanjing University");
        await page.Locator("[data-action=open]").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Wenbin Li");
        Assert.EndsWith("/researchers/wenbin-li", page.Url);
        await Assertions.Expect(page.Locator(".graph-node.focus")).ToHaveAttributeAsync("data-node-id", "person:wenbin-li");
        Assert.Equal("person:wenbin-li", await page.Locator(".graph-view").GetAttributeAsync("data-graph-focus"));
    }

    [BrowserFact]
    public async Task Selecting_a_node_brings_out_its_edges_and_dims_the_others()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        var edges = page.Locator(EdgeSelector);
        await Assertions.Expect(edges.First).ToBeAttachedAsync();

        await page.Locator(".graph-node[data-node-id='person:wenbin-li']").ClickAsync();

        await Assertions.Expect(page.Locator(".graph-canvas .edge-of-selected").First).ToBeAttachedAsync();
        var drawn = await edges.EvaluateAllAsync<string[][]>("gs => gs.map(g => [g.dataset.edgeId, g.getAttribute('class')])");
        var ofWenbin = drawn.Where(e => e[0].Split('|').Contains("person:wenbin-li")).ToList();
        Assert.NotEmpty(ofWenbin);
        Assert.All(ofWenbin, e => Assert.Contains("edge-of-selected", e[1]));
        Assert.All(drawn.Except(ofWenbin), e => Assert.Contains("edge-dimmed", e[1]));
        Assert.True(drawn.Length > ofWenbin.Count, "the graph has edges that do not touch the selected node");
    }

    [BrowserFact]
    public async Task Dragging_the_graph_by_a_node_pans_it_and_selects_nothing_and_each_node_shows_its_kinds_icon()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/explore?focus=person:meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        var node = page.Locator(".graph-node[data-node-id='person:wenbin-li']");
        var before = (await node.BoundingBoxAsync())!;
        var (x, y) = (before.X + before.Width / 2, before.Y + before.Height / 2);

        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 8; i++) await page.Mouse.MoveAsync(x + 10 * i, y + 5 * i);
        await page.Mouse.UpAsync();
        await page.WaitForStillAsync("sel => { const r = document.querySelector(sel).getBoundingClientRect(); return [r.x, r.y]; }", ".graph-node[data-node-id='person:wenbin-li']");

        var after = (await node.BoundingBoxAsync())!;
        Assert.InRange(after.X - before.X, 70, 90);
        Assert.InRange(after.Y - before.Y, 30, 50);
        Assert.Equal(0, await page.Locator("[data-preview-node]").CountAsync());

        await node.ClickAsync();
        await Assertions.Expect(page.Locator("[data-preview-node='person:wenbin-li']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-node.selected .graph-node")).ToHaveAttributeAsync("data-node-id", "person:wenbin-li");

        // At full size nodes are boxes with an icon: the kind's symbol, drawn once for the layer and used by every node.
        await page.Locator("[data-action=reset]").ClickAsync();
        await Assertions.Expect(page.Locator(".graph-canvas-wrap.cards")).ToBeVisibleAsync();
        var icons = await page.Locator(".graph-node .node-icon svg").EvaluateAllAsync<double[][]>(
            "svgs => svgs.map(s => { const r = s.getBoundingClientRect(); return [r.width, s.querySelector('use').getBBox().width]; })");
        Assert.Equal(await page.Locator(NodeSelector).CountAsync(), icons.Length);
        Assert.All(icons, icon => Assert.True(icon[0] >= 17 && icon[1] >= 12, $"an icon drawn {icon[0]:0} px wide, its shape {icon[1]:0}"));
    }

    [BrowserFact]
    public async Task The_explorer_keeps_its_state_in_the_address_and_a_reload_shows_the_same_graph()
    {
        var slug = await HubResearcherAsync();
        var page = await NewPageAsync();
        await page.GotoAsync($"/researchers/{slug}");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        var paper = page.Locator(".graph-node[data-node-kind=paper]").First;
        await paper.DblClickAsync();
        await Assertions.Expect(page.Locator(".graph-notice")).ToHaveTextAsync(new Regex(@"^Added [0-9,]+ nodes? and [0-9,]+ edges? around "));

        await page.Locator("[data-action=open-explorer]").ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"/explore\?"));
        Assert.Contains("expand=paper", Uri.UnescapeDataString(page.Url));
        await page.Locator(NodeSelector).First.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-trail-step]').length === 2");
        var topic = page.Locator(".graph-node[data-node-kind=topic]").First;
        await topic.ClickAsync();
        await page.Locator("[data-action=expand]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-trail-step]').length === 3");
        await page.WaitForFunctionAsync("() => decodeURIComponent(location.search).split(',').length >= 2");
        await page.Locator("[data-filter-kind=institution]").UncheckAsync();
        await page.WaitForFunctionAsync("() => location.search.includes('hide=institution')");
        // The filter redraws the graph and the view settles again: read it then (the node selector waits for a settled view).
        await page.WaitForFunctionAsync("sel => document.querySelector(sel) && !document.querySelector('.graph-node[data-node-kind=institution]')", NodeSelector);
        var shown = await NodeIdsAsync(page);
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, id => id.StartsWith("institution:", StringComparison.Ordinal));

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-node[data-node-id]').length === n", shown.Count);
        Assert.Equal(shown.Order(), (await NodeIdsAsync(page)).Order());
        Assert.False(await page.Locator("[data-filter-kind=institution]").IsCheckedAsync());
    }

    [BrowserFact]
    public async Task A_topic_with_thousands_of_works_shows_its_cap_and_a_more_node_that_pages_further()
    {
        var topicId = await HubTopicAsync();
        var page = await NewPageAsync();
        await page.GotoAsync($"/explore?focus=topic:{topicId}");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();

        Assert.Equal(10, await page.Locator(".graph-node[data-node-kind=paper]").CountAsync());
        var more = page.Locator(".graph-node[data-node-kind=more]");
        // Past a thousand the node stops counting (a hub's count would cost more than its page).
        await Assertions.Expect(more).ToContainTextAsync("1,000+ more recent works");

        await more.ClickAsync();
        await page.Locator("[data-action=expand]").ClickAsync();

        await page.WaitForFunctionAsync("() => document.querySelectorAll('.graph-node[data-node-kind=paper]').length === 20");
        await Assertions.Expect(page.Locator(".graph-node[data-node-kind=more]")).ToContainTextAsync("1,000+ more recent works");
    }

    [BrowserFact]
    public async Task The_list_view_lets_a_keyboard_user_reach_and_expand_every_node()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();

        await page.Locator(".graph-list summary").ClickAsync();
        // The rows come from the server once the list is open: as many as the nodes drawn.
        await Assertions.Expect(page.Locator(".graph-list li[data-list-node]")).ToHaveCountAsync(await page.Locator(NodeSelector).CountAsync());
        var paperLink = page.Locator(".graph-list li[data-list-node='paper:1'] a");
        Assert.Equal("works/1", await paperLink.GetAttributeAsync("href"));
    }

    [BrowserFact]
    public async Task A_large_exploration_stays_readable()
    {
        var slug = await HubResearcherAsync();
        var page = await NewPageAsync();
        await page.GotoAsync($"/explore?focus=person:{slug}");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();

        // Expand people from the list view (reachable whatever part of the canvas is in view) until ~150 nodes.
        await page.Locator(".graph-list summary").ClickAsync();
        for (var round = 0; round < 12 && await page.Locator(NodeSelector).CountAsync() < 140; round++)
        {
            var steps = await page.Locator("[data-trail-step]").CountAsync();
            var expand = page.Locator(".graph-list li[data-list-node^='person:'] button", new() { HasText = "Expand" }).Nth(round + 1);
            await expand.ClickAsync();
            await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-trail-step]').length > n || document.querySelector('.graph-notice')?.textContent.includes('already')", steps);
            await page.Locator(NodeSelector).First.WaitForAsync(); // the view glides to the new nodes, then settles
        }
        Assert.True(await page.Locator(NodeSelector).CountAsync() >= 100);
        await page.Locator("[data-action=fit]").ClickAsync();
        await AssertLegibleAsync(page, "a large exploration after Fit");
        await page.ScreenshotForReviewAsync("graph-explorer-large");
    }

    [BrowserFact]
    public async Task The_year_filter_refuses_an_inverted_range_with_a_message_and_its_inputs_look_like_inputs()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/explore?focus=person:meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        var from = page.Locator("[data-filter=from]");
        var to = page.Locator("[data-filter=to]");
        foreach (var input in new[] { from, to })
        {
            var border = await input.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.borderTopWidth, s.borderBottomStyle, s.borderBottomWidth]; }");
            Assert.True(border[0] != "none" && border[2] != "none" && double.Parse(border[1].TrimEnd('p', 'x'), System.Globalization.CultureInfo.InvariantCulture) >= 1, $"the year input has a visible border: {string.Join(' ', border)}");
        }

        await from.FillAsync("2030");
        await from.DispatchEventAsync("change");
        await page.WaitForFunctionAsync("() => location.search.includes('from=2030')");
        // The address changes before the redrawn graph arrives: read the count once it holds still.
        await page.WaitForStillAsync("sel => document.querySelectorAll(sel).length || null", NodeSelector);
        var shown = await page.Locator(NodeSelector).CountAsync();
        await to.FillAsync("2020");
        await to.DispatchEventAsync("change");

        await Assertions.Expect(page.Locator("[data-filter-error]")).ToContainTextAsync("2030");
        Assert.Equal("true", await to.GetAttributeAsync("aria-invalid"));
        Assert.DoesNotContain("to=2020", page.Url);
        Assert.Equal(shown, await page.Locator(NodeSelector).CountAsync());

        await to.FillAsync("2031");
        await to.DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("[data-filter-error]")).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => location.search.includes('to=2031')");
    }

    [BrowserFact]
    public async Task Two_quick_clicks_on_different_nodes_expand_nothing_and_a_double_click_expands_the_node_clicked_twice()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/explore?focus=person:meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        var shown = await page.Locator(NodeSelector).CountAsync();

        await page.Locator(".graph-node[data-node-id='person:wenbin-li']").ClickAsync();
        await page.WaitForTimeoutAsync(250);
        await page.Locator(".graph-node[data-node-kind=topic]").First.ClickAsync();

        // The second click is handled (its preview shows) and the view is settled: an expansion would have started by now.
        var topicId = await page.Locator(".graph-node[data-node-kind=topic]").First.GetAttributeAsync("data-node-id");
        await Assertions.Expect(page.Locator($"[data-preview-node='{topicId}']")).ToBeVisibleAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-trail-step]").CountAsync());
        Assert.Equal(shown, await page.Locator(NodeSelector).CountAsync());

        await page.Locator(".graph-node[data-node-id='person:wenbin-li']").DblClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-trail-step]').length === 2");
        await Assertions.Expect(page.Locator("[data-trail-step='1']")).ToContainTextAsync("Wenbin Li");
    }

    [BrowserFact]
    public async Task The_legend_sits_outside_the_drawing()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();

        var legend = await page.Locator(".graph-legend").BoundingBoxAsync();
        var canvas = await page.Locator("[data-graph-canvas]").BoundingBoxAsync();
        Assert.NotNull(legend);
        Assert.NotNull(canvas);
        Assert.False(Intersect(legend, canvas), $"the legend ({legend.X},{legend.Y} {legend.Width}×{legend.Height}) lies on the canvas ({canvas.X},{canvas.Y} {canvas.Width}×{canvas.Height})");
    }

    [BrowserFact]
    public async Task Text_in_every_graph_is_drawn_at_11_px_or_more_and_no_two_labels_cover_each_other()
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        await AssertLegibleAsync(page, "the reference profile's panel");
        await AssertLabelWholeAsync(page, "person:meihao-kong", "Meihao Kong", "the reference profile's panel");

        var topic = (await page.Locator(".graph-node[data-node-kind=topic]").First.GetAttributeAsync("data-node-id"))!.Split(':')[1];
        var institution = (await page.Locator(".graph-node[data-node-kind=institution]").First.GetAttributeAsync("data-node-id"))!.Split(':')[1];
        foreach (var (path, name) in new[] { ("/works/1", "a work's panel"), ($"/topics/{topic}", "a topic's panel"), ($"/institutions/{institution}", "an institution's panel") })
        {
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            await page.Locator(NodeSelector).First.WaitForAsync();
            await AssertLegibleAsync(page, name);
        }

        // Zoomed out as far as it goes, labels stay the same size on screen; fewer are drawn.
        await page.GotoAsync("/explore?focus=person:meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        for (var i = 0; i < 12; i++) await page.Locator("[data-action=zoom-out]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.graph-canvas-wrap.marks') !== null");
        await AssertLegibleAsync(page, "the explorer zoomed out");
        await AssertLabelWholeAsync(page, "person:meihao-kong", "Meihao Kong", "the explorer zoomed out");

        // The selected node's label is whole too, whatever its neighbours; theirs give way.
        var other = page.Locator(".graph-node[data-node-kind=person]:not(.focus)").First;
        var otherId = (await other.GetAttributeAsync("data-node-id"))!;
        var otherName = (await other.GetAttributeAsync("title"))!.Split(" — ")[0];
        await page.Locator(".graph-list summary").ClickAsync();
        await page.Locator($"[data-list-node='{otherId}'] button", new() { HasText = "Select" }).ClickAsync();
        await page.WaitForFunctionAsync("id => document.querySelector(`.graph-node[data-node-id='${id}']`)?.classList.contains('labelled')", otherId);
        await AssertLegibleAsync(page, "the explorer zoomed out with a node selected");
        await AssertLabelWholeAsync(page, otherId, otherName, "the explorer zoomed out with a node selected");
    }

    /// <summary>A node's label is drawn with its whole name: the text is the name and nothing of it is cut off or hidden.</summary>
    private static async Task AssertLabelWholeAsync(IPage page, string nodeId, string name, string where)
    {
        var label = page.Locator($".graph-canvas .graph-node[data-node-id='{nodeId}'] .node-label");
        var drawn = await label.EvaluateAsync<string[]>(
            """
            el => {
                const text = el.closest('.node-text');
                return [el.textContent.trim(), String(getComputedStyle(el).display !== 'none' && getComputedStyle(text).display !== 'none'),
                        String(el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1 && text.scrollHeight <= text.clientHeight + 1),
                        `label ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}, its box ${text.scrollWidth}×${text.scrollHeight} in ${text.clientWidth}×${text.clientHeight}; ${el.closest('.graph-node').className}`];
            }
            """);
        Assert.Equal(name, drawn[0]);
        Assert.True(drawn[1] == "true", $"{where}: the label of {nodeId} is shown");
        Assert.True(drawn[2] == "true", $"{where}: the label of {nodeId} is drawn whole, not cut off ({drawn[3]})");
    }

    [BrowserFact]
    public async Task After_expanding_a_topic_in_the_explorer_every_new_node_is_inside_the_visible_canvas()
    {
        var slug = await HubResearcherAsync();
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync($"/explore?focus=person:{slug}");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        var before = (await NodeIdsAsync(page)).ToHashSet();

        var topic = page.Locator(".graph-node[data-node-kind=topic]").First;
        await topic.ClickAsync();
        await page.Locator("[data-action=expand]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-trail-step]').length === 2");
        await page.Locator(NodeSelector).First.WaitForAsync();

        // The view glides to the new nodes: wait (a few seconds at most) for it to come to rest with all of them inside.
        const string script = """
            ([before, wait]) => {
                const canvas = document.querySelector('[data-graph-canvas]').getBoundingClientRect();
                const added = [...document.querySelectorAll('.graph-node[data-node-id]')].filter(n => !before.includes(n.dataset.nodeId));
                return added.length > 0 && added.every(n => { const r = n.getBoundingClientRect();
                    return r.left >= canvas.left - 1 && r.top >= canvas.top - 1 && r.right <= canvas.right + 1 && r.bottom <= canvas.bottom + 1; });
            }
            """;
        try { await page.WaitForFunctionAsync(script, new object[] { before.ToArray(), true }, new() { Timeout = 5000 }); }
        catch (TimeoutException) { }

        var boxes = await page.Locator(NodeSelector).EvaluateAllAsync<DrawnText[]>(
            "nodes => nodes.map(n => { const r = n.getBoundingClientRect(); return { node: n.dataset.nodeId, left: r.left, top: r.top, right: r.right, bottom: r.bottom }; })");
        var canvas = (await page.Locator("[data-graph-canvas]").BoundingBoxAsync())!;
        var added = boxes.Where(b => !before.Contains(b.Node)).ToList();
        Assert.True(added.Count >= 5, $"the topic brought new nodes ({added.Count})");
        var outside = added.Where(b => b.Left < canvas.X - 1 || b.Top < canvas.Y - 1 || b.Right > canvas.X + canvas.Width + 1 || b.Bottom > canvas.Y + canvas.Height + 1)
            .Select(b => $"{b.Node} at {b.Left:0},{b.Top:0}-{b.Right:0},{b.Bottom:0}").ToList();
        Assert.True(outside.Count == 0, $"{outside.Count} of {added.Count} new nodes are outside the canvas ({canvas.X:0},{canvas.Y:0} {canvas.Width:0}×{canvas.Height:0}): {string.Join("; ", outside)}");
        await page.ScreenshotForReviewAsync("graph-explorer-after-topic-expand");
    }

    [BrowserFact]
    public async Task An_expansion_is_one_render_batch_and_the_view_glides_to_the_new_nodes_then_stops_gliding()
    {
        var slug = await HubResearcherAsync();
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        var renderBatches = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if ((frame.Binary is { } bytes ? System.Text.Encoding.Latin1.GetString(bytes) : frame.Text ?? "").Contains("JS.RenderBatch", StringComparison.Ordinal))
                Interlocked.Increment(ref renderBatches);
        };
        await page.GotoAsync($"/researchers/{slug}"); // the graph beside a profile, where most expansions happen
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        await page.Locator(".graph-list summary").ClickAsync();
        await page.Locator(".graph-list li[data-list-node^='topic:']").First.WaitForAsync();
        await page.WaitForTimeoutAsync(1000); // the list's own render is acknowledged and nothing else is under way
        var canvas = page.Locator("[data-graph-canvas]");
        var layer = page.Locator(".graph-canvas .diagram-html-layer");
        var movesBefore = int.Parse((await canvas.GetAttributeAsync("data-glide"))!);

        var batchesBefore = Volatile.Read(ref renderBatches);
        // Clicked where it is, without scrolling it into view: a scroll moves the canvas, and Blazor.Diagrams reports
        // the canvas's new place to the server, which answers with a render batch of its own.
        await page.Locator(".graph-list li[data-list-node^='topic:'] button", new() { HasText = "Expand" }).First.EvaluateAsync("button => button.click()");
        await page.WaitForFunctionAsync("() => document.querySelector('.graph-notice')?.textContent.startsWith('Added')");

        // The new nodes were out of sight: the view moves to them, gliding (not jumping) while the canvas is marked so.
        Assert.Equal(movesBefore + 1, int.Parse((await canvas.GetAttributeAsync("data-glide"))!));
        Assert.NotNull(await canvas.GetAttributeAsync("data-gliding"));
        const string drawnTransform = "l => getComputedStyle(l).transform";
        var onTheWay = await layer.EvaluateAsync<string>(drawnTransform);
        Assert.True(await layer.EvaluateAsync<bool>("l => l.getAnimations().length === 1"), "the layer is animated to its new place");
        await Assertions.Expect(canvas).Not.ToHaveAttributeAsync("data-gliding", new Regex(".*"), new() { Timeout = 2000 });
        var arrived = await layer.EvaluateAsync<string>(drawnTransform);
        Assert.NotEqual(arrived, onTheWay);
        Assert.Equal(0, await layer.EvaluateAsync<int>("l => l.getAnimations().length")); // a drag now moves it at once
        Assert.Equal(arrived, await layer.EvaluateAsync<string>("l => { const probe = l.cloneNode(false); l.parentNode.appendChild(probe); const t = getComputedStyle(probe).transform; probe.remove(); return t; }"));
        // The glide's end is the browser's: no render batch follows it.
        var batchesAtGlidesEnd = Volatile.Read(ref renderBatches);
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(batchesAtGlidesEnd, Volatile.Read(ref renderBatches));
        // With SQLite the answer came in one batch: the list view did not draw its rows again either. (PostgreSQL answers
        // asynchronously, and the graph's parts are drawn as the reads come in, in batches of their own.)
        if (fixture.App.Database.Provider == DatabaseProvider.Sqlite) Assert.Equal(1, batchesAtGlidesEnd - batchesBefore);
    }

    [BrowserFact]
    public async Task In_the_explorer_Back_undoes_each_expansion_and_Forward_redoes_it()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/explore?focus=person:meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        var start = await page.Locator(NodeSelector).CountAsync();

        var topics = await page.Locator(".graph-node[data-node-kind=topic]").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.nodeId)");
        await page.Locator($".graph-node[data-node-id='{topics[0]}']").DblClickAsync();
        var afterFirst = await SettledCountAfterStepsAsync(page, 2);
        Assert.True(afterFirst > start);
        await page.Locator($".graph-node[data-node-id='{topics[1]}']").ClickAsync();
        await page.Locator("[data-action=expand]").ClickAsync();
        var afterSecond = await SettledCountAfterStepsAsync(page, 3);
        Assert.True(afterSecond > afterFirst);

        await page.GoBackAsync();
        Assert.Equal(afterFirst, await SettledCountAfterStepsAsync(page, 2));
        Assert.Contains("/explore", page.Url);
        await page.GoBackAsync();
        Assert.Equal(start, await SettledCountAfterStepsAsync(page, 1));
        await page.GoForwardAsync();
        Assert.Equal(afterFirst, await SettledCountAfterStepsAsync(page, 2));
        await page.GoForwardAsync();
        Assert.Equal(afterSecond, await SettledCountAfterStepsAsync(page, 3));

        // Undo is a step too: Back after it brings the expansion back.
        await page.Locator("[data-action=undo]").ClickAsync();
        Assert.Equal(afterFirst, await SettledCountAfterStepsAsync(page, 2));
        await page.GoBackAsync();
        Assert.Equal(afterSecond, await SettledCountAfterStepsAsync(page, 3));
    }

    [BrowserFact]
    public async Task A_profiles_grown_graph_is_still_grown_after_a_hop_to_a_co_author_and_Back()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        var start = await page.Locator(NodeSelector).CountAsync();

        await page.Locator(".graph-node[data-node-kind=topic]").First.DblClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-view[data-view-settled=true]:not(:has([data-gliding])) .graph-node[data-node-id]').length > n", start);
        await page.WaitForFunctionAsync("() => location.search.includes('graph=')");
        var grown = await page.Locator(NodeSelector).CountAsync();

        await page.Locator(".graph-node[data-node-id='person:jing-huo']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-preview-node='person:jing-huo']")).ToBeVisibleAsync();
        await page.Locator("[data-action=open]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Jing Huo");
        await page.Locator(".graph-view[data-graph-focus='person:jing-huo'][data-view-settled=true]:not(:has([data-gliding])) .graph-node").First.WaitForAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meihao Kong");
        await page.WaitForFunctionAsync("n => document.querySelectorAll(\".graph-view[data-graph-focus='person:meihao-kong'][data-view-settled=true]:not(:has([data-gliding])) .graph-node[data-node-id]\").length === n", grown);
        Assert.Equal(grown, await page.Locator(NodeSelector).CountAsync());
    }

    [BrowserFact]
    public async Task Colour_by_year_gives_papers_of_different_years_different_colours_and_the_legend_their_range()
    {
        var page = await ExploreResearcherWithPapersOfSeveralYearsAsync();
        const string coloursByYear = """
            nodes => Object.fromEntries(nodes.map(n => [n.dataset.nodeId, getComputedStyle(n).getPropertyValue('--kind').trim()]))
            """;
        var before = await page.Locator(".graph-node[data-node-kind=paper]").EvaluateAllAsync<Dictionary<string, string>>(coloursByYear);
        Assert.Single(before.Values.Distinct());

        await page.Locator("[data-action=colour-by-year]").CheckAsync();

        await Assertions.Expect(page.Locator("[data-legend=years]")).ToContainTextAsync(new Regex(@"(19|20)\d\d.*(19|20)\d\d", RegexOptions.Singleline));
        await page.WaitForFunctionAsync("() => new Set([...document.querySelectorAll('.graph-node[data-node-kind=paper]')].map(n => getComputedStyle(n).getPropertyValue('--kind').trim())).size > 1");
        var years = await page.Locator(".graph-node[data-node-kind=paper]").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.title.split(' — ')[1]?.slice(0, 4) ?? '')");
        var after = await page.Locator(".graph-node[data-node-kind=paper]").EvaluateAllAsync<Dictionary<string, string>>(coloursByYear);
        Assert.Equal(years.Distinct().Count(), after.Values.Distinct().Count());
    }

    [BrowserFact]
    public async Task The_timeline_orders_papers_by_year_left_to_right_and_the_address_keeps_it_and_colour_by_year()
    {
        var page = await ExploreResearcherWithPapersOfSeveralYearsAsync();
        const string papersByX = """
            nodes => nodes.map(n => ({ year: parseInt(n.title.split(' — ')[1]?.slice(0, 4) ?? '0'), x: parseFloat(n.dataset.x) }))
            """;
        var before = await page.Locator(".graph-node[data-node-kind=paper]").EvaluateAllAsync<PaperAt[]>(papersByX);
        Assert.False(InYearOrder(before), "the graph's own layout does not already order the papers by year");

        await page.Locator("[data-action=timeline]").CheckAsync();
        await page.WaitForAddressAsync(new Regex("layout=timeline"));
        await page.WaitForFunctionAsync("() => document.querySelector('.graph-view[data-view-settled=true]:not(:has([data-gliding]))')");
        var after = await page.Locator(".graph-node[data-node-kind=paper]").EvaluateAllAsync<PaperAt[]>(papersByX);
        Assert.Equal(before.Length, after.Length);
        Assert.True(after.Select(p => p.Year).Distinct().Count() >= 3);
        Assert.True(InYearOrder(after), string.Join(", ", after.OrderBy(p => p.X).Select(p => $"{p.Year} at {p.X}")));

        // Colour by year joins the address; a reload shows both again.
        await page.Locator("[data-action=colour-by-year]").CheckAsync();
        await page.WaitForAddressAsync(new Regex("colour=year"));
        Assert.Contains("layout=timeline", page.Url);
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-action=timeline]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-action=colour-by-year]")).ToBeCheckedAsync();
        Assert.True(InYearOrder(await page.Locator(".graph-node[data-node-kind=paper]").EvaluateAllAsync<PaperAt[]>(papersByX)));
        await page.WaitForFunctionAsync("() => new Set([...document.querySelectorAll('.graph-node[data-node-kind=paper]')].map(n => getComputedStyle(n).getPropertyValue('--kind').trim())).size > 1");

        // And off again: the graph's own places come back.
        await page.Locator("[data-action=timeline]").UncheckAsync();
        await page.WaitForFunctionAsync("() => !location.search.includes('layout=timeline')");
        await page.WaitForFunctionAsync("() => document.querySelector('.graph-view[data-view-settled=true]:not(:has([data-gliding]))')");
        Assert.False(InYearOrder(await page.Locator(".graph-node[data-node-kind=paper]").EvaluateAllAsync<PaperAt[]>(papersByX)));
    }

    /// <summary>The explorer, drawn, around someone whose papers (all of them in the first slice) are of several years.</summary>
    private async Task<IPage> ExploreResearcherWithPapersOfSeveralYearsAsync()
    {
        string slug;
        await using (var db = fixture.App.Database.Factory.CreateDbContext())
        {
            slug = await db.Researchers.Where(r => r.Origin == RecordOrigin.Synthetic && r.WorksCount >= 3 && r.WorksCount <= 8)
                .Where(r => db.Authorships.Where(a => a.ResearcherId == r.Id).Select(a => a.Work.Year).Distinct().Count() >= 3)
                .OrderBy(r => r.Id).Select(r => r.Slug).FirstAsync();
        }
        var page = await NewPageAsync();
        await page.GotoAsync($"/explore?focus=person:{slug}");
        await page.WaitForCircuitAsync();
        await page.Locator(NodeSelector).First.WaitForAsync();
        return page;
    }

    /// <summary>Every paper of a later year lies to the right of every paper of an earlier one.</summary>
    private static bool InYearOrder(PaperAt[] papers) =>
        papers.All(a => papers.All(b => a.Year >= b.Year || a.X < b.X));

    private sealed class PaperAt
    {
        public int Year { get; set; }
        public double X { get; set; }
    }

    /// <summary>The node count once the trail has this many steps and the view has settled.</summary>
    private static async Task<int> SettledCountAfterStepsAsync(IPage page, int steps)
    {
        await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-trail-step]').length === n && document.querySelector('.graph-view[data-view-settled=true]:not(:has([data-gliding]))')", steps);
        return await page.Locator(NodeSelector).CountAsync();
    }

    /// <summary>
    /// Every piece of node text drawn in the canvas is at least 11 px on screen (its font size times the scale it is drawn
    /// at), and the drawn rectangles of different nodes' labels do not intersect.
    /// </summary>
    internal static async Task AssertLegibleAsync(IPage page, string where)
    {
        // Give the last zoom's render a moment to land: the labels are placed on the server.
        await page.WaitForFunctionAsync("() => !document.querySelector('.graph-busy')");
        var drawn = await page.Locator(".graph-canvas .graph-node").EvaluateAllAsync<DrawnText[]>(
            """
            nodes => {
                const canvas = document.querySelector('.graph-canvas').getBoundingClientRect();
                const texts = [];
                for (const node of nodes) {
                    for (const el of node.querySelectorAll('.node-label, .node-detail')) {
                        const style = getComputedStyle(el);
                        const box = el.getBoundingClientRect();
                        if (style.display === 'none' || style.visibility === 'hidden' || box.width === 0 || el.offsetWidth === 0) continue;
                        if (el.closest('.node-text') && getComputedStyle(el.closest('.node-text')).display === 'none') continue;
                        if (box.right < canvas.left || box.left > canvas.right || box.bottom < canvas.top || box.top > canvas.bottom) continue;
                        const scale = box.width / el.offsetWidth;
                        const label = el.closest('.node-text').getBoundingClientRect();
                        texts.push({ node: node.dataset.nodeId, kind: el.className, px: parseFloat(style.fontSize) * scale,
                                     left: label.left, top: label.top, right: label.right, bottom: label.bottom });
                    }
                }
                return texts;
            }
            """);
        Assert.True(drawn.Length > 0, $"{where}: some node text is drawn");
        var small = drawn.Where(t => t.Px < 10.95).Select(t => $"{t.Node} {t.Kind} at {t.Px:0.0} px").ToList();
        Assert.True(small.Count == 0, $"{where}: text below 11 px: {string.Join("; ", small)}");

        var labels = drawn.Where(t => t.Kind == "node-label").ToList();
        for (var i = 0; i < labels.Count; i++)
            for (var j = i + 1; j < labels.Count; j++)
            {
                var (a, b) = (labels[i], labels[j]);
                var overlap = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > 0.5 && Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top) > 0.5;
                Assert.False(overlap, $"{where}: the labels of {a.Node} and {b.Node} cover each other");
            }
    }

    private sealed class DrawnText
    {
        public string Node { get; set; } = "";
        public string Kind { get; set; } = "";
        public double Px { get; set; }
        public double Left { get; set; }
        public double Top { get; set; }
        public double Right { get; set; }
        public double Bottom { get; set; }
    }

    private static bool Intersect(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private async Task<IPage> NewPageAsync() => await (await fixture.BrowserAsync()).NewPageAsync();

    /// <summary>Where each node is in the graph (the view may move to follow an expansion; the nodes must not).</summary>
    private static async Task<Dictionary<string, (double X, double Y)>> NodeBoxesAsync(IPage page)
    {
        var boxes = await page.Locator(NodeSelector).EvaluateAllAsync<NodeBox[]>(
            "nodes => nodes.map(n => ({ id: n.dataset.nodeId, x: parseFloat(n.dataset.x), y: parseFloat(n.dataset.y) }))");
        return boxes.ToDictionary(b => b.Id, b => (b.X, b.Y));
    }

    private sealed class NodeBox
    {
        public string Id { get; set; } = "";
        public double X { get; set; }
        public double Y { get; set; }
    }

    private static async Task<List<string>> NodeIdsAsync(IPage page) =>
        (await page.Locator(NodeSelector).EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.nodeId)")).ToList();

    private static Task<int> EdgeCountAsync(IPage page) => page.Locator(EdgeSelector).CountAsync();

    private async Task<string> HubResearcherAsync()
    {
        await using var db = fixture.App.Database.Factory.CreateDbContext();
        return await db.Researchers.Where(r => r.Origin == RecordOrigin.Synthetic).OrderByDescending(r => r.WorksCount).ThenBy(r => r.Id).Select(r => r.Slug).FirstAsync();
    }

    private static readonly SemaphoreSlim HubTopicLock = new(1, 1);

    /// <summary>Adds (once) a topic carried by 2,500 works to the running app's database.</summary>
    private async Task<int> HubTopicAsync()
    {
        const string name = "Browser Hub Topic";
        await HubTopicLock.WaitAsync();
        try
        {
            await using var db = fixture.App.Database.Factory.CreateDbContext();
            var existing = await db.Topics.Where(t => t.DisplayName == name).Select(t => t.Id).FirstOrDefaultAsync();
            if (existing != 0) return existing;
            await using var transaction = await db.Database.BeginTransactionAsync();
            int topicId;
            using (var writer = new BulkWriter(db))
            {
                topicId = writer.NextId<Topic>();
                writer.Add(new Topic { Id = topicId, DisplayName = name, SubfieldName = "Artificial Intelligence", FieldName = "Computer Science", DomainName = "Physical Sciences", Origin = RecordOrigin.Synthetic });
                var firstWork = writer.NextId<Work>();
                for (var i = 0; i < 2500; i++)
                {
                    writer.Add(new Work { Id = firstWork + i, Title = $"Browser hub work {i}", Type = "article", Year = 2000 + i % 25, Origin = RecordOrigin.Synthetic });
                    writer.Add(new WorkTopic { WorkId = firstWork + i, TopicId = topicId, Score = 0.9, WorkYear = 2000 + i % 25 });
                }
                writer.Flush();
            }
            await transaction.CommitAsync();
            return topicId;
        }
        finally
        {
            HubTopicLock.Release();
        }
    }
}
