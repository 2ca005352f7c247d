using System.Globalization;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// Reads slices of the research graph: for a focus node, its nearest neighbours of each kind, each group capped
/// (strongest and most recent first) with a "+N more" node that pages in the next batch. Every read is an index
/// range of a bounded size, so a topic with 100,000 works costs the same as one with ten.
/// </summary>
internal static class SliceReader
{
    /// <summary>
    /// How far a "+N more" node counts what is left: past it, the node says "1,000+ more", and a hub with a million
    /// links costs what one with a thousand does.
    /// </summary>
    public const int MoreCountCap = 1_000;

    /// <summary>The node an id names, with its label, or null when it names nothing in the database.</summary>
    public static async Task<GraphNode?> ResolveAsync(ExplorerDbContext db, string nodeId, CancellationToken cancellationToken = default)
    {
        if (!NodeIds.TryParse(nodeId, out var kind, out var key)) return null;
        if (kind == NodeKind.Person)
            return Slug.IsWellFormed(key) ? (await GraphSql.PersonBySlugAsync(db, key, cancellationToken)).Select(r => r.ToNode()).FirstOrDefault() : null;
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return null;
        return kind switch
        {
            NodeKind.Paper => (await GraphSql.PaperByIdAsync(db, id, cancellationToken)).Select(r => r.ToNode()).FirstOrDefault(),
            NodeKind.Topic => (await GraphSql.TopicByIdAsync(db, id, cancellationToken)).Select(r => r.ToNode()).FirstOrDefault(),
            NodeKind.Institution => (await GraphSql.InstitutionByIdAsync(db, id, cancellationToken)).Select(r => r.ToNode()).FirstOrDefault(),
            _ => null,
        };
    }

    /// <summary>
    /// The slice a node opens: for an entity, the first batch of every group (plus, for people and papers, the
    /// institutions of the people shown); for a "+N more" node, the next batch of its group. Null for unknown ids.
    /// <paramref name="drawn"/> gives the nodes a graph already holds, which need not be read again.
    /// </summary>
    public static async Task<GraphSlice?> SliceAsync(ExplorerDbContext db, string nodeId, CancellationToken cancellationToken = default, Func<string, GraphNode?>? drawn = null)
    {
        if (NodeIds.TryParseMore(nodeId, out var ownerId, out var groupName, out var offset))
        {
            var owner = Entity(drawn?.Invoke(ownerId)) ?? await ResolveAsync(db, ownerId, cancellationToken);
            var group = owner is null ? null : NeighbourGroups.Of(owner.Kind).FirstOrDefault(g => g.Name == groupName);
            if (owner is null || group is null) return null;
            var (nodes, edges) = await BatchAsync(db, owner, group, offset, cancellationToken);
            var states = await NeighbourhoodQuery.StatesAsync(db, nodes, cancellationToken);
            return new GraphSlice(owner, NeighbourhoodQuery.Mark(nodes, states), edges);
        }

        var focus = Entity(drawn?.Invoke(nodeId)) ?? await ResolveAsync(db, nodeId, cancellationToken);
        if (focus is null) return null;
        var sliceNodes = new List<GraphNode>();
        var sliceEdges = new List<GraphEdge>();
        foreach (var group in NeighbourGroups.Of(focus.Kind))
        {
            var (nodes, edges) = await BatchAsync(db, focus, group, 0, cancellationToken);
            sliceNodes.AddRange(nodes);
            sliceEdges.AddRange(edges);
        }
        if (focus.Kind is NodeKind.Person or NodeKind.Paper)
        {
            var (institutions, affiliated) = await InstitutionsOfPeopleAsync(db, sliceNodes.Where(n => n.Kind == NodeKind.Person).ToList(), cancellationToken);
            sliceNodes.AddRange(institutions.Where(i => sliceNodes.All(n => n.Id != i.Id)));
            sliceEdges.AddRange(affiliated);
        }
        var neighbours = sliceNodes.Where(n => n.Id != focus.Id).DistinctBy(n => n.Id).ToList();
        var known = await NeighbourhoodQuery.StatesAsync(db, neighbours.Append(focus).ToList(), cancellationToken);
        return new GraphSlice(NeighbourhoodQuery.Mark([focus], known)[0], NeighbourhoodQuery.Mark(neighbours, known), sliceEdges.DistinctBy(e => e.Id).ToList());
    }

    /// <summary>
    /// The edges between newly added nodes and every node on screen (two co-authors both drawn get their edge), in one
    /// read. A person's topics are left to that person's own slice: drawn for everyone on screen, they would tie every
    /// person to every topic twice over (the papers already connect them).
    /// </summary>
    public static async Task<List<GraphEdge>> EdgesAmongAsync(ExplorerDbContext db, IReadOnlyCollection<GraphNode> added, IReadOnlyCollection<GraphNode> all, CancellationToken cancellationToken = default)
    {
        var (newPeople, newPapers, newTopics, newInstitutions) = (IdsOf(added, NodeKind.Person), IdsOf(added, NodeKind.Paper), IdsOf(added, NodeKind.Topic), IdsOf(added, NodeKind.Institution));
        var (people, papers, topics, institutions) = (IdsOf(all, NodeKind.Person), IdsOf(all, NodeKind.Paper), IdsOf(all, NodeKind.Topic), IdsOf(all, NodeKind.Institution));
        // Ids are written into the SQL: for these few-row reads, binding lists costs several times what SQLite does.
        // They are integers taken from nodes, never text from outside.
        var selects = new List<string>();
        void Walk(LinkKind kind, List<int> from, List<int> onlyTo)
        {
            if (from.Count > 0 && onlyTo.Count > 0 && GraphSql.LinkSelect(kind, from, onlyTo) is var select && !selects.Contains(select)) selects.Add(select);
        }
        if (people.Count > 1) Walk(LinkKind.CoAuthor, newPeople, people);
        Walk(LinkKind.Author, papers, newPeople);
        Walk(LinkKind.Author, newPapers, people);
        Walk(LinkKind.Topic, newPapers, topics);
        Walk(LinkKind.Topic, papers, newTopics);
        Walk(LinkKind.Institution, newPeople, institutions);
        Walk(LinkKind.Institution, people, newInstitutions);
        Walk(LinkKind.Reference, newPapers, papers);
        Walk(LinkKind.Reference, papers, newPapers);
        var nodeIds = NodeNumbers.IdsByKey(all.Concat(added));
        return (await GraphSql.LinksAsync(db, selects, cancellationToken)).Select(row => row.EdgeAmong(nodeIds)).OfType<GraphEdge>().DistinctBy(e => e.Id).ToList();
    }

