using System.Globalization;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// Reads slices of the research graph: for a focus node, its nearest neighbours of each kind, each group capped
/// (strongest and most recent first) with a "+N more" node that pages in the next batch. Every read is an index
/// range of a bounded size, so a topic with 100,000 works costs the same as one with ten.
/// </summary>
public static class GraphQueries
{
    /// <summary>A group of neighbours of one kind: its name in "+N more" ids, its wording, and how many a batch shows.</summary>
    public sealed record NeighbourGroup(string Name, string Noun, NodeKind Kind, int Cap);

    private sealed record GroupPage(List<GraphNode> Nodes, List<GraphEdge> Edges, int Total);

    public static readonly IReadOnlyDictionary<NodeKind, NeighbourGroup[]> Groups = new Dictionary<NodeKind, NeighbourGroup[]>
    {
        [NodeKind.Person] =
        [
            new("works", "works", NodeKind.Paper, 8),
            new("coauthors", "co-authors", NodeKind.Person, 10),
            new("topics", "topics", NodeKind.Topic, 5),
            new("institutions", "institutions", NodeKind.Institution, 4),
        ],
        [NodeKind.Paper] =
        [
            new("authors", "authors", NodeKind.Person, 10),
            new("topics", "topics", NodeKind.Topic, 5),
            new("references", "references", NodeKind.Paper, 6),
            new("citedby", "citing works", NodeKind.Paper, 6),
            new("venue", "works in the same venue", NodeKind.Paper, 4),
        ],
        [NodeKind.Topic] =
        [
            new("researchers", "researchers", NodeKind.Person, 10),
            new("works", "recent works", NodeKind.Paper, 10),
        ],
        [NodeKind.Institution] =
        [
            new("researchers", "researchers", NodeKind.Person, 10),
            new("topics", "topics", NodeKind.Topic, 6),
        ],
    };

    /// <summary>The node an id names, with its label, or null when it names nothing in the database.</summary>
    public static async Task<GraphNode?> ResolveAsync(ExplorerDbContext db, string nodeId, CancellationToken cancellationToken = default)
    {
        if (!NodeIds.TryParse(nodeId, out var kind, out var key)) return null;
        if (kind == NodeKind.Person)
            return Slug.IsWellFormed(key) ? Person(await GraphReads.PersonBySlugAsync(db, key, cancellationToken)) : null;
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return null;
        return kind switch
        {
            NodeKind.Paper => (await GraphReads.PaperByIdAsync(db, id, cancellationToken)).Select(PaperNode).FirstOrDefault(),
            NodeKind.Topic => (await GraphReads.TopicByIdAsync(db, id, cancellationToken)).Select(TopicNode).FirstOrDefault(),
            NodeKind.Institution => (await GraphReads.InstitutionByIdAsync(db, id, cancellationToken)).Select(InstitutionNode).FirstOrDefault(),
            _ => null,
        };

        static GraphNode? Person(List<PersonRow> rows) => rows.Count == 0 ? null : PersonNode(rows[0]);
    }

    /// <summary>
    /// The slice a node opens: for an entity, the first batch of every group (plus, for people and papers, the
    /// institutions of the people shown); for a "+N more" node, the next batch of its group. Null for unknown ids.
    /// </summary>
    public static async Task<GraphSlice?> SliceAsync(ExplorerDbContext db, string nodeId, CancellationToken cancellationToken = default)
    {
        if (NodeIds.TryParseMore(nodeId, out var ownerId, out var groupName, out var offset))
        {
            var owner = await ResolveAsync(db, ownerId, cancellationToken);
            var group = owner is null ? null : Groups[owner.Kind].FirstOrDefault(g => g.Name == groupName);
            if (owner is null || group is null) return null;
            var (nodes, edges) = await BatchAsync(db, owner, group, offset, cancellationToken);
            var states = await NeighbourhoodQuery.StatesAsync(db, nodes, cancellationToken);
            return new GraphSlice(owner, NeighbourhoodQuery.Mark(nodes, states), edges);
        }

        var focus = await ResolveAsync(db, nodeId, cancellationToken);
        if (focus is null) return null;
        var sliceNodes = new List<GraphNode>();
        var sliceEdges = new List<GraphEdge>();
        foreach (var group in Groups[focus.Kind])
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
            if (from.Count > 0 && onlyTo.Count > 0 && GraphReads.LinkSelect(kind, from, onlyTo) is var select && !selects.Contains(select)) selects.Add(select);
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
        var nodeIds = NodeKeys.IdsByKey(all.Concat(added));
        return (await GraphReads.LinksAsync(db, selects, cancellationToken)).Select(row => row.EdgeAmong(nodeIds)).OfType<GraphEdge>().DistinctBy(e => e.Id).ToList();
    }

