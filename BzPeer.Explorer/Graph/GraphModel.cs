using System.Globalization;

namespace BzPeer.Explorer.Graph;

public enum NodeKind { Person, Paper, Topic, Institution, More }

public enum EdgeKind { Authored, CoAuthor, About, WorksOn, Affiliated, Cites, SameVenue }

/// <summary>
/// A node of the research graph. <see cref="Id"/> is <c>kind:key</c> (person:meihao-kong, paper:12, topic:3,
/// institution:7); a "+N more" node is <c>more:owner-id:group:offset</c> and pages in the next batch of that group.
/// </summary>
public sealed record GraphNode(string Id, NodeKind Kind, int EntityId, string Label, string? Detail, int? Year = null, NodeKind? PagedKind = null)
{
    /// <summary>The kind a filter treats the node as: a "+N more" node counts as the kind it pages in.</summary>
    public NodeKind FilterKind => PagedKind ?? Kind;

    /// <summary>What the node's importance is read from: citations of a paper, works of a person or an institution (a topic's works in view are counted from the graph).</summary>
    public int Count { get; init; }

    /// <summary>For a person, institution or topic: how much of its neighbourhood is stored (set by the slice read); null for others.</summary>
    public NeighbourhoodState? Neighbourhood { get; init; }
}

/// <summary>An edge; undirected kinds are stored with their ends in id order, so each pair has one edge of a kind.</summary>
public sealed record GraphEdge(string Source, string Target, EdgeKind Kind, double Weight = 1)
{
    // The ends and the kind cannot change after construction, so the id (a dictionary key everywhere) is built once.
    public string Source { get; } = Source;
    public string Target { get; } = Target;
    public EdgeKind Kind { get; } = Kind;
    public string Id { get; } = $"{Kind}|{Source}|{Target}";

    public static GraphEdge Create(string source, string target, EdgeKind kind, double weight = 1) =>
        kind is EdgeKind.CoAuthor or EdgeKind.SameVenue && string.CompareOrdinal(source, target) > 0
            ? new GraphEdge(target, source, kind, weight)
            : new GraphEdge(source, target, kind, weight);
}

/// <summary>The focus node, its nearest neighbours of each kind (capped), the edges to them, and "+N more" nodes for the rest.</summary>
public sealed record GraphSlice(GraphNode Focus, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>Reading and writing node ids.</summary>
public static class NodeIds
{
    public static string Person(string slug) => $"person:{slug}";
    public static string Paper(int id) => $"paper:{Text(id)}";
    public static string Topic(int id) => $"topic:{Text(id)}";
    public static string Institution(int id) => $"institution:{Text(id)}";
    public static string More(string ownerId, string group, int offset) => $"more:{ownerId}:{group}:{Text(offset)}";

    public static string KindName(NodeKind kind) => kind switch
    {
        NodeKind.Person => "person",
        NodeKind.Paper => "paper",
        NodeKind.Topic => "topic",
        NodeKind.Institution => "institution",
        _ => "more",
    };

    public static bool TryParseKind(string text, out NodeKind kind)
    {
        foreach (var candidate in Enum.GetValues<NodeKind>())
        {
            if (KindName(candidate) == text)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Splits an entity node id into kind and key; "more" ids and malformed text give false.</summary>
    public static bool TryParse(string? id, out NodeKind kind, out string key)
    {
        kind = default;
        key = "";
        if (string.IsNullOrEmpty(id) || id.Length > 200) return false;
        var colon = id.IndexOf(':');
        if (colon <= 0 || !TryParseKind(id[..colon], out kind) || kind == NodeKind.More) return false;
        key = id[(colon + 1)..];
        return key.Length > 0;
    }

    /// <summary>Splits a "+N more" id into the owner node, the group and the offset of the next batch.</summary>
    public static bool TryParseMore(string? id, out string ownerId, out string group, out int offset)
    {
        ownerId = group = "";
        offset = 0;
        if (id is null || !id.StartsWith("more:", StringComparison.Ordinal) || id.Length > 220) return false;
        var parts = id.Split(':');
        if (parts.Length != 5) return false;
        ownerId = $"{parts[1]}:{parts[2]}";
        group = parts[3];
        return TryParse(ownerId, out _, out _) && group.Length > 0
            && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset > 0;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
