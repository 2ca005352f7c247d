using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>
/// The real app on a loopback port (Kestrel, not the in-memory test server, so a browser can reach it) with a
/// database of its own in a temporary folder. Subclassed rather than configured with WithWebHostBuilder, which
/// would lose the Kestrel port.
/// </summary>
public sealed class ExplorerApp : WebApplicationFactory<Program>
{
    private readonly TemporaryDatabase _database = new();

    public ExplorerApp()
    {
        UseKestrel(0);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public TemporaryDatabase Database => _database;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public HttpClient CreateHttpClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Explorer", _database.ConnectionString);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}
