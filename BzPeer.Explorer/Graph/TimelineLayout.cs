namespace BzPeer.Explorer.Graph;

/// <summary>
/// The explorer's optional timeline: papers in one column per year, the years present left to right, oldest first.
/// A person, topic or institution joins the column of the mean year of its papers in view; nodes with no dated paper
/// in view (and "+N more" nodes) stay in a band to the left of the earliest year. Columns are a node's width apart and
/// nodes in a column a node's height apart, centred on the middle line, so no two nodes overlap.
/// </summary>
public static class TimelineLayout
{
    public const double ColumnWidth = GraphLayout.NodeWidth + 3 * GraphLayout.Gap;
    public const double RowHeight = GraphLayout.NodeHeight + 2 * GraphLayout.Gap;

    private const int SideBand = int.MinValue;

    public static Dictionary<string, Point2> Place(IReadOnlyCollection<GraphNode> nodes, IEnumerable<GraphEdge> edges)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        var paperYears = new Dictionary<string, List<int>>();
        foreach (var edge in edges)
        {
            if (!byId.TryGetValue(edge.Source, out var source) || !byId.TryGetValue(edge.Target, out var target)) continue;
            Note(source, target);
            Note(target, source);
        }

        // A column per year; the side band of nodes without a year sorts before every year.
        int ColumnOf(GraphNode node) => node.Kind switch
        {
            NodeKind.Paper => node.Year ?? SideBand,
            NodeKind.More => SideBand,
            _ => paperYears.TryGetValue(node.Id, out var years) ? (int)Math.Round(years.Average(), MidpointRounding.AwayFromZero) : SideBand,
        };
        var columns = nodes.GroupBy(ColumnOf).ToDictionary(g => g.Key, g => g.ToList());
        var order = columns.Keys.Order().ToList();

        var positions = new Dictionary<string, Point2>();
        for (var column = 0; column < order.Count; column++)
        {
            // Papers first in their year's column, then the others; each group in a stable order.
            var members = columns[order[column]].OrderBy(n => n.Kind == NodeKind.Paper ? 0 : 1).ThenBy(n => n.Kind).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
            var x = (column - (order.Count - 1) / 2.0) * ColumnWidth;
            for (var row = 0; row < members.Count; row++)
                positions[members[row].Id] = new Point2(x, (row - (members.Count - 1) / 2.0) * RowHeight);
        }
        return positions;

        void Note(GraphNode node, GraphNode other)
        {
            if (node.Kind == NodeKind.Paper || other.Kind != NodeKind.Paper || other.Year is not { } year) return;
            if (!paperYears.TryGetValue(node.Id, out var list)) paperYears[node.Id] = list = [];
            list.Add(year);
        }
    }
}
