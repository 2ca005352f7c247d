using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BzPeer.Explorer.Tests.Load;

/// <summary>
/// Many real Blazor circuits on one app, each driven by a <see cref="ProtocolCircuit"/> (the Blazor Server protocol
/// without a browser, so 200 of them cost the client little). Each user opens a researcher profile and its graph's list
/// view, then every <see cref="ThinkTime"/> presses Expand on a person or topic of the list not yet expanded, and opens
/// another profile when the graph is full. An expansion's latency runs from dispatching the click to the render batch
/// that carries the graph's answer ("Added N nodes and M edges around …"): the server and the socket, not a browser's drawing.
/// </summary>
public sealed class CircuitLoad
{
    /// <summary>A person reading the graph between presses: uniformly 2–5 s.</summary>
    private static TimeSpan ThinkTime(Random random) => TimeSpan.FromMilliseconds(random.Next(2000, 5000));

    /// <summary>The Playwright run's rule: a graph with more nodes than this is full, and the user opens another profile.</summary>
    private const int FullGraphNodes = 120;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentBag<(long Started, double Ms)> _expands = [];
    private readonly ConcurrentBag<double> _openMs = [];
    private readonly ConcurrentQueue<string> _errors = new();
    private int _held;

    public IReadOnlyCollection<double> ExpandMs => [.. _expands.Select(e => e.Ms)];

    /// <summary>The latencies of expansions started before <paramref name="timestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public IReadOnlyCollection<double> ExpandMsStartedBefore(long timestamp) => [.. _expands.Where(e => e.Started < timestamp).Select(e => e.Ms)];
    public IReadOnlyCollection<double> OpenMs => _openMs;

    /// <summary>
    /// How late the load client's own thread pool ran a 20 ms timer while browsing, sampled all along: the part of every
    /// latency that is the client's (the stand-in for 1,000 browsers shares the server's cores), not the server's.
    /// </summary>
    public IReadOnlyCollection<double> ClientDelayMs { get; private set; } = [];
    public IReadOnlyCollection<string> Errors => _errors;
    public int CircuitsHeld => _held;

    /// <summary>Opens <paramref name="circuits"/> circuits (a few at a time), then has every one browse until <paramref name="duration"/> is over.</summary>
    public async Task RunAsync(Uri baseAddress, IReadOnlyList<string> slugs, int circuits, TimeSpan duration, Action<string> log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = baseAddress, Timeout = Timeout };
        var open = new ProtocolCircuit?[circuits];
        using (var opening = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, circuits).Select(async i =>
            {
                await opening.WaitAsync();
                try
                {
                    open[i] = await OpenAsync(http, slugs[i % slugs.Count]);
                }
                finally
                {
                    opening.Release();
                }
            }));
        }
        _held = open.Count(c => c is not null);
        log($"load: {_held} of {circuits} circuits open; browsing for {duration.TotalSeconds:0} s");

        _expands.Clear();
        var clock = Stopwatch.StartNew();
        var probe = ClientDelaysAsync(clock, duration);
        var held = await Task.WhenAll(open.Select((circuit, i) => circuit is null ? Task.FromResult(false) : BrowseAsync(http, circuit, i, slugs, clock, duration)));
        _held = held.Count(h => h);
        ClientDelayMs = await probe;
    }

    private async Task<ProtocolCircuit?> OpenAsync(HttpClient http, string slug)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var circuit = await ProtocolCircuit.OpenAsync(http, new Uri(http.BaseAddress!, $"researchers/{slug}"), GraphPage.IsDrawn, _errors, Timeout);
            try
            {
                // This user expands through the list view, as a keyboard or screen reader user does: it opens it first.
                await circuit.DispatchAsync(circuit.Read(GraphPage.ListToggle), "detailstoggle", new JsonObject { ["open"] = true }, dom => GraphPage.ExpandChoices(dom).Any(), Timeout);
            }
            catch
            {
                await circuit.DisposeAsync();
                throw;
            }
            _openMs.Add(clock.Elapsed.TotalMilliseconds);
            return circuit;
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            _errors.Enqueue($"{slug} did not open: {e.Message.Split('\n')[0]}");
            return null;
        }
    }

    private static async Task<List<double>> ClientDelaysAsync(Stopwatch clock, TimeSpan duration)
    {
        var lags = new List<double>();
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(20);
            lags.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds - 20);
        }
        return lags;
    }

    /// <summary>One user; returns whether its circuit is still held at the end.</summary>
    private async Task<bool> BrowseAsync(HttpClient http, ProtocolCircuit circuit, int index, IReadOnlyList<string> slugs, Stopwatch clock, TimeSpan duration)
    {
        var random = new Random(index);
        var next = index;
        var expanded = new HashSet<string>();
        await Task.Delay(random.Next(0, 2000));
        try
        {
            while (clock.Elapsed < duration)
            {
                var choice = circuit.Read(dom => GraphPage.NodeCount(dom) > FullGraphNodes ? null : GraphPage.ExpandChoices(dom).Where(c => !expanded.Contains(c.NodeId)).Take(12).ToList());
                if (choice is { Count: > 0 })
                {
                    var (nodeId, label, handler) = choice[random.Next(choice.Count)];
                    expanded.Add(nodeId);
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await circuit.ClickAsync(handler, dom => GraphPage.AnswersExpansion(dom, label), Timeout);
                        _expands.Add((started, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                        if (circuit.Read(GraphPage.CountMismatch) is { } mismatch) _errors.Enqueue($"circuit {index}: {mismatch}");
                    }
                    catch (TimeoutException)
                    {
                        _errors.Enqueue($"circuit {index}: expanding {nodeId} got no answer in {Timeout.TotalSeconds:0} s (notice: \"{circuit.Read(GraphPage.Notice)}\")");
                    }
                    catch (InvalidOperationException e)
                    {
                        // The connection is gone (the server closed it, or it timed out): this user has lost the page.
                        _errors.Enqueue($"circuit {index}: expanding {nodeId}: {e.Message}");
                        return false;
                    }
                }
                else
                {
                    await circuit.CloseAsync(http);
                    await circuit.DisposeAsync();
                    next += slugs.Count / 7 + 1;
                    expanded.Clear();
                    if (await OpenAsync(http, slugs[next % slugs.Count]) is not { } reopened) return false;
                    circuit = reopened;
                }
                await Task.Delay(ThinkTime(random));
            }
            return true;
        }
        finally
        {
            await circuit.CloseAsync(http);
            await circuit.DisposeAsync();
        }
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }
}

