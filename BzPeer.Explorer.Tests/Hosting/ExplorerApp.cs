using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>
/// The real app on a loopback port (Kestrel, not the in-memory test server, so a browser can reach it) with a
/// database of its own (SQLite in a temporary folder, or PostgreSQL when BZPEER_TEST_APP_PROVIDER=Postgres), and its
/// outbox in that folder. Subclassed rather than configured with
/// WithWebHostBuilder, which would lose the Kestrel port. Sign-in and registration limits are raised, since every
/// test client shares one address; tests of the limits pass their own settings.
/// </summary>
public sealed class ExplorerApp : WebApplicationFactory<Program>
{
    private readonly TemporaryDatabase _database = new(Postgres.AppProvider);
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _kestrel;
    private readonly Action<IServiceCollection>? _services;
    private readonly Uri _address;

    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="kestrel">False runs the in-memory test server instead, whose clients can pretend to use HTTPS.</param>
    /// <param name="services">Replacements of the app's services (stand-ins that count or record).</param>
    public ExplorerApp(IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = true, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _kestrel = kestrel;
        _services = services;
        // The app's public address (App:PublicUrl, which emailed links are built on) must be known before it starts,
        // so the port is chosen here rather than left to Kestrel.
        _address = kestrel ? new Uri($"http://127.0.0.1:{FreeLoopbackPort()}") : new Uri("http://localhost");
        if (kestrel) UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, _address.Port));
    }

    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public TemporaryDatabase Database => _database;

    /// <summary>The folder the app's outbox writes every email to.</summary>
    public string OutboxFolder => Path.Combine(_database.Folder, "outbox");

    public void Start()
    {
        if (!_kestrel)
        {
            BaseAddress = Server.BaseAddress;
            return;
        }
        StartServer();
        BaseAddress = _address;
    }

    public HttpClient CreateHttpClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>
    /// A client that keeps cookies (one person's browser) and does not follow redirects, so tests see them. On the
    /// in-memory server it can also pretend to come from its own address, as rate limits count per address.
    /// </summary>
    public HttpClient CreateCookieClient(Uri? baseAddress = null, string? clientAddress = null)
    {
        if (_kestrel)
            return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = baseAddress ?? BaseAddress };
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress ?? BaseAddress });
        if (clientAddress is not null) client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, clientAddress);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("App:PublicUrl", _address.AbsoluteUri);
        builder.UseSetting("ConnectionStrings:Explorer", _database.ConnectionString);
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Email:OutboxPath", OutboxFolder);
        // Never the network: a test that wants OpenAlex passes the address of its stand-in (OpenAlexStandIn).
        builder.UseSetting("OpenAlex:Enabled", "false");
        foreach (var limit in new[] { "SignIn", "Register", "AccountEmail", "Invitation", "PasswordReset", "ChangePassword", "EmailChange" })
            builder.UseSetting($"Accounts:RateLimits:{limit}:PermitLimit", "10000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (!_kestrel) builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        if (_services is not null) builder.ConfigureServices(_services);
    }

    /// <summary>The in-memory server has no client address; this gives each test client one, from a header.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[Header], out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}
