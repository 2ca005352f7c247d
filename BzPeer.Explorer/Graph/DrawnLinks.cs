namespace BzPeer.Explorer.Graph;

/// <summary>
/// The links of the papers and people a graph draws, read from their "from" side (a paper's authors, topics and
/// references, a person's institutions), each once. An expansion reads them only for its new nodes and finds the edges
/// between those and everything drawn here, in memory, so what it costs does not grow with the graph. Only drawn
/// nodes are kept: when the graph shrinks, the others are forgotten.
/// </summary>
public sealed class DrawnLinks
{
    private readonly Dictionary<long, List<LinkRow>> _linksFrom = [];

    /// <summary>Forgets the links of papers and people not in <paramref name="nodes"/>, and gives those among them whose links are not known yet.</summary>
    public List<GraphNode> KeepOnlyAndFindUnknown(IReadOnlyCollection<GraphNode> nodes)
    {
        var owners = new HashSet<long>();
        var unknown = new List<GraphNode>();
        foreach (var node in nodes)
            if (node.Kind is NodeKind.Paper or NodeKind.Person && owners.Add(NodeKeys.Of(node)) && !_linksFrom.ContainsKey(NodeKeys.Of(node)))
                unknown.Add(node);
        if (_linksFrom.Count > owners.Count - unknown.Count)
            foreach (var key in _linksFrom.Keys.Where(key => !owners.Contains(key)).ToList()) _linksFrom.Remove(key);
        return unknown;
    }

    /// <summary>Records what was read for <paramref name="owners"/>: the rows given, and no links for an owner without rows.</summary>
    public void Add(IEnumerable<GraphNode> owners, IEnumerable<LinkRow> rows)
    {
        foreach (var owner in owners) _linksFrom.TryAdd(NodeKeys.Of(owner), []);
        foreach (var row in rows) _linksFrom[row.FromKey].Add(row);
    }

    /// <summary>The edges between the nodes with keys in <paramref name="added"/> and every node in <paramref name="nodeIds"/> (which holds them too).</summary>
    public List<GraphEdge> EdgesTouching(IReadOnlySet<long> added, IReadOnlyDictionary<long, string> nodeIds)
    {
        // One bit per new node's key, so most links of the nodes drawn before are passed over without a lookup.
        var addedBits = 0UL;
        foreach (var key in added) addedBits |= 1UL << (int)(key & 63);
        var edges = new List<GraphEdge>();
        foreach (var (ownerKey, rows) in _linksFrom)
        {
            var ownerIsNew = added.Contains(ownerKey);
            foreach (var row in rows)
            {
                if (!ownerIsNew)
                {
                    var toKey = row.ToKey;
                    if ((addedBits & (1UL << (int)(toKey & 63))) == 0 || !added.Contains(toKey)) continue;
                }
                if (row.EdgeAmong(nodeIds) is { } edge) edges.Add(edge);
            }
        }
        return edges;
    }
}
