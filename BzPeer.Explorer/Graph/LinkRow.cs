namespace BzPeer.Explorer.Graph;

/// <summary>
/// The link tables the graph draws edges from. Each is read from its "from" side, where a record has few links
/// (a paper's authors, topics and references; a person's institutions), except co-authors, which are many on both sides.
/// </summary>
public enum LinkKind { Author, Topic, Reference, Institution, CoAuthor }

/// <summary>A row of a link table, from the record on its "from" side to the other.</summary>
public readonly record struct LinkRow(LinkKind Kind, int FromId, int ToId, double Weight)
{
    public NodeKind FromKind => Kind is LinkKind.Institution or LinkKind.CoAuthor ? NodeKind.Person : NodeKind.Paper;

    public NodeKind ToKind => Kind switch
    {
        LinkKind.Author or LinkKind.CoAuthor => NodeKind.Person,
        LinkKind.Topic => NodeKind.Topic,
        LinkKind.Reference => NodeKind.Paper,
        _ => NodeKind.Institution,
    };

    public long FromKey => NodeNumbers.Of(FromKind, FromId);

    public long ToKey => NodeNumbers.Of(ToKind, ToId);

    /// <summary>The edge this row draws between two nodes on screen (given by their keys), or null when either end is not drawn.</summary>
    public GraphEdge? EdgeAmong(IReadOnlyDictionary<long, string> nodeIds) =>
        nodeIds.TryGetValue(FromKey, out var from) && nodeIds.TryGetValue(ToKey, out var to) && from != to ? Edge(from, to) : null;

    private GraphEdge Edge(string from, string to) => Kind switch
    {
        LinkKind.Author => GraphEdge.Create(to, from, EdgeKind.Authored),
        LinkKind.Topic => GraphEdge.Create(from, to, EdgeKind.About, Weight),
        LinkKind.Reference => GraphEdge.Create(from, to, EdgeKind.Cites),
        LinkKind.Institution => GraphEdge.Create(from, to, EdgeKind.Affiliated),
        _ => GraphEdge.Create(from, to, EdgeKind.CoAuthor, Weight),
    };
}

/// <summary>The links read for <paramref name="Owners"/> (the papers and people whose links were not known), and the co-author links of new people.</summary>
public sealed record LinksRead(IReadOnlyList<GraphNode> Owners, IReadOnlyList<LinkRow> Rows);

/// <summary>A node's kind and entity id in one number, for lookups that would otherwise hash strings.</summary>
public static class NodeNumbers
{
    public static long Of(NodeKind kind, int entityId) => ((long)kind << 32) | (uint)entityId;

    public static long Of(GraphNode node) => Of(node.Kind, node.EntityId);

    /// <summary>The ids of the nodes (not "+N more" ones) by key.</summary>
    public static Dictionary<long, string> IdsByKey(IEnumerable<GraphNode> nodes)
    {
        var ids = new Dictionary<long, string>(nodes.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var node in nodes)
            if (node.Kind != NodeKind.More) ids.TryAdd(Of(node), node.Id);
        return ids;
    }
}
