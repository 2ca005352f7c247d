using System.Diagnostics;
using System.Globalization;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Tests.Faults;
using BzPeer.Explorer.Tests.Import;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BzPeer.Explorer.Tests.Load;

/// <summary>
/// The load run: real Blazor circuits (<see cref="ProtocolCircuit"/>) against one app process, which runs as its own
/// process so its CPU and memory are its own. Out of the default run; start it on purpose (see docs/benchmarks.md, "Load").
/// BZPEER_LOAD_DB is opened read-only (without it: the demo data); BZPEER_LOAD_CIRCUITS (200) and BZPEER_LOAD_SECONDS (60)
/// change the run. Figures are printed as lines starting "load:".
/// </summary>
[Trait("Category", "Load")]
public sealed class LoadTests(ITestOutputHelper output)
{
    /// <summary>
    /// Has the app log each expansion's own time (GraphView, at Debug), which the report reads back from its log, and
    /// send a circuit's exceptions to the client in full, so that an error line says what went wrong.
    /// </summary>
    private static readonly Dictionary<string, string> ServerSettings = new()
    {
        ["Logging__LogLevel__BzPeer.Explorer.Graph.View.GraphView"] = "Debug",
        ["ASPNETCORE_DETAILEDERRORS"] = "true",
    };

    private static readonly System.Text.RegularExpressions.Regex ServerExpandLine = new(@"Expanded \S+ in ([0-9.]+) ms:");

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    [Fact]
    public Task Two_hundred_circuits_open_profiles_and_expand_nodes_with_no_errors_and_p95_expand_within_300_ms() =>
        CircuitsBrowseAsync(Setting("BZPEER_LOAD_CIRCUITS", 200));

    [Fact]
    public Task One_thousand_circuits_open_profiles_and_expand_nodes_with_no_errors_and_p95_expand_within_300_ms() =>
        CircuitsBrowseAsync(1000);

    private async Task CircuitsBrowseAsync(int circuits)
    {
        var seconds = Setting("BZPEER_LOAD_SECONDS", 60);
        var database = Environment.GetEnvironmentVariable("BZPEER_LOAD_DB");
        using var demo = new TemporaryDatabase();
        string connection;
        if (string.IsNullOrEmpty(database))
        {
            await demo.InitializeAsync();
            connection = demo.FilePath;
        }
        else connection = $"{database};Mode=ReadOnly";
        var slugs = ProfilesToOpen(string.IsNullOrEmpty(database) ? demo.FilePath : database, count: Math.Max(circuits, 50));

        using var app = await AppProcess.StartAsync(AppProcess.FreePort(), connection, ServerSettings);
        var (load, server) = await RunAsync(app, slugs, circuits, seconds);

        Report("circuits", app, $"database={(string.IsNullOrEmpty(database) ? "demo" : database)} wanted={circuits} held={load.CircuitsHeld} seconds={seconds}", load, server, seconds);
        Assert.True(load.Errors.Count == 0, $"{load.Errors.Count} error(s), first: {string.Join(" | ", load.Errors.Take(5))}");
        Assert.Equal(circuits, load.CircuitsHeld);
        var p95 = CircuitLoad.Percentile(load.ExpandMs, 95);
        Assert.True(p95 <= 300, $"p95 expand {p95:0} ms > 300 ms");
    }

