using System.Diagnostics;
using BzPeer.Explorer.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BzPeer.Explorer.Tests.Live;

/// <summary>Reading records from OpenAlex as a person browses, against a stand-in OpenAlex built from real records.</summary>
public sealed class LiveFetchTests : IAsyncLifetime
{
    // Ahmedin Jemal: 13 of the sample works, with co-authors on each.
    private const string Jemal = "A5009198168";
    private const string JemalOrcid = "0000-0002-0000-4111";
    private OpenAlexStandIn _standIn = null!;

    public async Task InitializeAsync() => _standIn = await OpenAlexStandIn.StartAsync();

    public async Task DisposeAsync() => await _standIn.DisposeAsync();

    [Fact]
    public async Task A_researcher_not_stored_is_fetched_with_their_works_and_co_authors()
    {
        using var live = new LiveServices(_standIn);

        var outcome = await live.Fetcher.FetchAsync(LiveKey.Researcher(JemalOrcid)!, withNeighbourhood: true);

        Assert.Equal(LiveStatus.Stored, outcome.Status);
        Assert.Equal(Jemal, outcome.OpenAlexId);
        Assert.True(outcome.Complete);
        await using var db = live.CreateContext();
        var researcher = await db.Researchers.SingleAsync(r => r.OpenAlexId == Jemal);
        Assert.Equal("Ahmedin Jemal", researcher.DisplayName);
        Assert.Equal(13, await db.Authorships.CountAsync(a => a.ResearcherId == researcher.Id));
        Assert.True(await db.CoAuthorPairs.CountAsync(p => p.ResearcherId == researcher.Id) >= 10);
        Assert.Contains(_standIn.ListCalls, call => call.Contains($"filter=author.id:{Jemal}") && call.Contains("per_page=100") && call.Contains("select="));
    }

    [Fact]
    public async Task Every_request_carries_the_key_and_the_contact_address()
    {
        using var live = new LiveServices(_standIn);

        await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);
        await live.Fetcher.FetchAsync(LiveKey.Work("W2741809807")!, withNeighbourhood: false);
        await live.Fetcher.FetchAsync(LiveKey.Topic("T10556")!, withNeighbourhood: true);

