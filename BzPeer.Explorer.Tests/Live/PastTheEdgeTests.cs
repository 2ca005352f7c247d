using BzPeer.Explorer.Data;
using BzPeer.Explorer.Graph;
using BzPeer.Explorer.Live;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Live;

/// <summary>Expanding a graph node whose neighbourhood was never read from OpenAlex reads it first (stand-in OpenAlex).</summary>
public sealed class PastTheEdgeTests : IAsyncLifetime
{
    private const string Jemal = "A5009198168";
    private OpenAlexStandIn _standIn = null!;

    public async Task InitializeAsync() => _standIn = await OpenAlexStandIn.StartAsync();

    public async Task DisposeAsync() => await _standIn.DisposeAsync();

    [Fact]
    public async Task Expanding_an_institution_known_only_from_a_work_reads_its_most_cited_works_and_the_nodes_grow()
    {
        using var live = new LiveServices(_standIn);
        await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);
        await using var db = live.CreateContext();
        // An institution stored only as a mention of Jemal's works, which OpenAlex (the sample) has other works of.
        var sampleWorks = SampleWorksByInstitution();
        var mentioned = await db.Institutions.Where(i => i.OpenAlexId != null && i.UpdatedDate == null)
            .Select(i => new { i.Id, i.OpenAlexId, Stored = db.AuthorshipInstitutions.Where(a => a.InstitutionId == i.Id).Join(db.Authorships, ai => ai.AuthorshipId, a => a.Id, (ai, a) => a.WorkId).Distinct().Count() })
            .ToListAsync();
        var institution = mentioned.OrderBy(i => i.Id).First(i => sampleWorks.GetValueOrDefault(i.OpenAlexId!) > i.Stored);
        var storedBefore = (await db.Works.Select(w => w.Id).ToListAsync()).Select(NodeIds.Paper)
            .Concat((await db.Researchers.Select(r => r.Slug).ToListAsync()).Select(NodeIds.Person)).ToHashSet();
        var nodeId = NodeIds.Institution(institution.Id);
        using var graphs = new GraphService(live.Database.Factory);
        var graph = (await graphs.StartAsync(nodeId))!;
        var before = graph.NodeCount;

        var key = await live.Fetcher.IncompleteNeighbourhoodAsync(db, nodeId);
        Assert.NotNull(key);
        var outcome = await live.Fetcher.FetchAsync(key, withNeighbourhood: true);
        var result = await graphs.ExpandAsync(graph, nodeId);

        Assert.True(outcome.Complete, outcome.Message);
        Assert.Contains(_standIn.ListCalls, call => call.Contains($"filter=authorships.institutions.id:{institution.OpenAlexId}&") && call.Contains("sort=cited_by_count:desc"));
        Assert.Equal(ExpandOutcome.Expanded, result.Outcome);
        Assert.True(graph.NodeCount > before, $"{graph.NodeCount} nodes, {before} before");
        // What grew came from OpenAlex: a work or person the database did not hold before.
        Assert.Contains(graph.Nodes, n => n.Node.Kind is NodeKind.Paper or NodeKind.Person && !storedBefore.Contains(n.Node.Id));
        // Read once: the next expansion asks nothing more of OpenAlex.
        await using var after = live.CreateContext();
        Assert.Null(await live.Fetcher.IncompleteNeighbourhoodAsync(after, nodeId));
    }

    private static Dictionary<string, int> SampleWorksByInstitution() => Import.SharedOpenAlex.SampleWorkRecords()
        .SelectMany(w => w["authorships"]!.AsArray().SelectMany(a => a!["institutions"]!.AsArray())
            .Select(i => i?["id"]?.GetValue<string>()).OfType<string>().Select(id => id[(id.LastIndexOf('/') + 1)..]).Distinct())
        .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task A_slice_s_nodes_say_whether_their_neighbourhood_was_read()
    {
        using var live = new LiveServices(_standIn);
        await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);

        using var graphs = new GraphService(live.Database.Factory);
        var graph = (await graphs.StartAsync("person:ahmedin-jemal"))!;

        var nodes = graph.Nodes.Select(n => n.Node).ToList();
        Assert.Equal(NeighbourhoodState.Complete, nodes.Single(n => n.Id == "person:ahmedin-jemal").Neighbourhood);
        Assert.Equal(NeighbourhoodState.NeverFetched, nodes.Single(n => n.Id == "person:freddie-bray").Neighbourhood);
        Assert.Contains(nodes, n => n.Kind == NodeKind.Institution && n.Neighbourhood == NeighbourhoodState.NeverFetched);
        Assert.All(nodes.Where(n => n.Kind == NodeKind.Paper), n => Assert.Null(n.Neighbourhood));
    }

    [Fact]
    public async Task A_topic_known_only_from_a_work_is_never_fetched_and_one_read_with_its_works_is_complete()
    {
        using var live = new LiveServices(_standIn);
        await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);
        await using var db = live.CreateContext();
        var topic = await db.Topics.Where(t => t.OpenAlexId != null && t.UpdatedDate == null).OrderBy(t => t.Id).FirstAsync();
        var nodeId = NodeIds.Topic(topic.Id);

        var key = await live.Fetcher.IncompleteNeighbourhoodAsync(db, nodeId);
        Assert.Equal(new LiveKey(LiveKind.Topic, topic.OpenAlexId!, topic.OpenAlexId), key);
        Assert.True((await live.Fetcher.FetchAsync(key!, withNeighbourhood: true)).Complete);

        Assert.Contains(_standIn.ListCalls, call => call.Contains($"filter=topics.id:{topic.OpenAlexId}&"));
        await using var after = live.CreateContext();
        Assert.Null(await live.Fetcher.IncompleteNeighbourhoodAsync(after, nodeId));
    }

    [Fact]
    public async Task An_institution_imported_from_a_file_counts_as_complete_and_is_not_fetched()
    {
        using var live = new LiveServices(_standIn);
        await using var db = live.CreateContext();
        var institution = new Institution { OpenAlexId = "I27837315", DisplayName = "University of Michigan", Origin = RecordOrigin.OpenAlex, UpdatedDate = new DateOnly(2025, 1, 2) };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();

        Assert.Null(await live.Fetcher.IncompleteNeighbourhoodAsync(db, NodeIds.Institution(institution.Id)));
        Assert.Null(await live.Fetcher.IncompleteNeighbourhoodAsync(db, "paper:1"));
        Assert.Empty(_standIn.Requests);
    }
}