    /// <summary>
    /// The links a growing graph needs: those from the papers and people whose links it does not know yet (see
    /// <see cref="ExplorationGraph.WithoutKnownLinks"/>), which once it is drawn are only the new ones, and the co-author
    /// links of the new people to the people on screen, in one read.
    /// </summary>
    public static async Task<List<LinkRow>> LinksAsync(ExplorerDbContext db, IReadOnlyCollection<GraphNode> owners, IReadOnlyCollection<GraphNode> added, IReadOnlyCollection<GraphNode> all, CancellationToken cancellationToken = default)
    {
        var (papers, people) = (IdsOf(owners, NodeKind.Paper), IdsOf(owners, NodeKind.Person));
        var (newPeople, allPeople) = (IdsOf(added, NodeKind.Person), IdsOf(all, NodeKind.Person));
        var selects = new List<string>();
        if (papers.Count > 0)
            selects.AddRange([GraphSql.LinkSelect(LinkKind.Author, papers), GraphSql.LinkSelect(LinkKind.Topic, papers), GraphSql.LinkSelect(LinkKind.Reference, papers)]);
        if (people.Count > 0) selects.Add(GraphSql.LinkSelect(LinkKind.Institution, people));
        if (newPeople.Count > 0 && allPeople.Count > 1) selects.Add(GraphSql.LinkSelect(LinkKind.CoAuthor, newPeople, allPeople));
        return await GraphSql.LinksAsync(db, selects, cancellationToken);
    }

    private static GraphNode? Entity(GraphNode? node) => node is { Kind: not NodeKind.More } ? node : null;

    private static List<int> IdsOf(IEnumerable<GraphNode> nodes, NodeKind kind) =>
        nodes.Where(n => n.Kind == kind).Select(n => n.EntityId).Distinct().ToList();

    /// <summary>One batch of a group, with the edges from the owner and, when more remain, a "+N more" node.</summary>
    private static async Task<(List<GraphNode> Nodes, List<GraphEdge> Edges)> BatchAsync(
        ExplorerDbContext db, GraphNode owner, NeighbourGroup group, int offset, CancellationToken cancellationToken)
    {
        var page = await group.ReadPage(db, owner.EntityId, offset, group.Cap, cancellationToken);
        var nodes = page.Neighbours.Select(n => n.Node).ToList();
        var edges = page.Neighbours.Select(n => group.EdgeTo(owner, n)).ToList();
        var shown = offset + nodes.Count;
        // One past the cap tells "exactly the cap" from "more than it".
        var total = page.Total ?? await TotalAsync(offset, nodes.Count, group.Cap, () => group.ReadCount!(db, owner.EntityId, shown + MoreCountCap + 1, cancellationToken));
        var remaining = total - shown;
        if (remaining > 0 && nodes.Count > 0)
        {
            var label = remaining > MoreCountCap ? $"{MoreCountCap:N0}+ more {group.Noun}" : $"+{remaining:N0} more {group.Noun}";
            var more = new GraphNode(NodeIds.More(owner.Id, group.Name, shown), NodeKind.More, 0, label, $"of {owner.Label}", PagedKind: group.Kind);
            nodes.Add(more);
            // Owner first whatever the kind, so the edge to a "+N more" node always leads away from what it belongs to.
            edges.Add(new GraphEdge(owner.Id, more.Id, group.EdgeKind));
        }
        return (nodes, edges);
    }

    /// <summary>The current institutions of the people shown, so the first view already places them somewhere.</summary>
    private static async Task<(List<GraphNode> Nodes, List<GraphEdge> Edges)> InstitutionsOfPeopleAsync(
        ExplorerDbContext db, List<GraphNode> people, CancellationToken cancellationToken)
    {
        const int cap = 6;
        var ids = people.Select(p => p.EntityId).ToList();
        var links = await GraphSql.CurrentInstitutionsAsync(db, ids, cancellationToken);
        var chosen = links.GroupBy(l => l.Row.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(cap)
            .ToDictionary(g => g.Key, g => g.First().Row.ToNode());
        var personOf = people.ToDictionary(p => p.EntityId, p => p.Id);
        var edges = links.Where(l => chosen.ContainsKey(l.Row.Id))
            .Select(l => GraphEdge.Create(personOf[l.PersonId], chosen[l.Row.Id].Id, EdgeKind.Affiliated)).ToList();
        return (chosen.Values.ToList(), edges);
    }

    /// <summary>A short page is the whole rest of the group, so only a full page needs counting.</summary>
    private static async Task<int> TotalAsync(int offset, int returned, int take, Func<Task<int>> count) =>
        returned < take ? offset + returned : await count();
}
