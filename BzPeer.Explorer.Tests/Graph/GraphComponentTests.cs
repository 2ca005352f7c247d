using Bunit;
using BzPeer.Explorer.Graph;
using BzPeer.Explorer.Graph.View;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Graph;

public class GraphComponentTests : ComponentTestContext
{
    [Fact]
    public void A_node_carries_its_id_kind_label_and_detail_for_users_and_scripts()
    {
        var node = new GraphNode("paper:12", NodeKind.Paper, 12, "<b>A paper</b>", "2022 · arXiv", 2022);

        var widget = RenderNode(new ExplorerNodeModel(node, new Point2(100, 50), isFocus: false));

        var element = widget.Find(".graph-node");
        Assert.Equal("paper:12", element.GetAttribute("data-node-id"));
        Assert.Equal("paper", element.GetAttribute("data-node-kind"));
        Assert.Contains("kind-paper", element.ClassList);
        Assert.DoesNotContain("focus", element.ClassList);
        Assert.Equal("<b>A paper</b>", widget.Find(".node-label").TextContent);
        Assert.Empty(widget.FindAll(".node-label b"));
        Assert.Equal("2022 · arXiv", widget.Find(".node-detail").TextContent);
        Assert.Equal("<b>A paper</b> — 2022 · arXiv", element.GetAttribute("title"));
        Assert.DoesNotContain("labelled", element.ClassList);
    }

    [Fact]
    public void Zoomed_out_a_node_carries_its_mark_size_its_label_box_and_the_side_its_label_is_on()
    {
        var node = new GraphNode("paper:12", NodeKind.Paper, 12, "A paper", null, 2022);
        var model = new ExplorerNodeModel(node, new Point2(100, 50), isFocus: false);
        var label = new LabelPlacement.PlacedLabel("paper:12", LabelPlacement.Side.Above, new LabelPlacement.Rect(0, 0, 10, 10));
        Assert.True(model.Update("A paper (2022)", 1, label));

        var widget = RenderNode(model);

        var element = widget.Find(".graph-node");
        Assert.Contains("labelled", element.ClassList);
        Assert.Contains("label-above", element.ClassList);
        Assert.Equal("A paper (2022)", widget.Find(".node-label").TextContent);
        var (width, height) = LabelPlacement.LabelSizePx("A paper (2022)");
        Assert.Equal(FormattableString.Invariant($"--mark: {LabelPlacement.LargestMarkPx:0.#}px; --label-w: {width:0}px; --label-h: {height:0}px"), element.GetAttribute("style"));
        Assert.False(model.Update("A paper (2022)", 1, label), "nothing changed, nothing to redraw");
    }

    [Fact]
    public void A_node_whose_neighbourhood_was_not_read_is_marked_and_says_so_and_a_complete_one_is_not()
    {
        var never = new GraphNode("institution:7", NodeKind.Institution, 7, "IARC", "FR") { Neighbourhood = NeighbourhoodState.NeverFetched };
        var complete = never with { Id = "institution:8", Neighbourhood = NeighbourhoodState.Complete };

        var widget = RenderNode(new ExplorerNodeModel(never, new Point2(0, 0), isFocus: false));
        var done = RenderNode(new ExplorerNodeModel(complete, new Point2(0, 0), isFocus: false));

        Assert.Equal("never", widget.Find(".graph-node").GetAttribute("data-neighbourhood"));
        Assert.Contains("neighbourhood-never", widget.Find(".graph-node").ClassList);
        Assert.Contains("Neighbourhood: not yet read from OpenAlex — expanding reads it", widget.Find(".graph-node").GetAttribute("title"));
        Assert.Equal("complete", done.Find(".graph-node").GetAttribute("data-neighbourhood"));
        Assert.DoesNotContain("neighbourhood-never", done.Find(".graph-node").ClassList);
    }

    [Fact]
    public void A_node_OpenAlex_could_not_be_read_for_says_why()
    {
        var node = new GraphNode("person:freddie-bray", NodeKind.Person, 3, "Freddie Bray", null) { Neighbourhood = NeighbourhoodState.NeverFetched };
        var model = new ExplorerNodeModel(node, new Point2(0, 0), isFocus: false) { FetchProblem = "<b>OpenAlex did not answer</b>" };

        var widget = RenderNode(model);

        Assert.Equal("could not read from OpenAlex: <b>OpenAlex did not answer</b>", widget.Find(".node-fetch-problem").TextContent);
        Assert.Empty(widget.FindAll(".node-fetch-problem b"));
    }

