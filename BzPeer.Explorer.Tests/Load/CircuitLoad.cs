using System.Collections.Concurrent;
using System.Diagnostics;
using BzPeer.Explorer.Tests.Browser;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Load;

/// <summary>
/// Many real Blazor circuits on one app: Chromium pages spread over a few browser processes, each opening researcher
/// profiles and expanding nodes of the profile's graph from its list view (plain buttons, so the page script can press
/// them without pointer round trips) until its time is up. The expand latency is measured in the page, from the press to
/// the graph's answer ("Added N node(s) around …") being on screen, so it includes the server, the WebSocket and the DOM.
/// </summary>
public sealed class CircuitLoad
{
    /// <summary>Notes when each message from the server arrives, so an expansion's time can be split into the server's answer and drawing it.</summary>
    private const string RecordMessages = """
        (() => {
            window.__messages = [];
            const Original = window.WebSocket;
            window.WebSocket = function (...args) {
                const socket = new Original(...args);
                socket.addEventListener('message', () => { window.__messages.push(performance.now()); if (window.__messages.length > 200) window.__messages.splice(0, 100); });
                return socket;
            };
            window.WebSocket.prototype = Original.prototype;
            Object.assign(window.WebSocket, Original);
        })();
        """;

    /// <summary>Presses Expand on a person or topic not yet expanded and resolves with the milliseconds to the answer, or a reason it failed.</summary>
    private const string ExpandOnce = """
        async () => {
            window.__expanded ??= new Set();
            const items = [...document.querySelectorAll('li[data-list-node^="person:"], li[data-list-node^="topic:"]')]
                .filter(li => !window.__expanded.has(li.dataset.listNode));
            if (items.length === 0 || document.querySelectorAll('.graph-node[data-node-id]').length > 120) return JSON.stringify({ ms: -1, note: 'full' });
            const item = items[Math.floor(Math.random() * Math.min(items.length, 12))];
            window.__expanded.add(item.dataset.listNode);
            const label = item.querySelector('a')?.textContent ?? '';
            const button = [...item.querySelectorAll('button')].find(b => b.textContent.trim() === 'Expand');
            if (!button) return JSON.stringify({ ms: -1, note: 'no button' });
            const answered = () => {
                const notice = document.querySelector('.graph-notice')?.textContent ?? '';
                return notice.includes(label) || notice.startsWith('The graph holds') || notice.startsWith('That node');
            };
            const t0 = performance.now();
            button.click();
            return await new Promise(resolve => {
                const timer = setTimeout(() => { observer.disconnect(); resolve(JSON.stringify({ ms: -2, note: 'timeout' })); }, 15000);
                const observer = new MutationObserver(() => {
                    if (!answered()) return;
                    const done = performance.now();
                    const received = (window.__messages ?? []).filter(t => t > t0 && t <= done);
                    clearTimeout(timer);
                    observer.disconnect();
                    resolve(JSON.stringify({ ms: done - t0, answerMs: received.length ? received[received.length - 1] - t0 : -1, note: '' }));
                });
                observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            });
        }
        """;

    private readonly ConcurrentBag<double> _expandMs = [];
    private readonly ConcurrentBag<double> _answerMs = [];
    private readonly ConcurrentBag<double> _openMs = [];
    private readonly ConcurrentQueue<string> _errors = new();
    private int _held;

    public IReadOnlyCollection<double> ExpandMs => _expandMs;

    /// <summary>Press to the arrival of the server's last message before the answer was drawn: the server's and the socket's share.</summary>
    public IReadOnlyCollection<double> AnswerMs => _answerMs;
    public IReadOnlyCollection<double> OpenMs => _openMs;
    public IReadOnlyCollection<string> Errors => _errors;
    public int CircuitsHeld => _held;
    public int CircuitsWanted { get; private set; }

