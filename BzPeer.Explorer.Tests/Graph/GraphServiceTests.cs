using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using BzPeer.Explorer.Graph;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Graph;

/// <summary>
/// The demo database plus two hubs: a topic carried by 2,500 works, and one carried by a few more works than a "+N more"
/// node counts exactly.
/// </summary>
public sealed class GraphDatabaseFixture : IAsyncLifetime
{
    public const string HubTopicName = "Hub Topic With Thousands Of Works";
    public const int HubWorks = 2500;
    public const string PastTheCountTopicName = "Topic Just Past The Count";
    public const int PastTheCountTopicWorks = SliceReader.MoreCountCap + 25;

    public TemporaryDatabase Database { get; } = new();
    public GraphService Graphs { get; }

    public GraphDatabaseFixture() => Graphs = new GraphService(Database.Factory);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        using (var writer = new BulkWriter(db))
        {
            var topic = new Topic
            {
                Id = writer.NextId<Topic>(), DisplayName = HubTopicName, SubfieldName = "Artificial Intelligence",
                FieldName = "Computer Science", DomainName = "Physical Sciences", Origin = RecordOrigin.Synthetic,
            };
            writer.Add(topic);
            AddWorks(writer, topic, HubWorks, "Hub work");
            var pastTheCount = new Topic
            {
                Id = writer.NextId<Topic>(), DisplayName = PastTheCountTopicName, SubfieldName = topic.SubfieldName,
                FieldName = topic.FieldName, DomainName = topic.DomainName, Origin = RecordOrigin.Synthetic,
            };
            writer.Add(pastTheCount);
            AddWorks(writer, pastTheCount, PastTheCountTopicWorks, "Past the count work");
            writer.Flush();
        }
        await transaction.CommitAsync();
    }

    private static void AddWorks(BulkWriter writer, Topic topic, int count, string title)
    {
        var firstWork = writer.NextId<Work>();
        for (var i = 0; i < count; i++)
        {
            var year = 2000 + i % 25;
            writer.Add(new Work { Id = firstWork + i, Title = $"{title} {i}", Type = "article", Year = year, Origin = RecordOrigin.Synthetic });
            writer.Add(new WorkTopic { WorkId = firstWork + i, TopicId = topic.Id, Score = 0.9, IsPrimary = true, WorkYear = year });
        }
    }

    public Task DisposeAsync()
    {
        Graphs.Dispose();
        Database.Dispose();
        return Task.CompletedTask;
    }
}

public class GraphServiceTests(GraphDatabaseFixture fixture) : IClassFixture<GraphDatabaseFixture>
{
    [Fact]
    public async Task The_reference_profiles_graph_holds_her_paper_co_authors_topics_and_their_institutions()
    {
        var graph = await fixture.Graphs.StartAsync("person:meihao-kong");

        Assert.NotNull(graph);
        var ids = graph.Nodes.Select(n => n.Node.Id).ToHashSet();
        Assert.Contains("paper:1", ids);
        Assert.Subset(ids, new HashSet<string> { "person:jing-huo", "person:wenbin-li", "person:jing-wu", "person:yu-kun-lai", "person:yang-gao" });
        Assert.Equal(2, graph.Nodes.Count(n => n.Node.Kind == NodeKind.Topic));
        var institutions = graph.Nodes.Where(n => n.Node.Kind == NodeKind.Institution).Select(n => n.Node.Label).Order().ToList();
        Assert.Equal(["Cardiff University", "Nanjing University"], institutions);

        // Edges among the neighbours: the paper's topics, the co-authors' shared paper, co-authors with each other.
        Assert.Contains(graph.Edges, e => e.Kind == EdgeKind.About && e.Source == "paper:1");
        Assert.Contains(graph.Edges, e => e.Kind == EdgeKind.Authored && e.Source == "person:yu-kun-lai" && e.Target == "paper:1");
        Assert.Contains(graph.Edges, e => e.Kind == EdgeKind.CoAuthor && e.Source == "person:jing-huo" && e.Target == "person:wenbin-li");
        Assert.Contains(graph.Edges, e => e.Kind == EdgeKind.Affiliated && e.Source == "person:jing-wu" && e.Target.StartsWith("institution:"));
        Assert.DoesNotContain(graph.Nodes, n => n.Node.Kind == NodeKind.More);
    }

