using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Load;

/// <summary>
/// One Blazor Server circuit driven without a browser, speaking the protocol blazor.web.js speaks: it reads the
/// prerendered component markers from the page, opens the /_blazor hub with the "blazorpack" (MessagePack) protocol,
/// starts the circuit and adds the root components, applies and acknowledges every render batch to a
/// <see cref="RenderedDom"/>, answers the JS interop calls the app makes as a browser would, and dispatches clicks.
/// </summary>
public sealed partial class ProtocolCircuit : IAsyncDisposable
{
    /// <summary>What getBoundingClientRect gives for the profile page's graph canvas (480 px high, as GraphView sets it) in a 1280-wide window.</summary>
    private static readonly JsonObject CanvasRect = Rect(left: 440, top: 620, width: 800, height: 480);

    private readonly HubConnection _connection;
    private readonly RenderedDom _dom = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<RenderedDom, bool> Done, TaskCompletionSource Answered)> _waiters = [];
    private readonly ConcurrentQueue<string> _errors;
    private long _interopObjectId;
    private long _nextCallId;
    private bool _closing;

    private ProtocolCircuit(HubConnection connection, ConcurrentQueue<string> errors)
    {
        _connection = connection;
        _errors = errors;
    }

    /// <summary>JS interop identifiers the server called, with how often; for the report.</summary>
    public static ConcurrentDictionary<string, int> JsCalls { get; } = new();

    /// <summary>Render batches received by all circuits, and their bytes; for the report.</summary>
    public static long RenderBatches => Interlocked.Read(ref _renderBatches);

    public static long RenderBatchBytes => Interlocked.Read(ref _renderBatchBytes);

    private static long _renderBatches;
    private static long _renderBatchBytes;

    public string? CircuitId { get; private set; }

    /// <summary>Loads <paramref name="page"/>, starts its circuit and waits until <paramref name="ready"/> holds for what it shows.</summary>
    public static async Task<ProtocolCircuit> OpenAsync(HttpClient http, Uri page, Func<RenderedDom, bool> ready, ConcurrentQueue<string> errors, TimeSpan timeout)
    {
        var html = await http.GetStringAsync(page);
        var markers = ServerComponentMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups["json"].Value)!).ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{page} has no interactive server components");
        var state = ServerComponentState().Match(html) is { Success: true } m ? m.Groups["state"].Value : "";

        var builder = new HubConnectionBuilder()
            // Offering to compress messages, as every browser does: what the server then holds and spends per
            // circuit is what it would for browsers.
            .WithUrl(new Uri(page, "/_blazor"), HttpTransportType.WebSockets, options =>
                options.WebSocketConfiguration = socket => socket.DangerousDeflateOptions = new WebSocketDeflateOptions());
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var circuit = new ProtocolCircuit(builder.Build(), errors);
        try
        {
            circuit.ListenToServer();
            await circuit._connection.StartAsync();

            var baseUri = new Uri(page, "/").ToString();
            circuit.CircuitId = await circuit._connection.InvokeAsync<string?>("StartCircuit", baseUri, page.ToString(), "[]", state);
            if (circuit.CircuitId is null) throw new InvalidOperationException("the server did not start the circuit");
            var opened = circuit.WaitForAsync(ready, timeout);
            // As WebRootComponentManager does: every marker becomes a root component, numbered from 1 in page order.
            var operations = new JsonObject
            {
                ["batchId"] = 1,
                ["operations"] = new JsonArray([.. markers.Select((marker, i) => new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker })]),
            };
            await circuit._connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state);
            await opened;
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads what the circuit shows, under its lock (render batches change it meanwhile).</summary>
    public T Read<T>(Func<RenderedDom, T> read)
    {
        lock (_lock) return read(_dom);
    }

    /// <summary>Clicks the element with this onclick handler and waits until <paramref name="answered"/> holds after a render batch.</summary>
    public Task ClickAsync(ulong eventHandlerId, Func<RenderedDom, bool> answered, TimeSpan timeout) =>
        DispatchAsync(eventHandlerId, "click", new JsonObject
        {
            // The fields blazor.web.js sends for a click (its parseMouseEvent); the server accepts no others.
            ["detail"] = 1, ["screenX"] = 0, ["screenY"] = 0, ["clientX"] = 0, ["clientY"] = 0, ["offsetX"] = 0, ["offsetY"] = 0,
            ["pageX"] = 0, ["pageY"] = 0, ["movementX"] = 0, ["movementY"] = 0, ["button"] = 0, ["buttons"] = 0,
            ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false, ["type"] = "click",
        }, answered, timeout);

    /// <summary>Raises the event with this handler and these arguments, and waits until <paramref name="answered"/> holds after a render batch.</summary>
    public async Task DispatchAsync(ulong eventHandlerId, string eventName, JsonObject eventArgs, Func<RenderedDom, bool> answered, TimeSpan timeout)
    {
        var done = WaitForAsync(answered, timeout, checkNow: false);
        var descriptor = new JsonObject { ["eventHandlerId"] = eventHandlerId, ["eventName"] = eventName, ["eventFieldInfo"] = null };
        await InvokeDotNetAsync("DispatchEventAsync", _interopObjectId, new JsonArray(descriptor, eventArgs));
        await done;
    }

    private Task WaitForAsync(Func<RenderedDom, bool> done, TimeSpan timeout, bool checkNow = true)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (checkNow && done(_dom)) return Task.CompletedTask;
            _waiters.Add((done, answered));
        }
        return answered.Task.WaitAsync(timeout);
    }

    private Task InvokeDotNetAsync(string method, long dotNetObjectId, JsonArray args) =>
        _connection.SendAsync("BeginInvokeDotNetFromJS", Interlocked.Increment(ref _nextCallId).ToString(), null, method, dotNetObjectId, args.ToJsonString());

    private void ListenToServer()
    {
        _connection.On<int, string>("JS.AttachComponent", (componentId, _) =>
        {
            lock (_lock) _dom.AttachRootComponent(componentId);
        });
        _connection.On<long, byte[]>("JS.RenderBatch", async (batchId, batch) =>
        {
            Interlocked.Increment(ref _renderBatches);
            Interlocked.Add(ref _renderBatchBytes, batch.Length);
            string? failure = null;
            lock (_lock)
            {
                try
                {
                    _dom.Apply(batch);
                    _waiters.RemoveAll(w =>
                    {
                        if (!w.Done(_dom)) return false;
                        w.Answered.TrySetResult();
                        return true;
                    });
                }
                catch (Exception e) when (e is InvalidDataException or InvalidCastException or ArgumentOutOfRangeException or KeyNotFoundException)
                {
                    failure = e.Message;
                    Error($"render batch {batchId} could not be applied: {e.Message}");
                }
            }
            await _connection.SendAsync("OnRenderCompleted", batchId, failure);
        });
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], args =>
            AnswerJsAsync((long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!));
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", (callId, succeeded, result) =>
        {
            if (!succeeded) Error($"a call into .NET failed: {result}");
        });
        _connection.On<string>("JS.Error", message => Error($"JS.Error: {message}"));
        _connection.Closed += e =>
        {
            if (!_closing) Error($"the connection closed: {e?.Message ?? "by the server"}");
            return Task.CompletedTask;
        };
    }

    /// <summary>JSCallResultType.JSVoidResult: the caller wants no value, and blazor.web.js sends none.</summary>
    private const int VoidResult = 3;

    /// <summary>Answers a JS interop call as the page's scripts would; calls nothing else depends on get an empty result.</summary>
    private async Task AnswerJsAsync(long handle, string identifier, string? argsJson, int resultType)
    {
        JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        var args = argsJson is null ? [] : JsonNode.Parse(argsJson)!.AsArray();
        JsonNode? result = null;
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                _interopObjectId = args[1]!["__dotNetObject"]!.GetValue<long>();
                break;
            case "ZBlazorDiagrams.getBoundingClientRect":
                result = CanvasRect.DeepClone();
                break;
            // MudBlazor's start-up checks, answered as a page with its scripts loaded and a light colour scheme does.
            case "window.hasOwnProperty":
                result = true;
                break;
            case "mudpopoverHelper.countProviders":
                result = 1;
                break;
            case "mudThemeProvider.watchDarkMode":
                result = false;
                break;
            case "ZBlazorDiagrams.observe":
                // The ResizeObserver reports the element's size once it starts observing.
                await InvokeDotNetAsync("OnResize", args[1]!["__dotNetObject"]!.GetValue<long>(), new JsonArray(CanvasRect.DeepClone()));
                break;
        }
        if (resultType == VoidResult) result = null;
        if (resultType == 1) result = new JsonObject { ["__jsObjectId"] = Interlocked.Increment(ref _nextCallId) };
        if (handle != 0) await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, new JsonArray(handle, true, result).ToJsonString());
    }

    private void Error(string message) => _errors.Enqueue($"circuit {CircuitId?[..Math.Min(8, CircuitId.Length)]}: {message}");

    private static JsonObject Rect(double left, double top, double width, double height) => new()
    {
        ["x"] = left, ["y"] = top, ["width"] = width, ["height"] = height,
        ["top"] = top, ["right"] = left + width, ["bottom"] = top + height, ["left"] = left,
    };

    /// <summary>Closes the circuit as a page that is left does: the disconnect beacon, then the socket.</summary>
    public async Task CloseAsync(HttpClient http)
    {
        // A user whose next profile failed to open still holds the circuit already closed and disposed.
        if (_disposed) return;
        _closing = true;
        if (CircuitId is not null)
        {
            using var form = new FormUrlEncodedContent([new("circuitId", CircuitId)]);
            try
            {
                using var _ = await http.PostAsync(new Uri(http.BaseAddress!, "/_blazor/disconnect"), form);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // A browser's beacon would not wait; the server not answering it is still an error of the run.
                Error($"the disconnect beacon got no answer: {e.Message}");
            }
        }
        await _connection.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        _disposed = true;
        await _connection.DisposeAsync();
    }

    private bool _disposed;

    [GeneratedRegex("""<!--Blazor:(?<json>\{"type":"server".*?\})-->""")]
    private static partial Regex ServerComponentMarker();

    [GeneratedRegex("""<!--Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)-->""")]
    private static partial Regex ServerComponentState();

    /// <summary>The MessagePack hub protocol under the name the Blazor server expects.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
    }
}
