using BzPeer.Explorer.Graph;
using static BzPeer.Explorer.Tests.Graph.GraphLayoutTests;

namespace BzPeer.Explorer.Tests.Graph;

public class ExplorationGraphTests
{
    private static GraphSlice Slice(string focus, params string[] neighbours) => new(
        Node(focus),
        neighbours.Select(n => Node(n)).ToList(),
        neighbours.Select(n => GraphEdge.Create(focus, n, EdgeKind.CoAuthor)).ToList());

    private static ExplorationGraph StartedGraph() =>
        ExplorationGraph.Start(Slice("person:focus", "person:a", "person:b", "person:c"), []);

    [Fact]
    public void Starting_places_the_focus_at_the_centre_and_its_neighbours_around_it()
    {
        var graph = StartedGraph();

        Assert.Equal("person:focus", graph.FocusId);
        Assert.Equal(new Point2(0, 0), graph.Find("person:focus")!.Position);
        Assert.Equal(4, graph.NodeCount);
        Assert.Equal(3, graph.Edges.Count);
        AssertNoOverlaps(graph.Nodes.ToDictionary(n => n.Node.Id, n => n.Position));
    }

    [Fact]
    public void Expanding_merges_without_duplicates_and_keeps_old_nodes_where_they_were()
    {
        var graph = StartedGraph();
        var before = graph.Nodes.ToDictionary(n => n.Node.Id, n => n.Position);
        var edgesBefore = graph.Edges.Count;

        // b's slice repeats the focus and a, and brings d and e; the among-edges add a–d.
        var result = graph.Expand("person:b", Slice("person:b", "person:focus", "person:a", "person:d", "person:e"),
            [GraphEdge.Create("person:d", "person:a", EdgeKind.CoAuthor, 3)]);

        Assert.Equal(ExpandOutcome.Expanded, result.Outcome);
        Assert.Equal(2, result.AddedNodes);
        Assert.Equal(graph.Edges.Count - edgesBefore, result.AddedEdges);
        Assert.True(result.AddedEdges >= 3, $"b–d, b–e and a–d are new: {result.AddedEdges}");
        Assert.Equal(6, graph.NodeCount);
        Assert.Equal(graph.Nodes.Count(), graph.Nodes.Select(n => n.Node.Id).Distinct().Count());
        Assert.Equal(graph.Edges.Count, graph.Edges.Select(e => e.Id).Distinct().Count());
        Assert.Contains(graph.Edges, e => e.Kind == EdgeKind.CoAuthor && e.Source == "person:a" && e.Target == "person:d" && e.Weight == 3);
        Assert.Contains(graph.Edges, e => e.Source == "person:b" && e.Target == "person:focus");
        foreach (var (id, position) in before) Assert.Equal(position, graph.Find(id)!.Position);
        AssertNoOverlaps(graph.Nodes.ToDictionary(n => n.Node.Id, n => n.Position));
    }

    [Fact]
    public void Undo_restores_the_exact_previous_graph()
    {
        var graph = StartedGraph();
        graph.Expand("person:a", Slice("person:a", "person:x", "person:y"), []);
        var afterFirst = graph.Snapshot();

        graph.Expand("person:x", Slice("person:x", "person:z", "person:b"), [GraphEdge.Create("person:z", "person:c", EdgeKind.CoAuthor)]);
        Assert.NotEqual(afterFirst, graph.Snapshot());

        Assert.True(graph.Undo());
        Assert.Equal(afterFirst, graph.Snapshot());
        Assert.True(graph.Undo());
        Assert.Equal(StartedGraph().Snapshot(), graph.Snapshot());
        Assert.False(graph.Undo());
    }

    [Fact]
    public void Returning_to_a_step_of_the_trail_drops_the_later_ones()
    {
        var graph = StartedGraph();
        graph.Expand("person:a", Slice("person:a", "person:x"), []);
        var afterOne = graph.Snapshot();
        graph.Expand("person:b", Slice("person:b", "person:y"), []);
        graph.Expand("person:c", Slice("person:c", "person:z"), []);
        Assert.Equal(4, graph.Trail.Count);

        graph.ReturnTo(1);

        Assert.Equal(2, graph.Trail.Count);
        Assert.Equal(afterOne, graph.Snapshot());
        Assert.Equal(["person:a"], graph.ExpandedNodeIds);
    }

    [Fact]
    public void Collapsing_a_node_removes_what_only_it_brought_and_what_grew_from_that()
    {
        var graph = StartedGraph();
        graph.Expand("person:a", Slice("person:a", "person:x", "person:shared"), []);
        graph.Expand("person:x", Slice("person:x", "person:grandchild"), []);
        graph.Expand("person:b", Slice("person:b", "person:shared", "person:other"), []);

        Assert.True(graph.Collapse("person:a"));

        Assert.False(graph.Contains("person:x"));
        Assert.False(graph.Contains("person:grandchild"));
        Assert.True(graph.Contains("person:shared"), "b brought it too");
        Assert.True(graph.Contains("person:other"));
        Assert.True(graph.Contains("person:a"));
        Assert.Equal(["person:b"], graph.ExpandedNodeIds);
    }