    [Fact]
    public async Task A_prolific_researchers_groups_are_capped_with_more_nodes_that_page_in_the_rest()
    {
        await using var db = fixture.Database.CreateContext();
        var hub = await db.Researchers.OrderByDescending(r => r.WorksCount).FirstAsync();
        var coAuthors = await db.CoAuthorPairs.CountAsync(p => p.ResearcherId == hub.Id);
        var graph = (await fixture.Graphs.StartAsync(NodeIds.Person(hub.Slug)))!;

        var coAuthorNodes = graph.Edges.Count(e => e.Kind == EdgeKind.CoAuthor && (e.Source == NodeIds.Person(hub.Slug) || e.Target == NodeIds.Person(hub.Slug)) && !e.Target.StartsWith("more:"));
        Assert.Equal(10, coAuthorNodes);
        var more = graph.Nodes.Single(n => n.Node.Id.StartsWith($"more:person:{hub.Slug}:coauthors:", StringComparison.Ordinal)).Node;
        Assert.Equal($"+{coAuthors - 10:N0} more co-authors", more.Label);
        Assert.Equal(8, graph.Nodes.Count(n => n.Node.Kind == NodeKind.Paper));
        Assert.True(graph.NodeCount <= 45, $"a profile's first slice should hold a few dozen nodes, not {graph.NodeCount}");

        var before = graph.Nodes.Select(n => n.Node.Id).ToHashSet();
        var result = await fixture.Graphs.ExpandAsync(graph, more.Id);

        Assert.Equal(ExpandOutcome.Expanded, result.Outcome);
        Assert.False(graph.Contains(more.Id));
        var paged = graph.Nodes.Select(n => n.Node).Where(n => !before.Contains(n.Id) && n.Kind == NodeKind.Person).ToList();
        Assert.InRange(paged.Count, 1, 10);
        Assert.Contains(graph.Nodes, n => n.Node.Id == $"more:person:{hub.Slug}:coauthors:20" && n.Node.Label == $"+{coAuthors - 20:N0} more co-authors");
    }

    [Fact]
    public async Task A_topic_with_thousands_of_works_loads_its_cap_and_pages_further()
    {
        await using var db = fixture.Database.CreateContext();
        var topicId = await db.Topics.Where(t => t.DisplayName == GraphDatabaseFixture.HubTopicName).Select(t => t.Id).SingleAsync();
        var graph = (await fixture.Graphs.StartAsync(NodeIds.Topic(topicId)))!;

        var works = graph.Nodes.Where(n => n.Node.Kind == NodeKind.Paper).Select(n => n.Node).ToList();
        Assert.Equal(10, works.Count);
        Assert.All(works, w => Assert.Equal(2024, w.Year));
        var more = graph.Nodes.Single(n => n.Node.Kind == NodeKind.More).Node;
        Assert.Equal($"{SliceReader.MoreCountCap:N0}+ more recent works", more.Label);

        await fixture.Graphs.ExpandAsync(graph, more.Id);
        await fixture.Graphs.ExpandAsync(graph, $"more:topic:{topicId}:works:20");

        Assert.Equal(30, graph.Nodes.Count(n => n.Node.Kind == NodeKind.Paper));
        Assert.Equal($"{SliceReader.MoreCountCap:N0}+ more recent works", graph.Nodes.Single(n => n.Node.Kind == NodeKind.More).Node.Label);
        AssertNoOverlaps(graph.Nodes.ToDictionary(n => n.Node.Id, n => n.Position));
    }

    [Fact]
    public async Task A_group_past_the_count_says_how_many_more_at_least_and_the_exact_number_once_under_it()
    {
        await using var db = fixture.Database.CreateContext();
        var topicId = await db.Topics.Where(t => t.DisplayName == GraphDatabaseFixture.PastTheCountTopicName).Select(t => t.Id).SingleAsync();
        var graph = (await fixture.Graphs.StartAsync(NodeIds.Topic(topicId)))!;

        Assert.Equal($"{SliceReader.MoreCountCap:N0}+ more recent works", graph.Nodes.Single(n => n.Node.Kind == NodeKind.More).Node.Label);

        await fixture.Graphs.ExpandAsync(graph, $"more:topic:{topicId}:works:10");
        Assert.Equal($"{SliceReader.MoreCountCap:N0}+ more recent works", graph.Nodes.Single(n => n.Node.Kind == NodeKind.More).Node.Label);
        await fixture.Graphs.ExpandAsync(graph, $"more:topic:{topicId}:works:20");
        Assert.Equal($"+{GraphDatabaseFixture.PastTheCountTopicWorks - 30:N0} more recent works", graph.Nodes.Single(n => n.Node.Kind == NodeKind.More).Node.Label);
    }

