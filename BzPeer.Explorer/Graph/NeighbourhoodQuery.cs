using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// Reads the <see cref="NeighbourhoodState"/> of a slice's people, institutions and topics together: a read per kind
/// present and one of the live-fetch rows, whatever the slice's size.
/// </summary>
public static class NeighbourhoodQuery
{
    private sealed record Stored(NodeKind Kind, int Id, string? OpenAlexId, RecordOrigin Origin, bool RecordRead);

    public static async Task<Dictionary<string, NeighbourhoodState>> StatesAsync(ExplorerDbContext db, IReadOnlyCollection<GraphNode> nodes, CancellationToken cancellationToken)
    {
        List<int> IdsOf(NodeKind kind) => nodes.Where(n => n.Kind == kind).Select(n => n.EntityId).Distinct().ToList();
        var (people, institutions, topics) = (IdsOf(NodeKind.Person), IdsOf(NodeKind.Institution), IdsOf(NodeKind.Topic));
        var stored = new List<Stored>();
        if (people.Count > 0)
            stored.AddRange((await db.Researchers.Where(r => people.Contains(r.Id)).Select(r => new { r.Id, r.OpenAlexId, r.Origin, Read = r.UpdatedDate != null })
                .ToListAsync(cancellationToken)).Select(r => new Stored(NodeKind.Person, r.Id, r.OpenAlexId, r.Origin, r.Read)));
        if (institutions.Count > 0)
            stored.AddRange((await db.Institutions.Where(i => institutions.Contains(i.Id)).Select(i => new { i.Id, i.OpenAlexId, i.Origin, Read = i.UpdatedDate != null })
                .ToListAsync(cancellationToken)).Select(i => new Stored(NodeKind.Institution, i.Id, i.OpenAlexId, i.Origin, i.Read)));
        if (topics.Count > 0)
            stored.AddRange((await db.Topics.Where(t => topics.Contains(t.Id)).Select(t => new { t.Id, t.OpenAlexId, t.Origin, Read = t.UpdatedDate != null })
                .ToListAsync(cancellationToken)).Select(t => new Stored(NodeKind.Topic, t.Id, t.OpenAlexId, t.Origin, t.Read)));
        var fromOpenAlex = stored.Where(s => s.Origin == RecordOrigin.OpenAlex && s.OpenAlexId is not null).Select(s => s.OpenAlexId!).Distinct().ToList();
        var fetched = fromOpenAlex.Count == 0 ? []
            : await db.LiveFetches.Where(f => fromOpenAlex.Contains(f.OpenAlexId)).ToDictionaryAsync(f => f.OpenAlexId, f => f.NeighbourhoodFetched, cancellationToken);
        var byKey = stored.ToDictionary(s => (s.Kind, s.Id), s =>
        {
            var live = s.OpenAlexId is not null && fetched.ContainsKey(s.OpenAlexId);
            return NeighbourhoodRule.StateOf(s.Origin == RecordOrigin.OpenAlex && s.OpenAlexId is not null, s.RecordRead, live, live && fetched[s.OpenAlexId!]);
        });
        return nodes.Where(n => byKey.ContainsKey((n.Kind, n.EntityId))).DistinctBy(n => n.Id).ToDictionary(n => n.Id, n => byKey[(n.Kind, n.EntityId)]);
    }

    /// <summary>The nodes with their state set (unchanged where the states say nothing of them).</summary>
    public static List<GraphNode> Mark(IEnumerable<GraphNode> nodes, IReadOnlyDictionary<string, NeighbourhoodState> states) =>
        nodes.Select(n => states.TryGetValue(n.Id, out var state) ? n with { Neighbourhood = state } : n).ToList();
}
