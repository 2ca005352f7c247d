using System.Net;
using System.Text.Json.Nodes;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using BzPeer.Explorer.Graph;
using BzPeer.Explorer.Import;
using BzPeer.Explorer.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>
/// Records of the 2022 schema (host_venue and alternate_host_venues, concepts and x_concepts, last_known_institution)
/// import whole (issue 18). The fixture, Fixtures/openalex-2022.jsonl, is written by hand from the fields OpenAlex gave
/// then; its ids are made up and used only in test databases.
/// </summary>
public class OpenAlex2022SchemaTests
{
    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "openalex-2022.jsonl");

    [Theory, SqliteData, PostgresData]
    public async Task A_2022_work_has_its_host_venue_as_venue_and_its_concepts_as_topics(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);

        var result = await Verbs.ImportAsync(database, Fixture);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("imported: works=2 researchers=2 institutions=1 topics=3 sources=2 skipped=0 ignored=0", result.LastLine);
        await using var db = database.CreateContext();
        var work = await db.Works.Include(w => w.Venue).Include(w => w.Topics).ThenInclude(t => t.Topic).SingleAsync(w => w.OpenAlexId == "W9220000001");
        Assert.Equal(("V9220000001", "arXiv (Cornell University)", "Cornell University"), (work.Venue!.OpenAlexId, work.Venue.DisplayName, work.Venue.HostOrganization));
        Assert.Equal("2203.99999", work.ArxivId);
        // The deepest concepts (level 2 on) are its topics, under its strongest level-0 and level-1 concepts.
        Assert.Equal([("C9220000101", "Recommender system", 0.74, true), ("C9220000102", "Citation analysis", 0.38, false)],
            work.Topics.OrderByDescending(t => t.Score).Select(t => (t.Topic.OpenAlexId, t.Topic.DisplayName, t.Score, t.IsPrimary)));
        Assert.All(work.Topics, t => Assert.Equal(("Computer science", "Artificial intelligence"), (t.Topic.DomainName, t.Topic.FieldName)));

        // No host venue id: the first alternate host venue is the venue; only level-1 concepts and up: those are its topics.
        var second = await db.Works.Include(w => w.Venue).Include(w => w.Topics).ThenInclude(t => t.Topic).SingleAsync(w => w.OpenAlexId == "W9220000002");
        Assert.Equal(("V9220000002", "Journal of Example Studies", "9999-0001"), (second.Venue!.OpenAlexId, second.Venue.DisplayName, second.Venue.IssnL));
        Assert.Equal("Artificial intelligence", Assert.Single(second.Topics).Topic.DisplayName);

        var author = await db.Researchers.SingleAsync(r => r.OpenAlexId == "A9220000001");
        Assert.Equal("Example University of Testing", (await db.Institutions.SingleAsync(i => i.Id == author.LastKnownInstitutionId)).DisplayName);
        Assert.Equal(["Artificial intelligence", "Citation analysis", "Recommender system"],
            await db.ResearcherTopics.Where(t => t.ResearcherId == author.Id).Select(t => t.Topic.DisplayName).OrderBy(n => n).ToListAsync());
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_2022_venue_and_the_source_with_the_same_issn_l_are_one_venue_whichever_comes_first(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        var source = files.Write("source.json", """
            {"id": "https://openalex.org/S9220000002", "display_name": "Journal of Example Studies", "issn_l": "9999-0001",
             "type": "journal", "host_organization_name": "Example Press", "works_count": 40, "updated_date": "2024-01-01"}
            """);
        foreach (var order in new[] { new[] { Fixture, source }, [source, Fixture] })
        {
            using var database = new TemporaryDatabase(provider);
            foreach (var path in order)
            {
                var result = await Verbs.ImportAsync(database, path);
                Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            }

            await using var db = database.CreateContext();
            var venue = await db.Venues.SingleAsync(v => v.IssnL == "9999-0001");
            Assert.Equal(("S9220000002", 40), (venue.OpenAlexId, venue.WorksCount));
            Assert.Equal(venue.Id, await db.Works.Where(w => w.OpenAlexId == "W9220000002").Select(w => w.VenueId).SingleAsync());
            Assert.Equal(2, await db.Venues.CountAsync());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_later_record_with_topics_replaces_the_topics_its_concepts_gave(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        await Verbs.ImportAsync(database, Fixture);
        var current = TestRecords.Work("W9220000001", "Recommending Citations with Example Graphs", updated: "2024-05-01",
            authors: [TestRecords.Author("A9220000001", "Rowan Example")]);
        current["topics"] = new JsonArray(new JsonObject
        {
            ["id"] = "https://openalex.org/T9220000001", ["display_name"] = "Citation Recommendation", ["score"] = 0.99,
            ["field"] = new JsonObject { ["id"] = "https://openalex.org/fields/17", ["display_name"] = "Computer Science" },
        });
        current["concepts"] = new JsonArray(new JsonObject { ["id"] = "https://openalex.org/C9220000102", ["display_name"] = "Citation analysis", ["level"] = 3, ["score"] = 0.4 });

        var result = await Verbs.ImportAsync(database, files.Write("current.json", current.ToJsonString()));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        await using var db = database.CreateContext();
        var work = await db.Works.Include(w => w.Topics).ThenInclude(t => t.Topic).SingleAsync(w => w.OpenAlexId == "W9220000001");
        Assert.Equal("T9220000001", Assert.Single(work.Topics).Topic.OpenAlexId);
        Assert.Equal(0, await db.Topics.Where(t => t.OpenAlexId == "C9220000102").Select(t => t.WorksCount).SingleAsync());
        using var graphs = new GraphService(database.Factory);
        var graph = await graphs.StartAsync($"paper:{work.Id}");
        Assert.Equal(["Citation Recommendation"], graph!.Nodes.Where(n => n.Node.Kind == NodeKind.Topic).Select(n => n.Node.Label));
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Fact]
    public async Task The_page_of_a_2022_work_shows_its_venue_and_topics_and_its_graph_has_topic_nodes()
    {
        using var app = new ExplorerApp();
        app.Start();
        var imported = await Verbs.ImportAsync(app.Database, Fixture);
        Assert.True(imported.ExitCode == ExitCodes.Success, imported.ToString());
        using var client = app.CreateHttpClient();
        await using var db = app.Database.CreateContext();
        var workId = await db.Works.Where(w => w.OpenAlexId == "W9220000001").Select(w => w.Id).SingleAsync();

        var page = await client.GetAsync($"/works/{workId}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Recommending Citations with Example Graphs", html);
        Assert.Contains("arXiv (Cornell University)", html);
        Assert.Contains("Recommender system", html);
        Assert.Contains("Citation analysis", html);
        using var graphs = new GraphService(app.Database.Factory);
        var graph = await graphs.StartAsync($"paper:{workId}");
        Assert.Equal(["Citation analysis", "Recommender system"],
            graph!.Nodes.Where(n => n.Node.Kind == NodeKind.Topic).Select(n => n.Node.Label).Order());
    }
}