    /// <summary>Opens <paramref name="circuits"/> pages (a few at a time), then has every one of them browse until <paramref name="duration"/> is over.</summary>
    public async Task RunAsync(Uri baseAddress, IReadOnlyList<string> slugs, int circuits, int browsers, TimeSpan duration, Action<string> log)
    {
        CircuitsWanted = circuits;
        // Each page is its own circuit; pages share a context per browser so that they can share renderer processes,
        // which the limit below caps: a process per page would need ~300 MB each.
        var sessions = new List<BrowserSession>();
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < browsers; i++)
        {
            var session = await BrowserSession.StartAsync(baseAddress, ["--renderer-process-limit=4"]);
            sessions.Add(session);
            var context = await session.NewContextAsync();
            await context.AddInitScriptAsync(RecordMessages);
            contexts.Add(context);
        }
        try
        {
            var pages = new IPage?[circuits];
            using (var opening = new SemaphoreSlim(6))
            {
                await Task.WhenAll(Enumerable.Range(0, circuits).Select(async i =>
                {
                    await opening.WaitAsync();
                    try
                    {
                        var page = await contexts[i % browsers].NewPageAsync();
                        page.PageError += (_, e) => _errors.Enqueue($"page error: {e}");
                        page.Console += (_, m) => { if (m.Type == "error") _errors.Enqueue($"console: {m.Text}"); };
                        await OpenAsync(page, slugs[i % slugs.Count]);
                        pages[i] = page;
                        Interlocked.Increment(ref _held);
                    }
                    catch (Exception e) when (e is PlaywrightException or TimeoutException)
                    {
                        _errors.Enqueue($"circuit {i} did not open: {e.Message.Split('\n')[0]}");
                    }
                    finally
                    {
                        opening.Release();
                    }
                }));
            }
            log($"load: {_held} of {circuits} circuits open; browsing for {duration.TotalSeconds:0} s");

            _expandMs.Clear();
            _answerMs.Clear();
            var stopAt = Stopwatch.StartNew();
            await Task.WhenAll(pages.Select((page, i) => page is null ? Task.CompletedTask : BrowseAsync(page, i, slugs, stopAt, duration)));
            var stillHeld = 0;
            foreach (var page in pages.Where(p => p is not null))
                if (await page!.Locator("#components-reconnect-modal[open]").CountAsync() == 0 && await page.Locator("#circuit-ready").CountAsync() == 1) stillHeld++;
            _held = stillHeld;
        }
        finally
        {
            foreach (var session in sessions) await session.DisposeAsync();
        }
    }

    private async Task OpenAsync(IPage page, string slug)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"/researchers/{slug}");
        await page.WaitForCircuitAsync();
        await page.Locator(".graph-node[data-node-id]").First.WaitForAsync(new() { Timeout = 30_000 });
        _openMs.Add(clock.Elapsed.TotalMilliseconds);
    }

    private async Task BrowseAsync(IPage page, int index, IReadOnlyList<string> slugs, Stopwatch clock, TimeSpan duration)
    {
        var random = new Random(index);
        var next = index;
        await Task.Delay(random.Next(0, 1000));
        while (clock.Elapsed < duration)
        {
            try
            {
                var result = System.Text.Json.JsonSerializer.Deserialize<ExpandResult>(await page.EvaluateAsync<string>(ExpandOnce), JsonOptions)!;
                if (result.Ms >= 0)
                {
                    _expandMs.Add(result.Ms);
                    if (result.AnswerMs >= 0) _answerMs.Add(result.AnswerMs);
                }
                else if (result.Note == "timeout") _errors.Enqueue($"circuit {index}: an expansion got no answer in 15 s");
                else
                {
                    next += slugs.Count / 7 + 1;
                    await OpenAsync(page, slugs[next % slugs.Count]);
                }
                await Task.Delay(random.Next(500, 1500));
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                _errors.Enqueue($"circuit {index}: {e.Message.Split('\n')[0]}");
                await Task.Delay(1000);
            }
        }
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record ExpandResult(double Ms, double AnswerMs, string Note);
}