    [Fact]
    public void The_focus_node_is_marked()
    {
        var node = new GraphNode("person:meihao-kong", NodeKind.Person, 1, "Meihao Kong", null);
        var widget = RenderNode(new ExplorerNodeModel(node, new Point2(0, 0), isFocus: true));

        Assert.Contains("focus", widget.Find(".graph-node").ClassList);
        Assert.Empty(widget.FindAll(".node-detail"));
    }

    /// <summary>The node layer drawing this one node.</summary>
    private IRenderedComponent<GraphNodesLayer> RenderNode(ExplorerNodeModel model)
    {
        var drawing = new GraphNodesLayer.NodeDrawing();
        drawing.Show([model]);
        return Render<GraphNodesLayer>(p => p.Add(c => c.Drawing, drawing));
    }

    [Fact]
    public async Task The_node_layer_redraws_a_node_that_changed_and_marks_the_selected_one_without_its_parent_rendering()
    {
        var drawing = new GraphNodesLayer.NodeDrawing();
        var paper = new ExplorerNodeModel(new GraphNode("paper:1", NodeKind.Paper, 1, "A paper", null, 2020), new Point2(0, 0), isFocus: false);
        var person = new ExplorerNodeModel(new GraphNode("person:a", NodeKind.Person, 2, "A. Person", null), new Point2(300, 0), isFocus: true);
        var layer = Render<GraphNodesLayer>(p => p.Add(c => c.Drawing, drawing));
        Assert.Empty(layer.FindAll(".graph-node"));

        await layer.InvokeAsync(() => drawing.Show([paper, person]));
        Assert.Equal(["paper:1", "person:a"], layer.FindAll(".graph-node").Select(n => n.GetAttribute("data-node-id")));
        Assert.Equal("top: -23px; left: -92px", layer.Find(".diagram-node").GetAttribute("style"));
        Assert.Empty(layer.FindAll(".diagram-node.selected"));

        await layer.InvokeAsync(() =>
        {
            paper.KeyboardFocus = true;
            paper.Refresh();
        });
        Assert.Contains("keyboard-focus", layer.Find(".graph-node[data-node-id='paper:1']").ClassList);

        await layer.InvokeAsync(() => drawing.Select(person));
        Assert.Equal("person:a", layer.Find(".diagram-node.selected .graph-node").GetAttribute("data-node-id"));
    }

    [Fact]
    public async Task Clicking_a_node_shows_its_preview_a_double_click_expands_it_and_the_end_of_a_drag_does_neither()
    {
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();
        var view = RenderGraph(database, "person:meihao-kong");
        view.WaitForAssertion(() => Assert.Equal("true", view.Find(".graph-view").GetAttribute("data-view-settled")), Settling);
        var before = view.FindAll(".graph-node").Count;
        var topic = view.FindAll(".graph-node[data-node-kind=topic]").First().GetAttribute("data-node-id")!;
        var nodes = view.Find(".graph-nodes");

        await nodes.TriggerEventAsync("ongraphnodeclick", new GraphNodeClickEventArgs { NodeId = null, Clicks = 1 });
        Assert.Empty(view.FindAll("[data-preview-node]"));

        await nodes.TriggerEventAsync("ongraphnodeclick", new GraphNodeClickEventArgs { NodeId = topic, Clicks = 1 });
        view.WaitForAssertion(() => Assert.Equal(topic, view.Find("[data-preview-node]").GetAttribute("data-preview-node")));
        Assert.Equal(topic, view.Find(".diagram-node.selected .graph-node").GetAttribute("data-node-id"));
        Assert.Equal(before, view.FindAll(".graph-node").Count);

        await view.Find(".graph-nodes").TriggerEventAsync("ongraphnodeclick", new GraphNodeClickEventArgs { NodeId = topic, Clicks = 2 });
        view.WaitForAssertion(() => Assert.True(view.FindAll(".graph-node").Count > before, "the double click expanded the topic"), Settling);
        Assert.Contains("around", view.Find(".graph-notice").TextContent);
    }