    [Fact]
    public void Expanding_a_more_node_pages_in_the_next_batch_and_consumes_it()
    {
        var more = new GraphNode("more:person:focus:coauthors:3", NodeKind.More, 0, "+5 more co-authors", null, PagedKind: NodeKind.Person);
        var start = new GraphSlice(Node("person:focus"), [Node("person:a"), more], [GraphEdge.Create("person:focus", "person:a", EdgeKind.CoAuthor), GraphEdge.Create("person:focus", more.Id, EdgeKind.CoAuthor)]);
        var graph = ExplorationGraph.Start(start, []);
        var nextMore = more with { Id = "more:person:focus:coauthors:6", Label = "+2 more co-authors" };
        var next = new GraphSlice(Node("person:focus"), [Node("person:p"), Node("person:q"), Node("person:r"), nextMore],
            [.. new[] { "person:p", "person:q", "person:r", nextMore.Id }.Select(id => GraphEdge.Create("person:focus", id, EdgeKind.CoAuthor))]);

        graph.Expand(more.Id, next, []);

        Assert.False(graph.Contains(more.Id));
        Assert.True(graph.Contains(nextMore.Id));
        Assert.True(graph.Contains("person:q"));
        Assert.DoesNotContain(graph.Edges, e => e.Target == more.Id);
        graph.Undo();
        Assert.True(graph.Contains(more.Id));
        Assert.Equal(ExplorationGraph.Start(start, []).Snapshot(), graph.Snapshot());
    }

    [Fact]
    public void Growing_past_the_budget_is_refused_and_changes_nothing()
    {
        var graph = StartedGraph();
        var big = Slice("person:a", Enumerable.Range(0, ExplorationGraph.MaxNodes).Select(i => $"person:n{i}").ToArray());
        var before = graph.Snapshot();

        var result = graph.Expand("person:a", big, []);

        Assert.Equal(ExpandOutcome.OverBudget, result.Outcome);
        Assert.Equal(before, graph.Snapshot());
    }

    [Fact]
    public void Filters_hide_kinds_and_papers_outside_the_year_range_but_never_the_focus()
    {
        var filter = new GraphFilter(new HashSet<NodeKind> { NodeKind.Topic, NodeKind.Person }, 2015, 2020);
        Assert.True(filter.Shows(Node("person:focus"), "person:focus"));
        Assert.False(filter.Shows(Node("person:x"), "person:focus"));
        Assert.False(filter.Shows(Node("topic:1", NodeKind.Topic), "person:focus"));
        Assert.True(filter.Shows(new GraphNode("paper:1", NodeKind.Paper, 1, "p", null, 2018), "person:focus"));
        Assert.False(filter.Shows(new GraphNode("paper:2", NodeKind.Paper, 2, "p", null, 2012), "person:focus"));
        Assert.False(filter.Shows(new GraphNode("more:topic:1:works:10", NodeKind.More, 0, "+", null, PagedKind: NodeKind.Person), "person:focus"));
    }

    [Fact]
    public void The_link_state_round_trips_and_rejects_junk()
    {
        var state = ExplorerState.Parse("person:meihao-kong", "person:jing-huo,more:person:meihao-kong:works:8", "topic,nonsense", "2015", "20x");
        Assert.Equal(["person:jing-huo", "more:person:meihao-kong:works:8"], state.Expansions);
        Assert.Equal([NodeKind.Topic], state.HiddenKinds);
        Assert.Equal(2015, state.FromYear);
        Assert.Null(state.ToYear);

        var again = ExplorerState.Parse("person:meihao-kong", "person:jing-huo,more:person:meihao-kong:works:8", "topic", "2015", null);
        Assert.Equal("focus=person%3Ameihao-kong&expand=person%3Ajing-huo%2Cmore%3Aperson%3Ameihao-kong%3Aworks%3A8&hide=topic&from=2015", again.ToQuery());
    }

    [Fact]
    public void The_link_keeps_the_timeline_and_colour_by_year_and_ignores_other_values()
    {
        var state = ExplorerState.Parse("person:meihao-kong", null, null, null, null, "timeline", "year");
        Assert.Equal(new GraphDrawing(ColourByYear: true, Timeline: true), state.Drawing);
        Assert.Equal("focus=person%3Ameihao-kong&layout=timeline&colour=year", state.ToQuery());
        Assert.Equal(state.Drawing, ExplorerState.Parse("person:meihao-kong", null, null, null, null, "timeline", "year").Drawing);

        Assert.Equal(GraphDrawing.Default, ExplorerState.Parse("person:meihao-kong", null, null, null, null, "<script>", "red").Drawing);
        Assert.Equal("focus=person%3Ameihao-kong", ExplorerState.Parse("person:meihao-kong", null, null, null, null).ToQuery());
    }

    [Theory]
    [InlineData("person:meihao-kong", true)]
    [InlineData("paper:12", true)]
    [InlineData("more:person:x:works:8", false)]
    [InlineData("venue:3", false)]
    [InlineData("person:", false)]
    [InlineData("", false)]
    public void Node_ids_parse_only_when_well_formed(string id, bool valid) => Assert.Equal(valid, NodeIds.TryParse(id, out _, out _));

    [Theory]
    [InlineData(2030, 2020, true)]
    [InlineData(2020, 2020, false)]
    [InlineData(2015, 2022, false)]
    [InlineData(null, 2020, false)]
    [InlineData(2030, null, false)]
    public void An_inverted_year_range_is_refused_with_a_reason(int? from, int? to, bool refused)
    {
        var problem = GraphFilter.YearRangeProblem(from, to);
        Assert.Equal(refused, problem is not null);
        if (refused) Assert.Contains("2030", problem);
    }
}