    /// <summary>
    /// The same edges for a graph that grows: the links from its papers and people (see <see cref="DrawnLinks"/>) are
    /// read only for those it does not know yet, which once it is drawn are only the new ones; co-authors as above.
    /// </summary>
    public static async Task<List<GraphEdge>> EdgesToNewAsync(ExplorerDbContext db, DrawnLinks links, IReadOnlyCollection<GraphNode> added, IReadOnlyCollection<GraphNode> all, CancellationToken cancellationToken = default)
    {
        var unknown = links.KeepOnlyAndFindUnknown(all);
        var (unknownPapers, unknownPeople) = (IdsOf(unknown, NodeKind.Paper), IdsOf(unknown, NodeKind.Person));
        var (newPeople, people) = (IdsOf(added, NodeKind.Person), IdsOf(all, NodeKind.Person));
        var selects = new List<string>();
        if (unknownPapers.Count > 0)
            selects.AddRange([GraphReads.LinkSelect(LinkKind.Author, unknownPapers), GraphReads.LinkSelect(LinkKind.Topic, unknownPapers), GraphReads.LinkSelect(LinkKind.Reference, unknownPapers)]);
        if (unknownPeople.Count > 0) selects.Add(GraphReads.LinkSelect(LinkKind.Institution, unknownPeople));
        if (newPeople.Count > 0 && people.Count > 1) selects.Add(GraphReads.LinkSelect(LinkKind.CoAuthor, newPeople, people));

        var rows = await GraphReads.LinksAsync(db, selects, cancellationToken);
        links.Add(unknown, rows.Where(row => row.Kind != LinkKind.CoAuthor));
        var nodeIds = NodeKeys.IdsByKey(all);
        var addedKeys = added.Where(n => n.Kind != NodeKind.More).Select(NodeKeys.Of).ToHashSet();
        var edges = links.EdgesTouching(addedKeys, nodeIds);
        edges.AddRange(rows.Where(row => row.Kind == LinkKind.CoAuthor).Select(row => row.EdgeAmong(nodeIds)).OfType<GraphEdge>());
        return edges.DistinctBy(e => e.Id).ToList();
    }

    private static List<int> IdsOf(IEnumerable<GraphNode> nodes, NodeKind kind) =>
        nodes.Where(n => n.Kind == kind).Select(n => n.EntityId).Distinct().ToList();

    /// <summary>One batch of a group, with the edges from the owner and, when more remain, a "+N more" node.</summary>
    private static async Task<(List<GraphNode> Nodes, List<GraphEdge> Edges)> BatchAsync(
        ExplorerDbContext db, GraphNode owner, NeighbourGroup group, int offset, CancellationToken cancellationToken)
    {
        var page = await PageAsync(db, owner, group, offset, cancellationToken);
        var remaining = page.Total - offset - page.Nodes.Count;
        if (remaining > 0 && page.Nodes.Count > 0)
        {
            var more = new GraphNode(NodeIds.More(owner.Id, group.Name, offset + page.Nodes.Count), NodeKind.More, 0,
                $"+{remaining:N0} more {group.Noun}", $"of {owner.Label}", PagedKind: group.Kind);
            page.Nodes.Add(more);
            // Owner first whatever the kind, so the edge to a "+N more" node always leads away from what it belongs to.
            page.Edges.Add(new GraphEdge(owner.Id, more.Id, page.Edges[0].Kind));
        }
        return (page.Nodes, page.Edges);
    }

