using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Graph;
using BzPeer.Explorer.Search;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Benchmarks;

/// <summary>
/// <c>bench [--db FILE] [--iterations N] [--warmup SECONDS] [--only OPERATION]</c>: measures the operations the performance budget names on a database,
/// with ids sampled from that database (its most connected records and ordinary ones alike), after a warm-up,
/// and prints one line per operation: <c>bench: op n=… p50_ms=… p95_ms=… p99_ms=… max_ms=…</c>.
/// </summary>
public sealed class BenchCommand : IVerb
{
    /// <summary>How many times each operation is timed, how long the runtime must have compiled nothing before (see <see cref="TimeAsync"/>), and where the lines go.</summary>
    private sealed record Runs(int Iterations, TimeSpan WarmUp, CommandOutput Output, int Slowest = 0);

    public const string Verb = "bench";

    public string Details => """
        Measures graph slices, expansion (with layout), search suggestions and the researcher page's server
        render on a database, and prints p50/p95/p99/max per operation. Run it on a Release build:
          dotnet run -c Release --project BzPeer.Explorer -- bench --db data/bench-1m.db

        Exit code: 0 when measured; 64 for bad arguments; 1 when there is no such database or it cannot be used.
        """;

    private readonly Option<string> _db = VerbDatabase.CreateOption(
        "the SQLite file to measure (default: the configured Database:Provider and ConnectionStrings:Explorer, as the app " +
        "uses them; PostgreSQL is measured so)");
    private readonly Option<int> _iterations = VerbOptions.WholeNumber("--iterations", "N", "measured runs per operation (default 200)",
        least: 1, most: int.MaxValue, defaultValue: 200);
    private readonly Option<double> _warmUp = new("--warmup")
    {
        HelpName = "SECONDS",
        Description = "each operation runs untimed until the runtime has compiled nothing for this long (default 1), so that " +
                      "the hot code runs optimised, as in a server that has been up a while",
        DefaultValueFactory = _ => 1,
    };
    private readonly Option<string> _only = new("--only") { HelpName = "OPERATION", Description = "measure one operation (e.g. search-suggest) instead of all" };
    private readonly Option<int> _slowest = VerbOptions.WholeNumber("--slowest", "N",
        "also print the N sampled inputs (ids, typed text) slowest at their median, to find what makes the tail (default 0)",
        least: 0, most: 1000, defaultValue: 0);

