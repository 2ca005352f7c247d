using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BzPeer.Explorer.Tests.Live;

/// <summary>The fetch verb, against the stand-in OpenAlex.</summary>
public sealed class FetchCommandTests : IAsyncLifetime
{
    private OpenAlexStandIn _standIn = null!;
    private readonly TemporaryDatabase _database = new();

    public async Task InitializeAsync() => _standIn = await OpenAlexStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await _standIn.DisposeAsync();
        _database.Dispose();
    }

    private IConfiguration Settings => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["OpenAlex:BaseUrl"] = _standIn.BaseAddress.AbsoluteUri, ["OpenAlex:ApiKey"] = "verb-key", ["OpenAlex:RequestsPerSecond"] = "50",
    }).Build();

    [Fact]
    public async Task Depth_one_stores_a_researcher_with_their_works_and_each_co_author_with_theirs()
    {
        var result = await Verbs.RunAsync(Settings, "fetch", "https://openalex.org/A5009198168", "--depth", "1", "--db", _database.FilePath);

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = result.Summary();
        Assert.StartsWith("imported: ", result.LastLine);
        Assert.Equal(0, summary["skipped"]);
        await using var db = _database.CreateContext();
        var jemal = await db.Researchers.SingleAsync(r => r.OpenAlexId == "A5009198168");
        var coAuthors = await db.CoAuthorPairs.Where(p => p.ResearcherId == jemal.Id)
            .Join(db.Researchers, p => p.CoAuthorId, r => r.Id, (_, r) => r.OpenAlexId).Where(id => id != null).ToListAsync();
        Assert.NotEmpty(coAuthors);
        // Each co-author was read in full (a record of their own, not only a work's mention) and their works listed.
        foreach (var coAuthor in coAuthors)
        {
            Assert.Contains(_standIn.Requests, r => r.PathAndQuery.StartsWith($"/authors/{coAuthor}?", StringComparison.Ordinal));
            Assert.Contains(_standIn.ListCalls, call => call.Contains($"filter=author.id:{coAuthor}&"));
            Assert.True(await db.LiveFetches.AnyAsync(f => f.OpenAlexId == coAuthor && f.NeighbourhoodFetched));
        }
        Assert.Equal(1 + coAuthors.Count, _standIn.ListCalls.Count);
        Assert.True(summary["researchers"] >= coAuthors.Count + 1);
        Assert.True(summary["works"] >= 13);
        Assert.All(_standIn.Requests, r => Assert.Contains("api_key=verb-key", r.PathAndQuery));
    }

    [Fact]
    public async Task Depth_zero_stores_only_the_records_asked_for()
    {
        var result = await Verbs.RunAsync(Settings, "fetch", "A5009198168", "W2741809807", "--depth", "0", "--db", _database.FilePath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, _standIn.Requests.Count);
        Assert.Single(_standIn.ListCalls);
    }

    [Fact]
    public async Task A_record_OpenAlex_has_not_is_skipped_and_counted()
    {
        var result = await Verbs.RunAsync(Settings, "fetch", "W1", "A5009198168", "--depth", "0", "--db", _database.FilePath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Errors, line => line.Contains("skipped works/W1: OpenAlex has no record W1"));
        Assert.Equal(1, result.Summary()["skipped"]);
    }

    [Theory]
    [InlineData("fetch")]
    [InlineData("fetch", "not-an-id")]
    [InlineData("fetch", "A1", "--depth", "3")]
    public async Task Bad_arguments_are_refused_with_a_reason_and_nothing_is_asked(params string[] args)
    {
        var result = await Verbs.RunAsync(Settings, [.. args, "--db", _database.FilePath]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.Errors, line => line.StartsWith("error: fetch: ", StringComparison.Ordinal));
        Assert.Empty(_standIn.Requests);
    }
}
