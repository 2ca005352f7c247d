using BzPeer.Explorer.Graph;

namespace BzPeer.Explorer.Tests.Graph;

public class GraphLayoutTests
{
    internal static GraphNode Node(string id, NodeKind kind = NodeKind.Person) => new(id, kind, 1, id, null);

    [Fact]
    public void Three_hundred_nodes_are_placed_without_any_overlapping_boxes()
    {
        var nodes = Enumerable.Range(0, 300).Select(i => Node($"person:n{i}", (NodeKind)(i % 4))).ToList();
        var edges = Enumerable.Range(1, 299).Select(i => GraphEdge.Create("person:n0", $"person:n{i}", EdgeKind.CoAuthor)).ToList();
        var placed = new Dictionary<string, Point2> { ["person:n0"] = new(0, 0) };

        var positions = GraphLayout.PlaceNew(placed, nodes.Skip(1).ToList(), edges, "person:n0");
        positions["person:n0"] = new(0, 0);

        AssertNoOverlaps(positions);
    }

    [Fact]
    public void Placed_nodes_stay_exactly_where_they_were_and_new_ones_avoid_them()
    {
        var placed = new Dictionary<string, Point2>();
        for (var i = 0; i < 40; i++) placed[$"paper:{i}"] = new Point2(i % 8 * 220, i / 8 * 90);
        var before = new Dictionary<string, Point2>(placed);
        var newNodes = Enumerable.Range(100, 25).Select(i => Node($"topic:{i}", NodeKind.Topic)).ToList();
        var edges = newNodes.Select(n => GraphEdge.Create("paper:12", n.Id, EdgeKind.About)).ToList();

        var positions = GraphLayout.PlaceNew(placed, newNodes, edges, "paper:12");

        Assert.Equal(before, placed);
        Assert.Equal(25, positions.Count);
        AssertNoOverlaps(placed.Concat(positions).ToDictionary());
    }

    [Fact]
    public void The_same_inputs_give_the_same_positions()
    {
        var placed = new Dictionary<string, Point2> { ["person:a"] = new(0, 0), ["person:b"] = new(300, 40) };
        var newNodes = Enumerable.Range(0, 30).Select(i => Node($"paper:{i}", NodeKind.Paper)).ToList();
        var edges = newNodes.Select(n => GraphEdge.Create("person:b", n.Id, EdgeKind.Authored)).ToList();

        var first = GraphLayout.PlaceNew(placed, newNodes, edges, "person:b");
        var second = GraphLayout.PlaceNew(placed, newNodes, edges, "person:b");

        Assert.Equal(first, second);
    }

    [Fact]
    public void New_nodes_grow_outward_from_the_expanded_node()
    {
        var placed = new Dictionary<string, Point2> { ["person:centre"] = new(0, 0), ["person:edge"] = new(600, 0) };
        var newNodes = Enumerable.Range(0, 8).Select(i => Node($"paper:{i}", NodeKind.Paper)).ToList();
        var edges = newNodes.Select(n => GraphEdge.Create("person:edge", n.Id, EdgeKind.Authored)).ToList();

        var positions = GraphLayout.PlaceNew(placed, newNodes, edges, "person:edge");

        Assert.True(positions.Values.Average(p => p.X) > 600, "new nodes should lie beyond the expanded node, away from the rest");
    }

    [Fact]
    public void A_node_expanded_in_a_crowd_gets_its_new_neighbours_at_the_nearest_free_places()
    {
        // Seven columns by nine rows of boxes packed too tightly for another box anywhere among them.
        var placed = new Dictionary<string, Point2>();
        for (var column = -3; column <= 3; column++)
            for (var row = -4; row <= 4; row++)
                placed[$"paper:{(column + 3) * 9 + row + 4}"] = new Point2(column * 200, row * 60);
        var newNodes = Enumerable.Range(100, 3).Select(i => Node($"topic:{i}", NodeKind.Topic)).ToList();
        var edges = newNodes.Select(n => GraphEdge.Create("paper:31", n.Id, EdgeKind.About)).ToList();

        var positions = GraphLayout.PlaceNew(placed, newNodes, edges, "paper:31");

        AssertNoOverlaps(placed.Concat(positions).ToDictionary());
        // The crowd is 1,384 wide and 526 high: free places are just above or below it (or beside it); the new
        // nodes take some there, a few rows out at most, not somewhere further.
        foreach (var (id, point) in positions)
        {
            var nearby = Math.Abs(point.Y) <= 4 * 60 + 58 + 4 * 60 && Math.Abs(point.X) <= 3 * 200 + 196 + 200;
            Assert.True(nearby, $"{id} at {point} is far from the crowd: {string.Join(" ", positions.Values)}");
        }
    }

    internal static void AssertNoOverlaps(IReadOnlyDictionary<string, Point2> positions)
    {
        var list = positions.ToList();
        for (var i = 0; i < list.Count; i++)
        for (var j = i + 1; j < list.Count; j++)
            Assert.False(GraphLayout.Overlaps(list[i].Value, list[j].Value), $"{list[i].Key} overlaps {list[j].Key}");
    }
}