    [Fact]
    public async Task Fifty_circuits_browse_while_an_import_writes_to_the_same_database_and_nobody_sees_an_error()
    {
        var seconds = Setting("BZPEER_LOAD_SECONDS", 60);
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();
        var slugs = ProfilesToOpen(database.FilePath, count: 50);
        using var files = new TemporaryFiles();
        // About 25 copies (2,500 works) per second of browsing: an import of 60 s of browsing takes most of the minute.
        var input = LargeImportInput.Write(files, copies: seconds * 25);

        using var app = await AppProcess.StartAsync(AppProcess.FreePort(), database.FilePath, ServerSettings);
        ImportProcess? import = null;
        Task<(int Exit, long EndedAt)>? importRun = null;
        try
        {
            var (load, server) = await RunAsync(app, slugs, circuits: 50, seconds, onBrowsing: () =>
            {
                import = ImportProcess.Start(database.FilePath, [SharedOpenAlex.SampleWorks, input]);
                importRun = EndOfAsync(import);
            });
            Assert.NotNull(import);
            var (importExit, importEndedAt) = await importRun!;
            var duringImport = load.ExpandMsStartedBefore(importEndedAt);

            Report("browse-during-import", app, $"circuits=50 held={load.CircuitsHeld} seconds={seconds} import_exit={importExit} import: {import.Output.Split('\n').LastOrDefault(l => l.StartsWith("took", StringComparison.Ordinal))}", load, server, seconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load: expand-during-import n={duringImport.Count} p50_ms={CircuitLoad.Percentile(duringImport, 50):0} p95_ms={CircuitLoad.Percentile(duringImport, 95):0} p99_ms={CircuitLoad.Percentile(duringImport, 99):0} max_ms={(duringImport.Count == 0 ? 0 : duringImport.Max()):0} (expansions started before the import ended)"));
            Assert.True(importExit == 0, import.Output);
            Assert.True(load.Errors.Count == 0, $"{load.Errors.Count} error(s), first: {string.Join(" | ", load.Errors.Take(5))}");
            Assert.Equal(50, load.CircuitsHeld);
            Assert.NotEmpty(duringImport);
        }
        finally
        {
            import?.Dispose();
        }
    }

    /// <summary>The import's exit code, and the <see cref="Stopwatch.GetTimestamp"/> at which it was seen to end.</summary>
    private static async Task<(int Exit, long EndedAt)> EndOfAsync(ImportProcess import)
    {
        var exit = await import.WaitAsync(TimeSpan.FromMinutes(10));
        return (exit, Stopwatch.GetTimestamp());
    }

    /// <param name="onBrowsing">Runs once every circuit is open, as the browsing starts.</param>
    private async Task<(CircuitLoad Load, ServerFigures Server)> RunAsync(AppProcess app, IReadOnlyList<string> slugs, int circuits, int seconds, Action? onBrowsing = null)
    {
        var load = new CircuitLoad();
        using var sampler = new ServerSampler(app.Process);
        var clock = Stopwatch.StartNew();
        var client = Process.GetCurrentProcess();
        var clientCpu = TimeSpan.Zero;
        var browsing = Stopwatch.StartNew();
        // On the thread pool: xUnit's synchronisation context runs continuations on as many threads as there are cores,
        // and 200 circuits' continuations queued there would be counted as the server's latency.
        var hold = Setting("BZPEER_LOAD_HOLD_SECONDS", 0);
        await Task.Run(() => load.RunAsync(new Uri($"{app.BaseAddress}"), slugs, circuits, TimeSpan.FromSeconds(seconds), line =>
        {
            output.WriteLine(line);
            if (hold > 0)
            {
                // Time to look at the server with every circuit open and idle (dotnet-gcdump collect -p <pid>).
                output.WriteLine($"load: holding {hold} s before browsing; server pid={app.Process.Id}");
                Thread.Sleep(TimeSpan.FromSeconds(hold));
            }
            sampler.StartMeasuring();
            onBrowsing?.Invoke();
            clientCpu = client.TotalProcessorTime;
            browsing.Restart();
        }));
        var server = sampler.Stop();
        client.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: whole run {clock.Elapsed.TotalSeconds:0} s; load client cpu_avg={(client.TotalProcessorTime - clientCpu).TotalSeconds / browsing.Elapsed.TotalSeconds * 100:0}% of one core while browsing"));
        return (load, server);
    }

    private void Report(string name, AppProcess app, string what, CircuitLoad load, ServerFigures server, int seconds)
    {
        var expands = load.ExpandMs;
        var serverExpands = ServerExpandLine.Matches(app.Log).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        output.WriteLine($"load: {name} {what}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: expand n={expands.Count} per_s={expands.Count / (double)seconds:0.0} p50_ms={CircuitLoad.Percentile(expands, 50):0} p95_ms={CircuitLoad.Percentile(expands, 95):0} p99_ms={CircuitLoad.Percentile(expands, 99):0} max_ms={(expands.Count == 0 ? 0 : expands.Max()):0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: open-profile n={load.OpenMs.Count} p50_ms={CircuitLoad.Percentile(load.OpenMs, 50):0} p95_ms={CircuitLoad.Percentile(load.OpenMs, 95):0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: expand-server-side n={serverExpands.Count} p50_ms={CircuitLoad.Percentile(serverExpands, 50):0.0} p95_ms={CircuitLoad.Percentile(serverExpands, 95):0.0} p99_ms={CircuitLoad.Percentile(serverExpands, 99):0.0} (read, merge, lay out, update the drawing's model)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: render-batches n={ProtocolCircuit.RenderBatches} mean_kb={ProtocolCircuit.RenderBatchBytes / 1024.0 / Math.Max(1, ProtocolCircuit.RenderBatches):0.0} total_mb={ProtocolCircuit.RenderBatchBytes / 1024.0 / 1024:0} (the whole run, opening included)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: client-delay n={load.ClientDelayMs.Count} p50_ms={CircuitLoad.Percentile(load.ClientDelayMs, 50):0.0} p95_ms={CircuitLoad.Percentile(load.ClientDelayMs, 95):0.0} p99_ms={CircuitLoad.Percentile(load.ClientDelayMs, 99):0.0} (the load client's own lateness: a 20 ms timer on its thread pool)"));
        output.WriteLine($"load: js-calls {string.Join(" ", ProtocolCircuit.JsCalls.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}");
        output.WriteLine($"load: errors={load.Errors.Count}{(load.Errors.Count > 0 ? " first: " + string.Join(" | ", load.Errors.Distinct().Take(5)) : "")}");
        // A circuit the server shut down tells the client no more than that: the server's log says why.
        if (load.Errors.Count > 0)
            foreach (var line in ServerFailures(app.Log).Take(12)) output.WriteLine($"load: server log: {line}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: server cpu_avg={server.CpuAverage:0}% of one core (2 cores = 200%) rss_peak_mb={server.PeakMb:0} rss_end_mb={server.EndMb:0} threads_peak={server.PeakThreads}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: memory rss_idle_mb={server.IdleMb:0} rss_open_mb={server.OpenMb:0} per_open_circuit_kb={(server.OpenMb - server.IdleMb) * 1024 / Math.Max(1, load.CircuitsHeld):0} per_circuit_at_peak_kb={(server.PeakMb - server.IdleMb) * 1024 / Math.Max(1, load.CircuitsHeld):0} (idle: started, before the first circuit; open: every circuit open, before browsing)"));
    }

    /// <summary>The app's error entries ("fail:" and the lines of its message and stack that follow).</summary>
    private static IEnumerable<string> ServerFailures(string log)
    {
        var lines = log.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].StartsWith("fail:", StringComparison.Ordinal))
                foreach (var line in lines.Skip(i).Take(4)) yield return line.TrimEnd();
    }

    /// <summary>Researchers with a few works, spread over the database, found by id ranges so a 1,000,000-work database answers at once.</summary>
    private static List<string> ProfilesToOpen(string file, int count)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var max = connection.CreateCommand();
        max.CommandText = "SELECT MAX(Id) FROM Researchers";
        var top = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        var slugs = new List<string>();
        var random = new Random(7);
        for (var tries = 0; slugs.Count < count && tries < count * 50; tries++)
        {
            using var pick = connection.CreateCommand();
            pick.CommandText = "SELECT Slug FROM Researchers WHERE Id >= $from AND WorksCount >= 2 ORDER BY Id LIMIT 1";
            pick.Parameters.AddWithValue("$from", random.NextInt64(1, top + 1));
            if (pick.ExecuteScalar() is string slug && !slugs.Contains(slug)) slugs.Add(slug);
        }
        return slugs;
    }
}