    [Fact]
    public async Task Expanding_a_co_author_adds_their_neighbourhood_and_leaves_drawn_nodes_in_place()
    {
        var graph = (await fixture.Graphs.StartAsync("person:meihao-kong"))!;
        var before = graph.Nodes.ToDictionary(n => n.Node.Id, n => n.Position);
        var snapshot = graph.Snapshot();

        var result = await fixture.Graphs.ExpandAsync(graph, "person:yu-kun-lai");
        foreach (var (id, position) in before) Assert.Equal(position, graph.Find(id)!.Position);

        // Yu-Kun Lai has only the reference paper: expanding adds his edges to nodes already drawn, or nothing.
        Assert.True(result.Outcome is ExpandOutcome.Expanded or ExpandOutcome.NothingNew);
        if (result.Outcome == ExpandOutcome.Expanded)
        {
            graph.Undo();
            Assert.Equal(snapshot, graph.Snapshot());
        }
    }

    [Fact]
    public async Task Every_kind_of_focus_has_a_slice()
    {
        await using var db = fixture.Database.CreateContext();
        var institution = await db.Institutions.Where(i => i.Origin == RecordOrigin.Synthetic).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var cited = await db.Citations.GroupBy(c => c.CitedWorkId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();

        var paper = (await fixture.Graphs.StartAsync(NodeIds.Paper(cited)))!;
        Assert.Contains(paper.Edges, e => e.Kind == EdgeKind.Cites && e.Target == NodeIds.Paper(cited));
        Assert.Contains(paper.Nodes, n => n.Node.Kind == NodeKind.Person);
        Assert.Contains(paper.Nodes, n => n.Node.Kind == NodeKind.Topic);

        var place = (await fixture.Graphs.StartAsync(NodeIds.Institution(institution)))!;
        Assert.Contains(place.Nodes, n => n.Node.Kind == NodeKind.Person);
        Assert.Contains(place.Nodes, n => n.Node.Kind == NodeKind.Topic);
    }

    [Fact]
    public async Task Every_link_between_nodes_on_screen_is_drawn_after_expansions()
    {
        await using var db = fixture.Database.CreateContext();
        var cited = await db.Citations.GroupBy(c => c.CitedWorkId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var graph = (await fixture.Graphs.StartAsync(NodeIds.Paper(cited)))!;
        foreach (var kind in new[] { NodeKind.Person, NodeKind.Paper, NodeKind.Institution })
            foreach (var node in graph.Nodes.Where(n => n.Node.Kind == kind && n.Node.Id != graph.FocusId).Take(2).ToList())
                await fixture.Graphs.ExpandAsync(graph, node.Node.Id);

        var expected = await AssertEveryLinkIsDrawnAsync(db, graph);

        Assert.Contains(expected, e => e.Kind == EdgeKind.Cites);
        Assert.Contains(expected, e => e.Kind == EdgeKind.CoAuthor);
    }

    [Fact]
    public async Task Undoing_and_growing_again_gives_the_graph_its_link_rebuilds()
    {
        await using var db = fixture.Database.CreateContext();
        var cited = await db.Citations.GroupBy(c => c.CitedWorkId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var graph = (await fixture.Graphs.StartAsync(NodeIds.Paper(cited)))!;
        string Next(NodeKind kind) => graph.Nodes.First(n => n.Node.Kind == kind && n.Node.Id != graph.FocusId && !graph.ExpandedNodeIds.Contains(n.Node.Id)).Node.Id;

        await fixture.Graphs.ExpandAsync(graph, Next(NodeKind.Person));
        await fixture.Graphs.ExpandAsync(graph, Next(NodeKind.Paper));
        await fixture.Graphs.ExpandAsync(graph, Next(NodeKind.Person));
        Assert.True(graph.Undo());
        await fixture.Graphs.ExpandAsync(graph, Next(NodeKind.Paper));
        graph.ReturnTo(1);
        await fixture.Graphs.ExpandAsync(graph, Next(NodeKind.Person));
        await fixture.Graphs.ExpandAsync(graph, Next(NodeKind.Paper));
        Assert.Equal(4, graph.Trail.Count);

        var (rebuilt, skipped) = await fixture.Graphs.RebuildAsync(new ExplorerState(graph.FocusId, graph.ExpandedNodeIds.ToList(), new HashSet<NodeKind>(), null, null));

        Assert.Equal(0, skipped);
        Assert.Equal(rebuilt!.Snapshot(), graph.Snapshot());
        await AssertEveryLinkIsDrawnAsync(db, graph);
    }

    [Theory]
    [InlineData("person:nobody-at-all")]
    [InlineData("paper:999999")]
    [InlineData("topic:abc")]
    [InlineData("venue:1")]
    [InlineData("more:person:meihao-kong:works:8")]
    [InlineData("")]
    public async Task Unknown_or_malformed_focus_ids_give_no_graph(string id) =>
        Assert.Null(await fixture.Graphs.StartAsync(id));

    [Fact]
    public async Task A_link_rebuilds_the_same_graph()
    {
        var graph = (await fixture.Graphs.StartAsync("topic:1"))!;
        var person = graph.Nodes.First(n => n.Node.Kind == NodeKind.Person).Node.Id;
        await fixture.Graphs.ExpandAsync(graph, person);
        var state = new ExplorerState("topic:1", graph.ExpandedNodeIds.ToList(), new HashSet<NodeKind>(), null, null);

        var (rebuilt, skipped) = await fixture.Graphs.RebuildAsync(ExplorerState.Parse("topic:1", string.Join(',', state.Expansions), null, null, null));

        Assert.Equal(0, skipped);
        Assert.Equal(graph.Snapshot(), rebuilt!.Snapshot());
    }

    /// <summary>Checks that every link in the database between two drawn nodes is drawn, and gives those links.</summary>
    private static async Task<List<GraphEdge>> AssertEveryLinkIsDrawnAsync(ExplorerDbContext db, ExplorationGraph graph)
    {
        var idOf = graph.Nodes.Where(n => n.Node.Kind != NodeKind.More).ToDictionary(n => (n.Node.Kind, n.Node.EntityId), n => n.Node.Id);
        List<int> On(NodeKind kind) => idOf.Keys.Where(k => k.Kind == kind).Select(k => k.EntityId).ToList();
        var (people, papers, topics, institutions) = (On(NodeKind.Person), On(NodeKind.Paper), On(NodeKind.Topic), On(NodeKind.Institution));
        Assert.True(people.Count > 5 && papers.Count > 5 && topics.Count > 0 && institutions.Count > 0, "the graph grew into every kind");

        var expected = new List<GraphEdge>();
        void Expect(NodeKind from, int fromId, NodeKind to, int toId, EdgeKind kind) =>
            expected.Add(GraphEdge.Create(idOf[(from, fromId)], idOf[(to, toId)], kind));
        foreach (var c in await db.Citations.Where(c => papers.Contains(c.CitingWorkId) && papers.Contains(c.CitedWorkId)).ToListAsync())
            Expect(NodeKind.Paper, c.CitingWorkId, NodeKind.Paper, c.CitedWorkId, EdgeKind.Cites);
        foreach (var a in await db.Authorships.Where(a => people.Contains(a.ResearcherId) && papers.Contains(a.WorkId)).ToListAsync())
            Expect(NodeKind.Person, a.ResearcherId, NodeKind.Paper, a.WorkId, EdgeKind.Authored);
        foreach (var t in await db.WorkTopics.Where(t => papers.Contains(t.WorkId) && topics.Contains(t.TopicId)).ToListAsync())
            Expect(NodeKind.Paper, t.WorkId, NodeKind.Topic, t.TopicId, EdgeKind.About);
        foreach (var a in await db.Affiliations.Where(a => people.Contains(a.ResearcherId) && institutions.Contains(a.InstitutionId)).ToListAsync())
            Expect(NodeKind.Person, a.ResearcherId, NodeKind.Institution, a.InstitutionId, EdgeKind.Affiliated);
        foreach (var p in await db.CoAuthorPairs.Where(p => people.Contains(p.ResearcherId) && people.Contains(p.CoAuthorId)).ToListAsync())
            Expect(NodeKind.Person, p.ResearcherId, NodeKind.Person, p.CoAuthorId, EdgeKind.CoAuthor);

        var drawn = graph.Edges.Select(e => e.Id).ToHashSet();
        var missing = expected.Select(e => e.Id).Distinct().Where(id => !drawn.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"links not drawn: {string.Join(", ", missing)}");
        return expected;
    }

    private static void AssertNoOverlaps(IReadOnlyDictionary<string, Point2> positions) => GraphLayoutTests.AssertNoOverlaps(positions);
}