        Assert.True(_standIn.Requests.Count >= 4);
        Assert.All(_standIn.Requests, request =>
        {
            Assert.Contains($"api_key={LiveServices.ApiKey}", request.PathAndQuery);
            Assert.Contains("mailto=tests%40example.org", request.PathAndQuery);
        });
    }

    [Fact]
    public async Task Twenty_concurrent_requesters_never_get_more_than_the_configured_requests_into_any_second()
    {
        const int perSecond = 4;
        // A generous timeout: this measures the pace, and on a loaded machine a slow answer would otherwise be retried.
        using var live = new LiveServices(_standIn, new Dictionary<string, string?>
        {
            ["OpenAlex:RequestsPerSecond"] = $"{perSecond}", ["OpenAlex:Timeout"] = "00:01:00",
        });
        var works = Import.SharedOpenAlex.SampleWorkRecords().Take(20).Select(w => w["id"]!.GetValue<string>()).ToList();

        var outcomes = await Task.WhenAll(works.Select(id => Task.Run(() => live.Fetcher.FetchAsync(LiveKey.Work(id)!, withNeighbourhood: false))));

        Assert.All(outcomes, outcome => Assert.Equal(LiveStatus.Stored, outcome.Status));
        var arrivals = _standIn.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(20, arrivals.Count);
        foreach (var start in arrivals)
            Assert.True(arrivals.Count(at => at >= start && at < start + TimeSpan.FromSeconds(1)) <= perSecond,
                $"more than {perSecond} requests arrived in the second from {start}: {string.Join(", ", arrivals)}");
    }

    [Fact]
    public async Task Concurrent_asks_for_one_record_make_one_request()
    {
        using var live = new LiveServices(_standIn);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true))));

        Assert.All(outcomes, outcome => Assert.True(outcome.HasRecord));
        Assert.Single(_standIn.Requests, r => r.PathAndQuery.StartsWith($"/authors/{Jemal}?", StringComparison.Ordinal));
        Assert.Single(_standIn.ListCalls);
    }

    [Fact]
    public async Task When_the_day_s_budget_is_spent_no_more_list_calls_are_made_and_the_outcome_says_so()
    {
        using var live = new LiveServices(_standIn, new Dictionary<string, string?> { ["OpenAlex:DailyListCalls"] = "1" });

        var first = await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);
        var second = await live.Fetcher.FetchAsync(LiveKey.Researcher("A5047300895")!, withNeighbourhood: true);

        Assert.True(first.Complete);
        // The lookup by id is free, so the researcher is still stored, without their works.
        Assert.Equal(LiveStatus.Stored, second.Status);
        Assert.False(second.Complete);
        Assert.Contains("allowance of OpenAlex list calls (1) is spent", second.Message);
        Assert.Single(_standIn.ListCalls);
        Assert.Equal(0, live.Budget.Remaining);
        await using var db = live.CreateContext();
        Assert.True(await db.Researchers.AnyAsync(r => r.OpenAlexId == "A5047300895"));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(403)]
    [InlineData(503)]
    public async Task A_refusal_is_retried_after_a_pause_and_the_record_still_arrives(int status)
    {
        using var live = new LiveServices(_standIn);
        _standIn.Script("/works/W2741809807", (status, """{"error":"Rate limit exceeded"}"""));

        var outcome = await live.Fetcher.FetchAsync(LiveKey.Work("W2741809807")!, withNeighbourhood: false);

        Assert.Equal(LiveStatus.Stored, outcome.Status);
        var asks = _standIn.Requests.Where(r => r.PathAndQuery.StartsWith("/works/W2741809807?", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, asks.Count);
        Assert.True(asks[1].At - asks[0].At >= TimeSpan.FromMilliseconds(400), $"the retry waited before asking again ({asks[1].At - asks[0].At})");
    }

    [Fact]
    public async Task A_merged_id_is_followed_to_the_surviving_record_and_kept_as_leading_to_it()
    {
        using var live = new LiveServices(_standIn);
        _standIn.Merge("A1000000001", Jemal);

        var outcome = await live.Fetcher.FetchAsync(LiveKey.Researcher("A1000000001")!, withNeighbourhood: false);

        Assert.Equal(LiveStatus.Stored, outcome.Status);
        Assert.Equal(Jemal, outcome.OpenAlexId);
        await using var db = live.CreateContext();
        Assert.Equal(Jemal, (await db.MergedIds.SingleAsync(m => m.OpenAlexId == "A1000000001")).MergedIntoId);
        Assert.False(await db.Researchers.AnyAsync(r => r.OpenAlexId == "A1000000001"));
        Assert.Contains(_standIn.Requests, r => r.PathAndQuery.StartsWith($"/authors/{Jemal}?api_key=", StringComparison.Ordinal));

        var again = await live.Fetcher.FetchAsync(LiveKey.Researcher("A1000000001")!, withNeighbourhood: false);
        Assert.Equal(LiveStatus.Fresh, again.Status);
        Assert.Equal(Jemal, again.OpenAlexId);
    }

    [Fact]
    public async Task A_malformed_answer_is_reported_and_nothing_of_it_is_stored()
    {
        using var live = new LiveServices(_standIn);
        var work = _standIn.Record("W2741809807");
        work["publication_year"] = "two thousand";
        _standIn.Script("/works", (200, $$"""{"meta":{"count":1},"results":[{{work.ToJsonString()}}]}"""));
        _standIn.Script("/works/W2105824687", (200, """{"id":"https://openalex.org/W2105824687","title":"cut off"""));

        var researcher = await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);
        var truncated = await live.Fetcher.FetchAsync(LiveKey.Work("W2105824687")!, withNeighbourhood: false);

        Assert.Equal(LiveStatus.BadAnswer, researcher.Status);
        Assert.Contains("'publication_year' is not a number", researcher.Message);
        Assert.Equal(LiveStatus.BadAnswer, truncated.Status);
        Assert.Contains("not valid JSON", truncated.Message);
        await using var db = live.CreateContext();
        Assert.False(await db.Researchers.AnyAsync());
        Assert.False(await db.Works.AnyAsync());
        Assert.False(await db.LiveFetches.AnyAsync());
    }

    [Fact]
    public async Task OpenAlex_refusing_connections_is_reported_within_seconds()
    {
        var closedPort = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closedPort.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)closedPort.LocalEndpoint).Port}";
        closedPort.Stop();
        using var live = new LiveServices(address);
        var clock = Stopwatch.StartNew();

        var outcome = await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);

        Assert.Equal(LiveStatus.Unavailable, outcome.Status);
        Assert.Contains("OpenAlex cannot be reached", outcome.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task OpenAlex_hanging_is_reported_within_ten_seconds()
    {
        using var live = new LiveServices(_standIn);
        _standIn.Hang();
        var clock = Stopwatch.StartNew();

        var outcome = await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);

        Assert.Equal(LiveStatus.Unavailable, outcome.Status);
        Assert.Contains("did not answer", outcome.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_record_is_asked_for_again_only_once_the_freshness_window_has_passed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var live = new LiveServices(_standIn, new Dictionary<string, string?> { ["OpenAlex:RefreshAfter"] = "7.00:00:00" }, time);
        var key = LiveKey.Work("W2741809807")!;
        int Asks() => _standIn.Requests.Count(r => r.PathAndQuery.StartsWith("/works/W2741809807?", StringComparison.Ordinal));

        Assert.Equal(LiveStatus.Stored, (await live.Fetcher.FetchAsync(key, false)).Status);
        time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(LiveStatus.Fresh, (await live.Fetcher.FetchAsync(key, false)).Status);
        Assert.Equal(1, Asks());

        time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(LiveStatus.Stored, (await live.Fetcher.FetchAsync(key, false)).Status);
        Assert.Equal(2, Asks());
        await using var db = live.CreateContext();
        Assert.Equal(time.GetUtcNow().UtcDateTime, (await db.LiveFetches.SingleAsync()).FetchedAt);
    }

    [Fact]
    public async Task With_OpenAlex_switched_off_nothing_is_asked()
    {
        using var live = new LiveServices(_standIn, new Dictionary<string, string?> { ["OpenAlex:Enabled"] = "false" });

        var outcome = await live.Fetcher.FetchAsync(LiveKey.Researcher(Jemal)!, withNeighbourhood: true);

        Assert.Equal(LiveStatus.Disabled, outcome.Status);
        Assert.Empty(_standIn.Requests);
    }
}