    public BenchCommand()
    {
        _warmUp.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or double.NaN) result.AddError("--warmup takes seconds, 0 or more");
        });
        Command = new Command(Verb, "Measures the operations the performance budget names and prints p50/p95/p99/max for each.") { _db, _iterations, _warmUp, _only, _slowest };
    }

    public Command Command { get; }

    /// <summary>What is stored is measured, never the network.</summary>
    public IReadOnlyDictionary<string, string?> Settings(ParseResult parse) =>
        new Dictionary<string, string?> { ["OpenAlex:Enabled"] = "false" };

    public async Task<int> RunAsync(ParseResult parse, VerbRun run, CancellationToken cancellationToken)
    {
        if (parse.GetValue(_db) is { } dbFile && !File.Exists(InvocationDirectory.Full(dbFile)))
            throw new VerbFailure($"{Verb}: no database file at {InvocationDirectory.Full(dbFile)}");
        var only = parse.GetValue(_only);
        var (factory, _) = await run.Database.OpenAsync(cancellationToken);
        var location = run.Database.Location;
        var sample = await BenchSample.LoadAsync(factory);
        var graphs = run.Services.GetRequiredService<GraphService>();
        var search = run.Services.GetRequiredService<SearchService>();

        var runs = new Runs(parse.GetValue(_iterations), TimeSpan.FromSeconds(parse.GetValue(_warmUp)), run.Output, parse.GetValue(_slowest));
        bool Wanted(string operation) => only is null || only == operation;
        // A slice is what the server reads for a focus (its groups and the edges among them); "first-view" adds the
        // layout, i.e. everything the server does before a profile's graph can be drawn.
        if (Wanted("slice-person")) await MeasureAsync("slice-person", runs, sample.People, id => graphs.ReadSliceAsync(id));
        if (Wanted("slice-paper")) await MeasureAsync("slice-paper", runs, sample.Papers, id => graphs.ReadSliceAsync(id));
        if (Wanted("slice-topic")) await MeasureAsync("slice-topic", runs, sample.Topics, id => graphs.ReadSliceAsync(id));
        if (Wanted("slice-institution")) await MeasureAsync("slice-institution", runs, sample.Institutions, id => graphs.ReadSliceAsync(id));
        if (Wanted("first-view")) await MeasureAsync("first-view", runs, sample.People, id => graphs.StartAsync(id));
        if (Wanted("expand")) await MeasureExpandAsync(graphs, sample, runs);
        if (Wanted("layout-300")) await MeasureLayoutAsync(runs);
        if (Wanted("search-suggest")) await MeasureAsync("search-suggest", runs, sample.SearchPrefixes, text => search.SuggestAsync(text));
        if (Wanted("page-researcher")) await MeasurePageAsync(location, sample, runs);
        await PrintDatabaseAsync(factory, location, run.Output);
        return ExitCodes.Success;
    }

    private static async Task MeasureAsync<T>(string operation, Runs runs, IReadOnlyList<string> inputs, Func<string, Task<T>> run)
    {
        if (inputs.Count == 0)
        {
            runs.Output.Line($"bench: {operation} skipped: nothing to sample");
            return;
        }
        var byInput = inputs.Distinct().ToDictionary(input => input, _ => new List<double>());
        await TimeAsync(operation, runs, async i =>
        {
            var input = inputs[i % inputs.Count];
            var clock = Stopwatch.StartNew();
            await run(input);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            byInput[input].Add(elapsed);
            return elapsed;
        });
        foreach (var (input, times) in byInput.Select(p => (p.Key, p.Value.Order().ToList())).OrderByDescending(p => p.Item2[p.Item2.Count / 2]).Take(runs.Slowest))
            runs.Output.Line(FormattableString.Invariant($"bench: {operation} slowest median_ms={times[times.Count / 2]:0.###} input=\"{input}\""));
    }

    /// <summary>
    /// Runs <paramref name="timeOne"/> (which times one call and returns its milliseconds) until warm, then as many times
    /// as <paramref name="runs"/> says, and prints the figures. The runtime compiles hot code again, optimised, in the
    /// background once it has run a while (tiered compilation), which on two cores takes seconds; timing before that
    /// measures the compiler, not the server people meet. Warm means at least 20 calls and no method compiled for the
    /// warm-up time (at most a minute).
    /// </summary>
    private static async Task TimeAsync(string operation, Runs runs, Func<int, Task<double>> timeOne, string extra = "")
    {
        var warming = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = TimeSpan.Zero;
        var call = 0;
        while (call < 20 || (warming.Elapsed - quietSince < runs.WarmUp && warming.Elapsed < TimeSpan.FromMinutes(1)))
        {
            await timeOne(call++);
            if (JitInfo.GetCompiledMethodCount() is var now && now != compiled) (compiled, quietSince) = (now, warming.Elapsed);
        }
        var times = new List<double>(runs.Iterations);
        var (collections, paused, allocated) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        for (var i = 0; i < runs.Iterations; i++) times.Add(await timeOne(call++));
        // The collector's share: what each operation's allocations cost shows here, not in its own frames. Allocated
        // bytes do not depend on the machine's pace, so they compare builds where timings are too noisy to.
        var perCall = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / runs.Iterations;
        var gc = FormattableString.Invariant($" gcs={GC.CollectionCount(0) - collections} gc_pause_ms={(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} alloc_kb={perCall:0.#}");
        Print(operation, times, runs.Output, extra + gc);
    }

    /// <summary>Grows a hub's graph to ~150 nodes, then times expanding one more node (queries and layout), undoing after each.</summary>
    private static async Task MeasureExpandAsync(GraphService graphs, BenchSample sample, Runs runs)
    {
        var graph = await graphs.StartAsync(sample.People[0]);
        if (graph is null) return;
        // Grow it the way a person would: expanding people, then papers and topics, until ~150 nodes are drawn.
        foreach (var kind in new[] { NodeKind.Person, NodeKind.Paper, NodeKind.Topic })
        {
            foreach (var placed in graph.Nodes.Where(n => n.Node.Kind == kind && n.Node.Id != graph.FocusId).ToList())
            {
                if (graph.NodeCount >= 150) break;
                await graphs.ExpandAsync(graph, placed.Node.Id);
            }
        }
        var candidates = graph.Nodes.Where(n => n.Node.Kind is NodeKind.Person or NodeKind.Paper or NodeKind.Topic && n.Node.Id != graph.FocusId)
            .Select(n => n.Node.Id).Where(id => !graph.ExpandedNodeIds.Contains(id)).ToList();
        await TimeAsync("expand", runs, async i =>
        {
            var clock = Stopwatch.StartNew();
            var result = await graphs.ExpandAsync(graph, candidates[i % candidates.Count]);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (result.Outcome == ExpandOutcome.Expanded) graph.Undo();
            return elapsed;
        }, $" graph_nodes={graph.NodeCount}");
    }

    /// <summary>The layout alone: 300 new nodes around one, as a full explorer holds at most.</summary>
    private static Task MeasureLayoutAsync(Runs runs)
    {
        var nodes = Enumerable.Range(0, 300).Select(i => new GraphNode($"person:n{i}", (NodeKind)(i % 4), i, $"Node {i}", null)).ToList();
        var edges = nodes.Skip(1).Select((n, i) => GraphEdge.Create(nodes[i / 3].Id, n.Id, EdgeKind.CoAuthor)).ToList();
        var placed = new Dictionary<string, Point2> { [nodes[0].Id] = new(0, 0) };
        return TimeAsync("layout-300", runs, _ =>
        {
            var clock = Stopwatch.StartNew();
            GraphLayout.PlaceNew(placed, nodes.Skip(1).ToList(), edges, nodes[0].Id);
            return Task.FromResult(clock.Elapsed.TotalMilliseconds);
        });
    }

    /// <summary>The researcher page's HTML through the real app (routing, components, queries, prerender) on a loopback port.</summary>
    private static async Task MeasurePageAsync(DatabaseLocation location, BenchSample sample, Runs runs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:Explorer"] = location.ConnectionString;
        builder.Configuration[ExplorerDatabase.ProviderSetting] = location.Provider.ToString();
        builder.Configuration["App:PublicUrl"] = "http://127.0.0.1/";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddExplorer();
        await using var app = builder.Build();
        app.UseExplorer();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var slugs = sample.People.Select(id => id["person:".Length..]).ToList();
        await MeasureAsync("page-researcher", runs, slugs, async slug =>
        {
            using var response = await client.GetAsync($"/researchers/{slug}");
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync();
        });
        await app.StopAsync();
    }

    private static async Task PrintDatabaseAsync(IDbContextFactory<ExplorerDbContext> factory, DatabaseLocation location, CommandOutput output)
    {
        await using var db = await factory.CreateDbContextAsync();
        var works = await db.Works.CountAsync();
        var researchers = await db.Researchers.CountAsync();
        long size;
        if (location.Provider == DatabaseProvider.Postgres)
        {
            size = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
        }
        else
        {
            var file = new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;
            size = new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
        }
        output.Line(FormattableString.Invariant($"bench: db works={works} researchers={researchers} size_mb={size / 1048576.0:0}"));
    }

    private static void Print(string operation, List<double> times, CommandOutput output, string extra = "")
    {
        times.Sort();
        double At(double quantile) => times[Math.Clamp((int)Math.Ceiling(quantile * times.Count) - 1, 0, times.Count - 1)];
        output.Line(FormattableString.Invariant(
            $"bench: {operation} n={times.Count} p50_ms={At(0.50):0.###} p95_ms={At(0.95):0.###} p99_ms={At(0.99):0.###} max_ms={times[^1]:0.###}{extra}"));
    }
}
