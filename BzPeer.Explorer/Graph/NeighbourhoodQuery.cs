using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// Reads the <see cref="NeighbourhoodState"/> of a slice's people, institutions and topics together, in one statement
/// whatever the slice's size (a slice's budget leaves no room for an EF query per kind).
/// </summary>
public static class NeighbourhoodQuery
{
    public static async Task<Dictionary<string, NeighbourhoodState>> StatesAsync(ExplorerDbContext db, IReadOnlyCollection<GraphNode> nodes, CancellationToken cancellationToken)
    {
        List<int> IdsOf(NodeKind kind) => nodes.Where(n => n.Kind == kind).Select(n => n.EntityId).Distinct().ToList();
        var rows = await GraphSql.NeighbourhoodRowsAsync(db, IdsOf(NodeKind.Person), IdsOf(NodeKind.Institution), IdsOf(NodeKind.Topic), cancellationToken);
        var byKey = rows.ToDictionary(r => (r.Kind, r.Id), r =>
            NeighbourhoodRule.StateOf(r.FromOpenAlex, r.RecordRead, r.NeighbourhoodFetched is not null, r.NeighbourhoodFetched == true));
        return nodes.Where(n => byKey.ContainsKey((n.Kind, n.EntityId))).DistinctBy(n => n.Id).ToDictionary(n => n.Id, n => byKey[(n.Kind, n.EntityId)]);
    }

    /// <summary>The nodes with their state set (unchanged where the states say nothing of them).</summary>
    public static List<GraphNode> Mark(IEnumerable<GraphNode> nodes, IReadOnlyDictionary<string, NeighbourhoodState> states) =>
        nodes.Select(n => states.TryGetValue(n.Id, out var state) ? n with { Neighbourhood = state } : n).ToList();
}
