using System.Net.WebSockets;
using System.Text.Json;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>The circuit's WebSocket as a browser opens it: browsers always offer to compress its messages.</summary>
[Collection(ExplorerAppCollection.Name)]
public class CircuitSocketTests(ExplorerAppFixture fixture)
{
    [Fact]
    public async Task A_browser_offering_compression_gets_compressed_messages_without_the_server_keeping_a_compressor_per_circuit()
    {
        using var http = fixture.App.CreateHttpClient();
        using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri($"ws://{fixture.App.BaseAddress.Authority}/_blazor?id={token}"), CancellationToken.None);

        var extensions = string.Join(", ", socket.HttpResponseHeaders?.GetValueOrDefault("Sec-WebSocket-Extensions") ?? []);
        // Render batches are mostly HTML and shrink well; a compressor kept between messages would stay allocated
        // for as long as each circuit is open.
        Assert.Contains("permessage-deflate", extensions);
        Assert.Contains("server_no_context_takeover", extensions);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }
}
