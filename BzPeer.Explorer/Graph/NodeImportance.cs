namespace BzPeer.Explorer.Graph;

/// <summary>
/// How important each node of a graph is, from 0 to 1, within its kind: citations for papers, works for people and
/// institutions, works in view (papers drawn about it) for topics. Counts are compared on a log scale, so one highly
/// cited paper does not make every other one look alike. The focus is always 1; "+N more" nodes are 0.
/// </summary>
public static class NodeImportance
{
    public static Dictionary<string, double> Of(IReadOnlyCollection<GraphNode> nodes, IEnumerable<GraphEdge> edges, string focusId)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var papersAbout = new Dictionary<string, int>();
        foreach (var edge in edges)
        {
            if (edge.Kind != EdgeKind.About || !ids.Contains(edge.Source) || !ids.Contains(edge.Target)) continue;
            var topic = edge.Source.StartsWith("topic:", StringComparison.Ordinal) ? edge.Source : edge.Target;
            papersAbout[topic] = papersAbout.GetValueOrDefault(topic) + 1;
        }

        int Raw(GraphNode node) => node.Kind == NodeKind.Topic ? papersAbout.GetValueOrDefault(node.Id) : Math.Max(0, node.Count);
        var largest = nodes.GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.Max(Raw));
        return nodes.ToDictionary(n => n.Id, n =>
            n.Id == focusId ? 1
            : n.Kind == NodeKind.More ? 0
            : largest[n.Kind] == 0 ? 0
            : Math.Log(1 + Raw(n)) / Math.Log(1 + largest[n.Kind]));
    }
}