    [Fact]
    public async Task The_edge_layer_redraws_when_its_drawing_changes_without_its_parent_rendering()
    {
        var drawing = new GraphEdgesLayer.EdgeDrawing();
        var left = new Point2(0, 0);
        var right = new Point2(400, 0);
        var layer = Render<GraphEdgesLayer>(p => p.Add(c => c.Drawing, drawing));
        Assert.Empty(layer.FindAll("path[data-edge-id]"));

        var cites = GraphEdgesLayer.DrawnEdge.Between(new GraphEdge("paper:1", "paper:2", EdgeKind.Cites), left, right);
        await layer.InvokeAsync(() => drawing.Show([cites]));

        var path = layer.Find("path[data-edge-id]");
        var half = GraphLayout.NodeWidth / 2;
        Assert.Equal(FormattableString.Invariant($"M {half:0.#} 0 L {400 - half:0.#} 0"), path.GetAttribute("d"));
        Assert.Equal("url(#graph-arrow)", path.GetAttribute("marker-end"));
        Assert.Equal($"stroke: {GraphStyle.EdgeColour(EdgeKind.Cites)}; stroke-width: 1.5", path.GetAttribute("style"));

        var coAuthor = GraphEdgesLayer.DrawnEdge.Between(new GraphEdge("person:a", "person:b", EdgeKind.CoAuthor), left, right);
        await layer.InvokeAsync(() => drawing.Show([cites, coAuthor]));

        var edges = layer.FindAll("path[data-edge-id]");
        Assert.Equal([cites.Id, coAuthor.Id], edges.Select(e => e.GetAttribute("data-edge-id")));
        Assert.Null(edges[1].GetAttribute("marker-end"));
    }

    [Fact]
    public void An_edge_is_drawn_anew_when_an_end_moves_or_its_weight_changes_and_otherwise_keeps_its_drawing()
    {
        var edge = new GraphEdge("person:a", "person:b", EdgeKind.CoAuthor);
        var (a, b, moved) = (new Point2(0, 0), new Point2(400, 0), new Point2(400, 300));
        var drawn = GraphEdgesLayer.DrawnEdge.Between(edge, a, b);

        Assert.Same(drawn, GraphEdgesLayer.DrawnEdge.Between(edge, a, b, drawn));
        Assert.Equal("M 0 0 L 400 0", drawn.CentrePath);
        Assert.Same(drawn.CentrePath, drawn.CentrePath);
        Assert.Equal(GraphEdgesLayer.DrawnEdge.Between(edge, a, b), drawn); // the centre line, once drawn, is not part of the drawing's identity
        Assert.Equal(GraphEdgesLayer.DrawnEdge.Between(edge, a, moved), GraphEdgesLayer.DrawnEdge.Between(edge, a, moved, drawn));
        Assert.NotEqual(drawn.Path, GraphEdgesLayer.DrawnEdge.Between(edge, a, moved, drawn).Path);
        var heavier = edge with { Weight = 6 };
        Assert.Equal(GraphEdgesLayer.DrawnEdge.Between(heavier, a, b), GraphEdgesLayer.DrawnEdge.Between(heavier, a, b, drawn));
        Assert.NotEqual(drawn.Stroke, GraphEdgesLayer.DrawnEdge.Between(heavier, a, b, drawn).Stroke);
        var reversed = new GraphEdge("person:b", "person:a", EdgeKind.CoAuthor);
        Assert.Equal(GraphEdgesLayer.DrawnEdge.Between(reversed, b, a), GraphEdgesLayer.DrawnEdge.Between(reversed, b, a, drawn));
    }

    [Fact]
    public async Task A_selected_nodes_edges_stand_out_and_are_drawn_over_the_others()
    {
        var drawing = new GraphEdgesLayer.EdgeDrawing();
        var layer = Render<GraphEdgesLayer>(p => p.Add(c => c.Drawing, drawing));
        GraphEdgesLayer.DrawnEdge Edge(string source, string target) =>
            GraphEdgesLayer.DrawnEdge.Between(new GraphEdge(source, target, EdgeKind.CoAuthor), new Point2(0, 0), new Point2(300, 200));
        var toB = Edge("person:a", "person:b");
        var elsewhere = Edge("person:c", "person:d");
        var fromB = Edge("person:b", "person:c");
        await layer.InvokeAsync(() => drawing.Show([toB, elsewhere, fromB]));
        Assert.All(layer.FindAll("path[data-edge-id]"), path => Assert.Null(path.GetAttribute("class")));

        await layer.InvokeAsync(() => drawing.Highlight("person:b"));

        var edges = layer.FindAll("path[data-edge-id]");
        Assert.Equal([elsewhere.Id, toB.Id, fromB.Id], edges.Select(g => g.GetAttribute("data-edge-id")));
        Assert.Contains("edge-dimmed", edges[0].ClassList);
        Assert.All(edges.Skip(1), g => Assert.Contains("edge-of-selected", g.ClassList));

        await layer.InvokeAsync(() => drawing.Highlight(null));

        Assert.Equal([toB.Id, elsewhere.Id, fromB.Id], layer.FindAll("path[data-edge-id]").Select(g => g.GetAttribute("data-edge-id")));
        Assert.Empty(layer.FindAll(".edge-dimmed, .edge-of-selected"));
    }

