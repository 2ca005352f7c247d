namespace BzPeer.Explorer.Graph;

/// <summary>
/// The links of the papers and people a graph draws, read from their "from" side (a paper's authors, topics and
/// references, a person's institutions), each once. An expansion reads them only for its new nodes and finds the edges
/// between those and everything drawn here, in memory, so what it costs does not grow with the graph. Only drawn
/// nodes are kept: when the graph shrinks, the others are forgotten.
/// </summary>
internal sealed class DrawnLinks
{
    private readonly Dictionary<long, List<LinkRow>> _linksFrom = [];

    /// <summary>The papers and people among <paramref name="nodes"/> whose links are not known yet.</summary>
    public List<GraphNode> Unknown(IReadOnlyCollection<GraphNode> nodes)
    {
        var seen = new HashSet<long>(nodes.Count);
        return nodes.Where(n => n.Kind is NodeKind.Paper or NodeKind.Person && seen.Add(NodeNumbers.Of(n)) && !_linksFrom.ContainsKey(NodeNumbers.Of(n))).ToList();
    }

    /// <summary>Forgets the links of papers and people not in <paramref name="nodes"/>.</summary>
    public void KeepOnly(IReadOnlyCollection<GraphNode> nodes)
    {
        var owners = new HashSet<long>(nodes.Count);
        foreach (var node in nodes)
            if (node.Kind is NodeKind.Paper or NodeKind.Person) owners.Add(NodeNumbers.Of(node));
        foreach (var key in _linksFrom.Keys.Where(key => !owners.Contains(key)).ToList()) _linksFrom.Remove(key);
    }

    /// <summary>Records what was read for <paramref name="owners"/>: the rows given, and no links for an owner without rows.</summary>
    public void Add(IEnumerable<GraphNode> owners, IEnumerable<LinkRow> rows)
    {
        foreach (var owner in owners) _linksFrom.TryAdd(NodeNumbers.Of(owner), []);
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