/// <param name="IdleMb">The server's resident memory before the first circuit opened.</param>
/// <param name="OpenMb">Its resident memory with every circuit open, before the browsing starts.</param>
public sealed record ServerFigures(double CpuAverage, double PeakMb, double EndMb, int PeakThreads, double IdleMb, double OpenMb);

/// <summary>Samples the server process once a second from the moment the circuits are open.</summary>
public sealed class ServerSampler : IDisposable
{
    private readonly Process _process;
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private TimeSpan _cpuAtStart;
    private Stopwatch? _clock;
    private double _peakMb;
    private int _peakThreads;
    private readonly double _idleMb;
    private double _openMb;

    public ServerSampler(Process process)
    {
        _process = process;
        _process.Refresh();
        _idleMb = _process.WorkingSet64 / 1024.0 / 1024.0;
        _timer = new Timer(_ => Sample(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void StartMeasuring()
    {
        lock (_lock)
        {
            _process.Refresh();
            _cpuAtStart = _process.TotalProcessorTime;
            _openMb = _process.WorkingSet64 / 1024.0 / 1024.0;
            _clock = Stopwatch.StartNew();
        }
    }

    private void Sample()
    {
        lock (_lock)
        {
            if (_process.HasExited) return;
            _process.Refresh();
            _peakMb = Math.Max(_peakMb, _process.WorkingSet64 / 1024.0 / 1024.0);
            _peakThreads = Math.Max(_peakThreads, _process.Threads.Count);
        }
    }

    public ServerFigures Stop()
    {
        _timer.Dispose();
        lock (_lock)
        {
            _process.Refresh();
            var elapsed = _clock?.Elapsed.TotalSeconds ?? 1;
            var cpu = (_process.TotalProcessorTime - _cpuAtStart).TotalSeconds / elapsed * 100;
            return new ServerFigures(cpu, Math.Max(_peakMb, _process.WorkingSet64 / 1024.0 / 1024.0), _process.WorkingSet64 / 1024.0 / 1024.0, _peakThreads, _idleMb, _openMb);
        }
    }

    public void Dispose() => _timer.Dispose();
}