    [Theory]
    [InlineData(ExpandOutcome.Expanded, 1, 1, "Added 1 node and 1 edge around Ada Lovelace.")]
    [InlineData(ExpandOutcome.Expanded, 6, 1400, "Added 6 nodes and 1,400 edges around Ada Lovelace.")]
    [InlineData(ExpandOutcome.Expanded, 0, 3, "No new nodes around Ada Lovelace; 3 new edges to nodes already shown.")]
    [InlineData(ExpandOutcome.Expanded, 0, 0, "Everything around Ada Lovelace is already shown.")]
    [InlineData(ExpandOutcome.NothingNew, 0, 0, "Everything around Ada Lovelace is already shown.")]
    [InlineData(ExpandOutcome.UnknownNode, 0, 0, "That node is no longer in the graph.")]
    public void The_notice_after_an_expansion_says_what_it_added_in_plain_words(ExpandOutcome outcome, int nodes, int edges, string notice) =>
        Assert.Equal(notice, GraphView.ExpandNotice(new ExpandResult(outcome, nodes, edges), "Ada Lovelace"));

    [Fact]
    public async Task The_graphs_counts_say_one_node_and_many_nodes_in_plain_words()
    {
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();
        await using (var db = database.CreateContext())
        {
            db.Researchers.Add(new BzPeer.Explorer.Data.Researcher { Slug = "lone-record", DisplayName = "Lone Record", Origin = BzPeer.Explorer.Data.RecordOrigin.OpenAlex });
            await db.SaveChangesAsync();
        }
        var lone = RenderGraph(database, "person:lone-record");
        var many = RenderGraph(database, "person:meihao-kong");

        lone.WaitForAssertion(() => Assert.Equal("1 node · 0 edges", lone.Find(".graph-count").TextContent));
        Assert.Equal("List view: 1 node", lone.Find(".graph-list summary").TextContent);
        Assert.StartsWith("Research graph around Lone Record: 1 node (1 person) and 0 edges.", lone.Find("[data-graph-canvas]").GetAttribute("aria-label"));
        many.WaitForAssertion(() => Assert.Matches(@"^\d{2,} nodes · \d{2,} edges$", many.Find(".graph-count").TextContent));
        Assert.Matches(@"^List view: \d{2,} nodes$", many.Find(".graph-list summary").TextContent);
        Assert.Matches(@": \d{2,} nodes \(.*\d+ people.*\) and \d{2,} edges\.", many.Find("[data-graph-canvas]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_list_view_lists_the_nodes_drawn_once_opened_follows_an_expansion_and_empties_when_closed()
    {
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();
        var view = RenderGraph(database, "person:meihao-kong");
        view.WaitForAssertion(() => Assert.Equal("true", view.Find(".graph-view").GetAttribute("data-view-settled")), Settling);
        Assert.Empty(view.FindAll(".graph-list li"));

        await view.Find("details.graph-list").TriggerEventAsync("ondetailstoggle", new DetailsToggleEventArgs { Open = true });

        var drawn = view.FindAll(".graph-node[data-node-id]").Select(n => n.GetAttribute("data-node-id")).Order().ToList();
        Assert.Equal(11, drawn.Count);
        Assert.Equal(drawn, view.FindAll(".graph-list li[data-list-node]").Select(li => li.GetAttribute("data-list-node")).Order().ToList());
        Assert.Equal("Wenbin Li", view.Find(".graph-list li[data-list-node='person:wenbin-li'] a").TextContent);
        Assert.Equal(["People", "Papers", "Topics", "Institutions"], view.FindAll(".graph-list h4").Select(h => h.TextContent).Where(h => h != "More to load"));

        var topic = view.FindAll(".graph-list li[data-list-node^='topic:']")[0];
        var topicId = topic.GetAttribute("data-list-node");
        topic.QuerySelectorAll("button").Single(b => b.TextContent == "Expand").Click();
        view.WaitForAssertion(() => Assert.Contains("around", view.Find(".graph-notice").TextContent));
        var grown = view.FindAll(".graph-node[data-node-id]").Select(n => n.GetAttribute("data-node-id")).Order().ToList();
        Assert.True(grown.Count > drawn.Count, $"expanding {topicId} drew more nodes ({grown.Count})");
        Assert.Equal(grown, view.FindAll(".graph-list li[data-list-node]").Select(li => li.GetAttribute("data-list-node")).Order().ToList());
        Assert.Equal($"List view: {grown.Count} nodes", view.Find(".graph-list summary").TextContent);

        await view.Find("details.graph-list").TriggerEventAsync("ondetailstoggle", new DetailsToggleEventArgs { Open = false });
        Assert.Empty(view.FindAll(".graph-list li"));
        Assert.Equal($"List view: {grown.Count} nodes", view.Find(".graph-list summary").TextContent);
    }

    [Fact]
    public async Task An_expansion_on_a_profile_puts_its_trail_in_the_panels_address_value_without_a_call_to_the_browser()
    {
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();
        AddGraphServices(database);
        var panel = Render<ResearchGraphPanel>(p => p.Add(c => c.FocusNodeId, "person:meihao-kong").Add(c => c.Subject, "researcher"));
        var view = panel.FindComponent<GraphView>();
        view.WaitForAssertion(() => Assert.Equal("true", view.Find(".graph-view").GetAttribute("data-view-settled")), Settling);
        Assert.Equal("graph", panel.Find("section.graph-panel").GetAttribute("data-keep-in-address"));
        Assert.False(panel.Find("section.graph-panel").HasAttribute("data-address-value"), "no expansions yet, nothing to keep");
        await view.Find("details.graph-list").TriggerEventAsync("ondetailstoggle", new DetailsToggleEventArgs { Open = true });

        var topic = view.FindAll(".graph-list li[data-list-node^='topic:']")[0];
        var topicId = topic.GetAttribute("data-list-node")!;
        await topic.QuerySelectorAll("button").Single(b => b.TextContent == "Expand").ClickAsync(new MouseEventArgs());

        Assert.Contains("around", view.Find(".graph-notice").TextContent);
        // app.js puts this in the page's address (Back and reload show the panel as it was left); no call to the browser.
        Assert.Equal(topicId, panel.Find("section.graph-panel").GetAttribute("data-address-value"));
        Assert.Contains(topicId.Replace(":", "%3A"), panel.Find(".explorer-link").GetAttribute("href"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier.StartsWith("bzGraph", StringComparison.Ordinal));
    }

    /// <summary>
    /// How long a test waits for the view to settle: on a busy machine (CI runs the PostgreSQL tests beside these) a graph
    /// can take longer than bUnit's one second to be read and drawn. Only a failing wait takes this long.
    /// </summary>
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(10);

    private bool _graphServicesAdded;

    /// <summary>The whole graph view, interactive, on a database of the test's own (the canvas says it is 1000×600).</summary>
    private IRenderedComponent<GraphView> RenderGraph(TemporaryDatabase database, string focus)
    {
        AddGraphServices(database);
        return Render<GraphView>(p => p.Add(c => c.FocusNodeId, focus));
    }

    private void AddGraphServices(TemporaryDatabase database)
    {
        if (!_graphServicesAdded)
        {
            _graphServicesAdded = true;
            Services.AddSingleton(_ => new GraphService(database.Factory));
            Services.AddSingleton(database.Factory);
            SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            JSInterop.Setup<Blazor.Diagrams.Core.Geometry.Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true)
                .SetResult(new Blazor.Diagrams.Core.Geometry.Rectangle(0, 0, 1000, 600));
        }
    }

    [Fact]
    public void While_prerendering_the_panel_shows_the_loading_text_and_loads_nothing()
    {
        Services.AddSingleton(_ => new GraphService(new ThrowingFactory()));
        Services.AddSingleton<IDbContextFactory<BzPeer.Explorer.Data.ExplorerDbContext>>(new ThrowingFactory());
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var panel = Render<ResearchGraphPanel>(p => p.Add(c => c.FocusNodeId, "person:meihao-kong").Add(c => c.Subject, "researcher"));

        Assert.Equal("See the researcher in context", panel.Find("h2").TextContent);
        Assert.Contains("Building this graph slice", panel.Find(".graph-loading").TextContent);
        Assert.Contains("loading the nearby papers, people, topics and institutions for this page", panel.Find(".graph-loading").TextContent);
        Assert.Equal("explore?focus=person%3Ameihao-kong", panel.Find("a.explorer-link").GetAttribute("href"));
        Assert.Empty(panel.FindAll(".diagram-canvas"));
    }

    private sealed class ThrowingFactory : IDbContextFactory<BzPeer.Explorer.Data.ExplorerDbContext>
    {
        public BzPeer.Explorer.Data.ExplorerDbContext CreateDbContext() => throw new InvalidOperationException("prerendering must not query the graph");
    }
}