/// <summary>What the load client looks for on a profile page: the graph's nodes, its list view's Expand buttons and its notice.</summary>
public static class GraphPage
{
    public static bool IsDrawn(RenderedDom dom) => NodeCount(dom) > 0 && ListToggle(dom) != 0;

    /// <summary>The list view's open-and-close handler (its rows are rendered only while it is open); 0 before it is drawn.</summary>
    public static ulong ListToggle(RenderedDom dom) =>
        dom.FirstWithClass("graph-list")?.EventHandlers.GetValueOrDefault("ondetailstoggle") ?? 0;

    /// <summary>
    /// The node boxes of the graph's node layer (a node's own HTML is a markup frame, which the client does not parse):
    /// the layer's children, not the whole page, which the client read before and after every expansion.
    /// </summary>
    public static int NodeCount(RenderedDom dom) =>
        dom.FirstWithClass("graph-nodes") is { } layer ? layer.Children.Count(n => n is DomElement e && e.HasClass("diagram-node")) : 0;

    /// <summary>People and topics of the list view, with the label the notice will name and the Expand button's click handler.</summary>
    public static IEnumerable<(string NodeId, string Label, ulong Handler)> ExpandChoices(RenderedDom dom) =>
        from item in dom.FirstWithClass("graph-list")?.Descendants() ?? []
        where item.Name == "li" && item.Attribute("data-list-node") is { } id && (id.StartsWith("person:", StringComparison.Ordinal) || id.StartsWith("topic:", StringComparison.Ordinal))
        let button = item.Descendants().FirstOrDefault(b => b.Name == "button" && b.TextContent().Trim() == "Expand" && b.EventHandlers.ContainsKey("onclick"))
        where button is not null
        select (item.Attribute("data-list-node")!, item.Descendants().FirstOrDefault(a => a.Name == "a")?.TextContent() ?? "", button.EventHandlers["onclick"]);

    /// <summary>Whether the drawn nodes are as many as the toolbar says: a check that the client follows the page's render batches.</summary>
    public static string? CountMismatch(RenderedDom dom)
    {
        var said = dom.FirstWithClass("graph-count")?.Attribute("data-node-count");
        var drawn = NodeCount(dom);
        return said == drawn.ToString(System.Globalization.CultureInfo.InvariantCulture) ? null : $"the toolbar says {said} nodes, {drawn} are drawn";
    }

    public static string Notice(RenderedDom dom) => dom.FirstWithClass("graph-notice")?.TextContent() ?? "";

    /// <summary>The notice names the expanded node, or says the graph is full or the node is gone.</summary>
    public static bool AnswersExpansion(RenderedDom dom, string label)
    {
        var notice = Notice(dom);
        return notice.Contains(label, StringComparison.Ordinal) || notice.StartsWith("The graph holds", StringComparison.Ordinal) || notice.StartsWith("That node", StringComparison.Ordinal);
    }
}