    private static async Task<GroupPage> PageAsync(ExplorerDbContext db, GraphNode owner, NeighbourGroup group, int offset, CancellationToken cancellationToken)
    {
        var id = owner.EntityId;
        var take = group.Cap;
        switch (owner.Kind, group.Name)
        {
            case (NodeKind.Person, "works"):
            {
                var nodes = (await GraphReads.PersonWorksAsync(db, id, offset, take, cancellationToken)).Select(PaperNode).ToList();
                var total = await TotalAsync(offset, nodes.Count, take, () => GraphReads.CountPersonWorksAsync(db, id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.Authored)).ToList(), total);
            }
            case (NodeKind.Person, "coauthors"):
            {
                var rows = await GraphReads.PersonCoAuthorsAsync(db, id, offset, take, cancellationToken);
                var total = await TotalAsync(offset, rows.Count, take, () => GraphReads.CountPersonCoAuthorsAsync(db, id, cancellationToken));
                return Weighted(rows, PersonNode, node => GraphEdge.Create(owner.Id, node.Id, EdgeKind.CoAuthor), total);
            }
            case (NodeKind.Person, "topics"):
            {
                var rows = await GraphReads.PersonTopicsAsync(db, id, offset, take, cancellationToken);
                var total = await TotalAsync(offset, rows.Count, take, () => GraphReads.CountPersonTopicsAsync(db, id, cancellationToken));
                return Weighted(rows, TopicNode, node => GraphEdge.Create(owner.Id, node.Id, EdgeKind.WorksOn), total);
            }
            case (NodeKind.Person, "institutions"):
            {
                var nodes = (await GraphReads.PersonInstitutionsAsync(db, id, offset, take, cancellationToken)).Select(InstitutionNode).ToList();
                var total = await TotalAsync(offset, nodes.Count, take, () => GraphReads.CountPersonInstitutionsAsync(db, id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.Affiliated)).ToList(), total);
            }
            case (NodeKind.Paper, "authors"):
            {
                var nodes = (await GraphReads.PaperAuthorsAsync(db, id, offset, take, cancellationToken)).Select(PersonNode).ToList();
                var total = await TotalAsync(offset, nodes.Count, take, () => GraphReads.CountPaperAuthorsAsync(db, id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.Authored)).ToList(), total);
            }
            case (NodeKind.Paper, "topics"):
            {
                var rows = await GraphReads.PaperTopicsAsync(db, id, offset, take, cancellationToken);
                var total = await TotalAsync(offset, rows.Count, take, () => GraphReads.CountPaperTopicsAsync(db, id, cancellationToken));
                return Weighted(rows, TopicNode, node => GraphEdge.Create(owner.Id, node.Id, EdgeKind.About), total);
            }
            case (NodeKind.Paper, "references"):
            {
                var nodes = (await GraphReads.PaperReferencesAsync(db, id, offset, take, cancellationToken)).Select(PaperNode).ToList();
                var total = await TotalAsync(offset, nodes.Count, take, () => GraphReads.CountPaperReferencesAsync(db, id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.Cites)).ToList(), total);
            }
            case (NodeKind.Paper, "citedby"):
            {
                var nodes = (await GraphReads.PaperCitedByAsync(db, id, offset, take, cancellationToken)).Select(PaperNode).ToList();
                var total = await TotalAsync(offset, nodes.Count, take, () => GraphReads.CountPaperCitedByAsync(db, id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.Cites)).ToList(), total);
            }
            case (NodeKind.Paper, "venue"):
            {
                var venue = await GraphReads.VenueOfAsync(db, id, cancellationToken);
                if (venue is null) return new GroupPage([], [], 0);
                var nodes = (await GraphReads.VenueWorksAsync(db, venue.Value, id, offset, take, cancellationToken)).Select(PaperNode).ToList();
                var total = await TotalAsync(offset, nodes.Count, take, () => GraphReads.CountVenueWorksAsync(db, venue.Value, id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.SameVenue)).ToList(), total);
            }
            case (NodeKind.Topic, "researchers"):
            {
                var rows = await GraphReads.TopicResearchersAsync(db, id, offset, take, cancellationToken);
                var total = await TotalAsync(offset, rows.Count, take, () => GraphReads.CountTopicResearchersAsync(db, id, cancellationToken));
                return Weighted(rows, PersonNode, node => GraphEdge.Create(node.Id, owner.Id, EdgeKind.WorksOn), total);
            }
            case (NodeKind.Topic, "works"):
            {
                var nodes = (await GraphReads.TopicWorksAsync(db, id, offset, take, cancellationToken)).Select(PaperNode).ToList();
                var total = await TotalAsync(offset, nodes.Count, take, () => GraphReads.CountTopicWorksAsync(db, id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.About)).ToList(), total);
            }
            case (NodeKind.Institution, "researchers"):
            {
                var nodes = (await GraphReads.InstitutionResearchersAsync(db, id, offset, take, cancellationToken)).Select(PersonNode).ToList();
                var total = await TotalAsync(offset, nodes.Count, take, () => GraphReads.CountInstitutionResearchersAsync(db, id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.Affiliated)).ToList(), total);
            }
            case (NodeKind.Institution, "topics"):
            {
                var (rows, total) = await GraphReads.InstitutionTopicsAsync(db, id, offset, take, cancellationToken);
                return Weighted(rows, TopicNode, node => GraphEdge.Create(owner.Id, node.Id, EdgeKind.WorksOn), total);
            }
            default:
                return new GroupPage([], [], 0);
        }
    }

    private static GroupPage Weighted<TRow>(List<WeightedRow<TRow>> rows, Func<TRow, GraphNode> toNode, Func<GraphNode, GraphEdge> edge, int total)
    {
        var nodes = new List<GraphNode>(rows.Count);
        var edges = new List<GraphEdge>(rows.Count);
        foreach (var row in rows)
        {
            var node = toNode(row.Row);
            nodes.Add(node);
            edges.Add(edge(node) with { Weight = row.Weight });
        }
        return new GroupPage(nodes, edges, total);
    }

    /// <summary>The current institutions of the people shown, so the first view already places them somewhere.</summary>
    private static async Task<(List<GraphNode> Nodes, List<GraphEdge> Edges)> InstitutionsOfPeopleAsync(
        ExplorerDbContext db, List<GraphNode> people, CancellationToken cancellationToken)
    {
        const int cap = 6;
        var ids = people.Select(p => p.EntityId).ToList();
        var links = await GraphReads.CurrentInstitutionsAsync(db, ids, cancellationToken);
        var chosen = links.GroupBy(l => l.Row.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(cap)
            .ToDictionary(g => g.Key, g => InstitutionNode(g.First().Row));
        var personOf = people.ToDictionary(p => p.EntityId, p => p.Id);
        var edges = links.Where(l => chosen.ContainsKey(l.Row.Id))
            .Select(l => GraphEdge.Create(personOf[l.PersonId], chosen[l.Row.Id].Id, EdgeKind.Affiliated)).ToList();
        return (chosen.Values.ToList(), edges);
    }

    /// <summary>A short page is the whole rest of the group, so only a full page needs counting.</summary>
    private static async Task<int> TotalAsync(int offset, int returned, int take, Func<Task<int>> count) =>
        returned < take ? offset + returned : await count();


    private static GraphNode PersonNode(PersonRow r) =>
        new(NodeIds.Person(r.Slug), NodeKind.Person, r.Id, r.Name, r.Institution ?? $"{r.Works} {(r.Works == 1 ? "work" : "works")}") { Count = r.Works };

    private static GraphNode PaperNode(PaperRow w) =>
        new(NodeIds.Paper(w.Id), NodeKind.Paper, w.Id, w.Title,
            string.Join(" · ", new[] { w.Year?.ToString(CultureInfo.InvariantCulture), w.Venue }.Where(s => s is not null)), w.Year) { Count = w.Citations };

    private static GraphNode TopicNode(TopicRow t) => new(NodeIds.Topic(t.Id), NodeKind.Topic, t.Id, t.Name, t.Subfield);

    private static GraphNode InstitutionNode(InstitutionRow i) =>
        new(NodeIds.Institution(i.Id), NodeKind.Institution, i.Id, i.Name, string.Join(", ", new[] { i.City, i.Country }.Where(s => !string.IsNullOrEmpty(s)))) { Count = i.Works };
}
