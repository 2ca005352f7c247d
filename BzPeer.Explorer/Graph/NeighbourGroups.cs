using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Graph;

/// <summary>A neighbour read for a group's page, with the weight its edge is drawn with (null: unweighted).</summary>
internal readonly record struct Neighbour(GraphNode Node, double? Weight);

/// <summary>A page of a group's neighbours and, when the read gives it, how many the group holds in all.</summary>
internal sealed record NeighbourPage(List<Neighbour> Neighbours, int? Total = null);

/// <summary>
/// A group of a node's neighbours of one kind, described once: its name in "+N more" ids, its wording, how many a batch
/// shows, the edge it draws (and which way), the read of one page and the count of all.
/// </summary>
internal sealed record NeighbourGroup(string Name, string Noun, NodeKind Kind, int Cap, EdgeKind EdgeKind, bool EdgeTowardsOwner)
{
    public delegate Task<NeighbourPage> PageRead(ExplorerDbContext db, int ownerId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>How many the group holds, counting no further than <paramref name="atMost"/>.</summary>
    public delegate Task<int> CountRead(ExplorerDbContext db, int ownerId, int atMost, CancellationToken cancellationToken);

    public required PageRead ReadPage { get; init; }

    /// <summary>How many the group holds; not needed when <see cref="ReadPage"/> gives the total.</summary>
    public CountRead? ReadCount { get; init; }

    public GraphEdge EdgeTo(GraphNode owner, Neighbour neighbour)
    {
        var edge = EdgeTowardsOwner ? GraphEdge.Create(neighbour.Node.Id, owner.Id, EdgeKind) : GraphEdge.Create(owner.Id, neighbour.Node.Id, EdgeKind);
        return neighbour.Weight is { } weight ? edge with { Weight = weight } : edge;
    }
}

/// <summary>The groups each kind of node has, in the order a slice shows them.</summary>
internal static class NeighbourGroups
{
    public static IReadOnlyList<NeighbourGroup> Of(NodeKind kind) => ByKind.TryGetValue(kind, out var groups) ? groups : [];

    private static readonly Dictionary<NodeKind, NeighbourGroup[]> ByKind = new()
    {
        [NodeKind.Person] =
        [
            new("works", "works", NodeKind.Paper, 8, EdgeKind.Authored, EdgeTowardsOwner: false)
                { ReadPage = Plain(GraphSql.PersonWorksAsync, r => r.ToNode()), ReadCount = GraphSql.CountPersonWorksAsync },
            new("coauthors", "co-authors", NodeKind.Person, 10, EdgeKind.CoAuthor, EdgeTowardsOwner: false)
                { ReadPage = Weighted(GraphSql.PersonCoAuthorsAsync, r => r.ToNode()), ReadCount = GraphSql.CountPersonCoAuthorsAsync },
            new("topics", "topics", NodeKind.Topic, 5, EdgeKind.WorksOn, EdgeTowardsOwner: false)
                { ReadPage = Weighted(GraphSql.PersonTopicsAsync, r => r.ToNode()), ReadCount = GraphSql.CountPersonTopicsAsync },
            new("institutions", "institutions", NodeKind.Institution, 4, EdgeKind.Affiliated, EdgeTowardsOwner: false)
                { ReadPage = Plain(GraphSql.PersonInstitutionsAsync, r => r.ToNode()), ReadCount = GraphSql.CountPersonInstitutionsAsync },
        ],
        [NodeKind.Paper] =
        [
            new("authors", "authors", NodeKind.Person, 10, EdgeKind.Authored, EdgeTowardsOwner: true)
                { ReadPage = Plain(GraphSql.PaperAuthorsAsync, r => r.ToNode()), ReadCount = GraphSql.CountPaperAuthorsAsync },
            new("topics", "topics", NodeKind.Topic, 5, EdgeKind.About, EdgeTowardsOwner: false)
                { ReadPage = Weighted(GraphSql.PaperTopicsAsync, r => r.ToNode()), ReadCount = GraphSql.CountPaperTopicsAsync },
            new("references", "references", NodeKind.Paper, 6, EdgeKind.Cites, EdgeTowardsOwner: false)
                { ReadPage = Plain(GraphSql.PaperReferencesAsync, r => r.ToNode()), ReadCount = GraphSql.CountPaperReferencesAsync },
            new("citedby", "citing works", NodeKind.Paper, 6, EdgeKind.Cites, EdgeTowardsOwner: true)
                { ReadPage = Plain(GraphSql.PaperCitedByAsync, r => r.ToNode()), ReadCount = GraphSql.CountPaperCitedByAsync },
            new("venue", "works in the same venue", NodeKind.Paper, 4, EdgeKind.SameVenue, EdgeTowardsOwner: false)
                { ReadPage = Plain(GraphSql.SameVenueWorksAsync, r => r.ToNode()), ReadCount = GraphSql.CountSameVenueWorksAsync },
        ],
        [NodeKind.Topic] =
        [
            new("researchers", "researchers", NodeKind.Person, 10, EdgeKind.WorksOn, EdgeTowardsOwner: true)
                { ReadPage = Weighted(GraphSql.TopicResearchersAsync, r => r.ToNode()), ReadCount = GraphSql.CountTopicResearchersAsync },
            new("works", "recent works", NodeKind.Paper, 10, EdgeKind.About, EdgeTowardsOwner: true)
                { ReadPage = Plain(GraphSql.TopicWorksAsync, r => r.ToNode()), ReadCount = GraphSql.CountTopicWorksAsync },
        ],
        [NodeKind.Institution] =
        [
            new("researchers", "researchers", NodeKind.Person, 10, EdgeKind.Affiliated, EdgeTowardsOwner: true)
                { ReadPage = Plain(GraphSql.InstitutionResearchersAsync, r => r.ToNode()), ReadCount = GraphSql.CountInstitutionResearchersAsync },
            new("topics", "topics", NodeKind.Topic, 6, EdgeKind.WorksOn, EdgeTowardsOwner: false)
            {
                ReadPage = async (db, id, skip, take, ct) =>
                {
                    var (rows, total) = await GraphSql.InstitutionTopicsAsync(db, id, skip, take, ct);
                    return new NeighbourPage(rows.Select(r => new Neighbour(r.Row.ToNode(), r.Weight)).ToList(), total);
                },
            },
        ],
    };

    private static NeighbourGroup.PageRead Plain<TRow>(Func<ExplorerDbContext, int, int, int, CancellationToken, Task<List<TRow>>> read, Func<TRow, GraphNode> toNode) =>
        async (db, id, skip, take, ct) => new NeighbourPage((await read(db, id, skip, take, ct)).Select(r => new Neighbour(toNode(r), null)).ToList());

    private static NeighbourGroup.PageRead Weighted<TRow>(Func<ExplorerDbContext, int, int, int, CancellationToken, Task<List<WeightedRow<TRow>>>> read, Func<TRow, GraphNode> toNode) =>
        async (db, id, skip, take, ct) => new NeighbourPage((await read(db, id, skip, take, ct)).Select(r => new Neighbour(toNode(r.Row), r.Weight)).ToList());
}
