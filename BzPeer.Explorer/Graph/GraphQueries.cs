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
        {
            if (!Slug.IsWellFormed(key)) return null;
            return (await PersonNodes(db.Researchers.Where(r => r.Slug == key), cancellationToken)).FirstOrDefault();
        }
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return null;
        return kind switch
        {
            NodeKind.Paper => (await PaperNodes(db.Works.Where(w => w.Id == id), cancellationToken)).FirstOrDefault(),
            NodeKind.Topic => (await TopicNodes(db.Topics.Where(t => t.Id == id), cancellationToken)).FirstOrDefault(),
            NodeKind.Institution => (await InstitutionNodes(db.Institutions.Where(i => i.Id == id), cancellationToken)).FirstOrDefault(),
            _ => null,
        };
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
            return new GraphSlice(owner, nodes, edges);
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
        return new GraphSlice(focus, sliceNodes.Where(n => n.Id != focus.Id).DistinctBy(n => n.Id).ToList(), sliceEdges.DistinctBy(e => e.Id).ToList());
    }

    /// <summary>
    /// The edges between newly added nodes and every node on screen (two co-authors both drawn get their edge).
    /// A person's topics are left to that person's own slice: drawn for everyone on screen, they would tie every
    /// person to every topic twice over (the papers already connect them).
    /// </summary>
    public static async Task<List<GraphEdge>> EdgesAmongAsync(ExplorerDbContext db, IReadOnlyCollection<GraphNode> added, IReadOnlyCollection<GraphNode> all, CancellationToken cancellationToken = default)
    {
        var newPeople = IdsOf(added, NodeKind.Person);
        var newPapers = IdsOf(added, NodeKind.Paper);
        var newTopics = IdsOf(added, NodeKind.Topic);
        var newInstitutions = IdsOf(added, NodeKind.Institution);
        var people = IdsOf(all, NodeKind.Person);
        var papers = IdsOf(all, NodeKind.Paper);
        var topics = IdsOf(all, NodeKind.Topic);
        var institutions = IdsOf(all, NodeKind.Institution);
        var nodeOf = all.Concat(added).Where(n => n.Kind != NodeKind.More).DistinctBy(n => n.Id).ToDictionary(n => (n.Kind, n.EntityId), n => n.Id);
        var edges = new List<GraphEdge>();
        void AddEdge(NodeKind sourceKind, int sourceId, NodeKind targetKind, int targetId, EdgeKind kind, double weight = 1)
        {
            if (nodeOf.TryGetValue((sourceKind, sourceId), out var source) && nodeOf.TryGetValue((targetKind, targetId), out var target) && source != target)
                edges.Add(GraphEdge.Create(source, target, kind, weight));
        }

        if (newPeople.Count > 0 && people.Count > 1)
        {
            foreach (var pair in await db.CoAuthorPairs.Where(p => newPeople.Contains(p.ResearcherId) && people.Contains(p.CoAuthorId))
                         .Select(p => new { p.ResearcherId, p.CoAuthorId, p.SharedWorks }).ToListAsync(cancellationToken))
                AddEdge(NodeKind.Person, pair.ResearcherId, NodeKind.Person, pair.CoAuthorId, EdgeKind.CoAuthor, pair.SharedWorks);
        }
        if (people.Count > 0 && papers.Count > 0 && (newPeople.Count > 0 || newPapers.Count > 0))
        {
            foreach (var a in await db.Authorships.Where(a => (newPeople.Contains(a.ResearcherId) && papers.Contains(a.WorkId)) || (newPapers.Contains(a.WorkId) && people.Contains(a.ResearcherId)))
                         .Select(a => new { a.ResearcherId, a.WorkId }).ToListAsync(cancellationToken))
                AddEdge(NodeKind.Person, a.ResearcherId, NodeKind.Paper, a.WorkId, EdgeKind.Authored);
        }
        if (papers.Count > 0 && topics.Count > 0 && (newPapers.Count > 0 || newTopics.Count > 0))
        {
            foreach (var t in await db.WorkTopics.Where(t => (newPapers.Contains(t.WorkId) && topics.Contains(t.TopicId)) || (newTopics.Contains(t.TopicId) && papers.Contains(t.WorkId)))
                         .Select(t => new { t.WorkId, t.TopicId, t.Score }).ToListAsync(cancellationToken))
                AddEdge(NodeKind.Paper, t.WorkId, NodeKind.Topic, t.TopicId, EdgeKind.About, t.Score);
        }
        if (people.Count > 0 && institutions.Count > 0 && (newPeople.Count > 0 || newInstitutions.Count > 0))
        {
            foreach (var a in await db.Affiliations.Where(a => (newPeople.Contains(a.ResearcherId) && institutions.Contains(a.InstitutionId)) || (newInstitutions.Contains(a.InstitutionId) && people.Contains(a.ResearcherId)))
                         .Select(a => new { a.ResearcherId, a.InstitutionId }).ToListAsync(cancellationToken))
                AddEdge(NodeKind.Person, a.ResearcherId, NodeKind.Institution, a.InstitutionId, EdgeKind.Affiliated);
        }
        if (newPapers.Count > 0 && papers.Count > 1)
        {
            foreach (var c in await db.Citations.Where(c => (newPapers.Contains(c.CitingWorkId) && papers.Contains(c.CitedWorkId)) || (newPapers.Contains(c.CitedWorkId) && papers.Contains(c.CitingWorkId)))
                         .ToListAsync(cancellationToken))
                AddEdge(NodeKind.Paper, c.CitingWorkId, NodeKind.Paper, c.CitedWorkId, EdgeKind.Cites);
        }
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
                var works = db.Works.Where(w => w.Authorships.Any(a => a.ResearcherId == id));
                var nodes = await PaperNodes(works.OrderByDescending(w => w.Year).ThenByDescending(w => w.Id).Skip(offset).Take(take), cancellationToken);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.Authorships.CountAsync(a => a.ResearcherId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.Authored)).ToList(), total);
            }
            case (NodeKind.Person, "coauthors"):
            {
                var pairs = await db.CoAuthorPairs.Where(p => p.ResearcherId == id)
                    .OrderByDescending(p => p.SharedWorks).ThenByDescending(p => p.LastYear).ThenBy(p => p.CoAuthorId)
                    .Skip(offset).Take(take).Select(p => new { p.CoAuthorId, p.SharedWorks }).ToListAsync(cancellationToken);
                var ids = pairs.Select(p => p.CoAuthorId).ToList();
                var nodes = InOrder(await PersonNodes(db.Researchers.Where(r => ids.Contains(r.Id)), cancellationToken), ids);
                var weights = pairs.ToDictionary(p => p.CoAuthorId, p => p.SharedWorks);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.CoAuthorPairs.CountAsync(p => p.ResearcherId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.CoAuthor, weights[n.EntityId])).ToList(), total);
            }
            case (NodeKind.Person, "topics"):
            {
                var shares = await db.ResearcherTopics.Where(t => t.ResearcherId == id)
                    .OrderByDescending(t => t.WorkCount).ThenBy(t => t.TopicId).Skip(offset).Take(take)
                    .Select(t => new { t.TopicId, t.WorkCount }).ToListAsync(cancellationToken);
                var ids = shares.Select(t => t.TopicId).ToList();
                var nodes = InOrder(await TopicNodes(db.Topics.Where(t => ids.Contains(t.Id)), cancellationToken), ids);
                var weights = shares.ToDictionary(t => t.TopicId, t => t.WorkCount);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.ResearcherTopics.CountAsync(t => t.ResearcherId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.WorksOn, weights[n.EntityId])).ToList(), total);
            }
            case (NodeKind.Person, "institutions"):
            {
                var ids = await db.Affiliations.Where(a => a.ResearcherId == id)
                    .OrderByDescending(a => a.LastYear).ThenBy(a => a.InstitutionId).Skip(offset).Take(take)
                    .Select(a => a.InstitutionId).ToListAsync(cancellationToken);
                var nodes = InOrder(await InstitutionNodes(db.Institutions.Where(i => ids.Contains(i.Id)), cancellationToken), ids);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.Affiliations.CountAsync(a => a.ResearcherId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.Affiliated)).ToList(), total);
            }
            case (NodeKind.Paper, "authors"):
            {
                var ids = await db.Authorships.Where(a => a.WorkId == id).OrderBy(a => a.AuthorOrder).Skip(offset).Take(take)
                    .Select(a => a.ResearcherId).ToListAsync(cancellationToken);
                var nodes = InOrder(await PersonNodes(db.Researchers.Where(r => ids.Contains(r.Id)), cancellationToken), ids);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.Authorships.CountAsync(a => a.WorkId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.Authored)).ToList(), total);
            }
            case (NodeKind.Paper, "topics"):
            {
                var shares = await db.WorkTopics.Where(t => t.WorkId == id).OrderByDescending(t => t.Score).ThenBy(t => t.TopicId)
                    .Skip(offset).Take(take).Select(t => new { t.TopicId, t.Score }).ToListAsync(cancellationToken);
                var ids = shares.Select(t => t.TopicId).ToList();
                var nodes = InOrder(await TopicNodes(db.Topics.Where(t => ids.Contains(t.Id)), cancellationToken), ids);
                var weights = shares.ToDictionary(t => t.TopicId, t => t.Score);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.WorkTopics.CountAsync(t => t.WorkId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.About, weights[n.EntityId])).ToList(), total);
            }
            case (NodeKind.Paper, "references"):
            {
                var works = db.Works.Where(w => db.Citations.Any(c => c.CitingWorkId == id && c.CitedWorkId == w.Id));
                var nodes = await PaperNodes(works.OrderByDescending(w => w.Year).ThenByDescending(w => w.Id).Skip(offset).Take(take), cancellationToken);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.Citations.CountAsync(c => c.CitingWorkId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.Cites)).ToList(), total);
            }
            case (NodeKind.Paper, "citedby"):
            {
                var works = db.Works.Where(w => db.Citations.Any(c => c.CitedWorkId == id && c.CitingWorkId == w.Id));
                var nodes = await PaperNodes(works.OrderByDescending(w => w.Year).ThenByDescending(w => w.Id).Skip(offset).Take(take), cancellationToken);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.Citations.CountAsync(c => c.CitedWorkId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.Cites)).ToList(), total);
            }
            case (NodeKind.Paper, "venue"):
            {
                var venue = await db.Works.Where(w => w.Id == id).Select(w => w.VenueId).FirstOrDefaultAsync(cancellationToken);
                if (venue is null) return new GroupPage([], [], 0);
                var works = db.Works.Where(w => w.VenueId == venue && w.Id != id);
                var nodes = await PaperNodes(works.OrderByDescending(w => w.Year).ThenByDescending(w => w.Id).Skip(offset).Take(take), cancellationToken);
                var total = await TotalAsync(offset, nodes.Count, take, () => works.CountAsync(cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.SameVenue)).ToList(), total);
            }
            case (NodeKind.Topic, "researchers"):
            {
                var shares = await db.ResearcherTopics.Where(t => t.TopicId == id)
                    .OrderByDescending(t => t.WorkCount).ThenBy(t => t.ResearcherId).Skip(offset).Take(take)
                    .Select(t => new { t.ResearcherId, t.WorkCount }).ToListAsync(cancellationToken);
                var ids = shares.Select(t => t.ResearcherId).ToList();
                var nodes = InOrder(await PersonNodes(db.Researchers.Where(r => ids.Contains(r.Id)), cancellationToken), ids);
                var weights = shares.ToDictionary(t => t.ResearcherId, t => t.WorkCount);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.ResearcherTopics.CountAsync(t => t.TopicId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.WorksOn, weights[n.EntityId])).ToList(), total);
            }
            case (NodeKind.Topic, "works"):
            {
                var ids = await db.WorkTopics.Where(t => t.TopicId == id).OrderByDescending(t => t.WorkYear).ThenByDescending(t => t.WorkId)
                    .Skip(offset).Take(take).Select(t => t.WorkId).ToListAsync(cancellationToken);
                var nodes = InOrder(await PaperNodes(db.Works.Where(w => ids.Contains(w.Id)), cancellationToken), ids);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.WorkTopics.CountAsync(t => t.TopicId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.About)).ToList(), total);
            }
            case (NodeKind.Institution, "researchers"):
            {
                var ids = await db.Affiliations.Where(a => a.InstitutionId == id)
                    .OrderByDescending(a => a.LastYear).ThenBy(a => a.ResearcherId).Skip(offset).Take(take)
                    .Select(a => a.ResearcherId).ToListAsync(cancellationToken);
                var nodes = InOrder(await PersonNodes(db.Researchers.Where(r => ids.Contains(r.Id)), cancellationToken), ids);
                var total = await TotalAsync(offset, nodes.Count, take, () => db.Affiliations.CountAsync(a => a.InstitutionId == id, cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(n.Id, owner.Id, EdgeKind.Affiliated)).ToList(), total);
            }
            case (NodeKind.Institution, "topics"):
            {
                // The institution's topics, weighted by how many of its researchers' topic works there are.
                var researchers = db.Affiliations.Where(a => a.InstitutionId == id).Select(a => a.ResearcherId);
                var grouped = db.ResearcherTopics.Where(t => researchers.Contains(t.ResearcherId))
                    .GroupBy(t => t.TopicId).Select(g => new { TopicId = g.Key, Works = g.Sum(t => t.WorkCount) });
                var shares = await grouped.OrderByDescending(t => t.Works).ThenBy(t => t.TopicId).Skip(offset).Take(take).ToListAsync(cancellationToken);
                var ids = shares.Select(t => t.TopicId).ToList();
                var nodes = InOrder(await TopicNodes(db.Topics.Where(t => ids.Contains(t.Id)), cancellationToken), ids);
                var weights = shares.ToDictionary(t => t.TopicId, t => t.Works);
                var total = await TotalAsync(offset, nodes.Count, take, () => grouped.CountAsync(cancellationToken));
                return new GroupPage(nodes, nodes.Select(n => GraphEdge.Create(owner.Id, n.Id, EdgeKind.WorksOn, weights[n.EntityId])).ToList(), total);
            }
            default:
                return new GroupPage([], [], 0);
        }
    }

    /// <summary>The current institutions of the people shown, so the first view already places them somewhere.</summary>
    private static async Task<(List<GraphNode> Nodes, List<GraphEdge> Edges)> InstitutionsOfPeopleAsync(
        ExplorerDbContext db, List<GraphNode> people, CancellationToken cancellationToken)
    {
        const int cap = 6;
        var ids = people.Select(p => p.EntityId).ToList();
        var links = await db.Researchers.Where(r => ids.Contains(r.Id) && r.LastKnownInstitutionId != null)
            .Select(r => new { r.Id, InstitutionId = r.LastKnownInstitutionId!.Value }).ToListAsync(cancellationToken);
        var institutionIds = links.GroupBy(l => l.InstitutionId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Take(cap).Select(g => g.Key).ToList();
        var nodes = await InstitutionNodes(db.Institutions.Where(i => institutionIds.Contains(i.Id)), cancellationToken);
        var nodeOf = nodes.ToDictionary(n => n.EntityId, n => n.Id);
        var personOf = people.ToDictionary(p => p.EntityId, p => p.Id);
        var edges = links.Where(l => nodeOf.ContainsKey(l.InstitutionId))
            .Select(l => GraphEdge.Create(personOf[l.Id], nodeOf[l.InstitutionId], EdgeKind.Affiliated)).ToList();
        return (nodes, edges);
    }

    /// <summary>A short page is the whole rest of the group, so only a full page needs counting.</summary>
    private static async Task<int> TotalAsync(int offset, int returned, int take, Func<Task<int>> count) =>
        returned < take ? offset + returned : await count();

    private static List<GraphNode> InOrder(List<GraphNode> nodes, List<int> ids) =>
        nodes.OrderBy(n => ids.IndexOf(n.EntityId)).ToList();

    private static async Task<List<GraphNode>> PersonNodes(IQueryable<Researcher> researchers, CancellationToken cancellationToken) =>
        (await researchers.Select(r => new { r.Id, r.Slug, r.DisplayName, r.WorksCount, Institution = r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null })
            .ToListAsync(cancellationToken))
        .Select(r => new GraphNode(NodeIds.Person(r.Slug), NodeKind.Person, r.Id, r.DisplayName,
            r.Institution ?? $"{r.WorksCount} {(r.WorksCount == 1 ? "work" : "works")}"))
        .ToList();

    private static async Task<List<GraphNode>> PaperNodes(IQueryable<Work> works, CancellationToken cancellationToken) =>
        (await works.Select(w => new { w.Id, w.Title, w.Year, Venue = w.Venue != null ? w.Venue.DisplayName : null }).ToListAsync(cancellationToken))
        .Select(w => new GraphNode(NodeIds.Paper(w.Id), NodeKind.Paper, w.Id, w.Title,
            string.Join(" · ", new[] { w.Year?.ToString(CultureInfo.InvariantCulture), w.Venue }.Where(s => s is not null)), w.Year))
        .ToList();

    private static async Task<List<GraphNode>> TopicNodes(IQueryable<Topic> topics, CancellationToken cancellationToken) =>
        (await topics.Select(t => new { t.Id, t.DisplayName, t.SubfieldName }).ToListAsync(cancellationToken))
        .Select(t => new GraphNode(NodeIds.Topic(t.Id), NodeKind.Topic, t.Id, t.DisplayName, t.SubfieldName))
        .ToList();

    private static async Task<List<GraphNode>> InstitutionNodes(IQueryable<Institution> institutions, CancellationToken cancellationToken) =>
        (await institutions.Select(i => new { i.Id, i.DisplayName, i.City, i.CountryCode }).ToListAsync(cancellationToken))
        .Select(i => new GraphNode(NodeIds.Institution(i.Id), NodeKind.Institution, i.Id, i.DisplayName,
            string.Join(", ", new[] { i.City, i.CountryCode }.Where(s => !string.IsNullOrEmpty(s)))))
        .ToList();
}
