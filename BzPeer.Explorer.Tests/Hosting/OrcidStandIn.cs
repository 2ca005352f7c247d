using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>
/// ORCID's authorisation server as the app sees it, on loopback: /oauth/authorize signs in whoever the test says
/// (<see cref="SignInAs"/>) at once and sends the browser back with a code; /oauth/token exchanges a code once, for
/// this client only, and answers as ORCID does (the iD in <c>orcid</c>, the person in <c>name</c>).
/// </summary>
public sealed class OrcidStandIn : IAsyncDisposable
{
    public const string ClientId = "APP-STANDIN0000000";
    public const string ClientSecret = "stand-in-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (object Orcid, object Name, string RedirectUri)> _codes = new();
    private readonly ConcurrentDictionary<string, int> _exchanges = new();
    private readonly Lock _lock = new();
    private (object Orcid, object Name) _person = ("0000-0002-1825-0097", "Josiah Carberry");

    private OrcidStandIn(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many times the app asked to exchange each code.</summary>
    public int ExchangesOf(string code) => _exchanges.GetValueOrDefault(code);

    /// <summary>Who the next person to authorise at ORCID is.</summary>
    public void SignInAs(string orcid, string name) => AnswerWith(orcid, name);

    /// <summary>The next token answer carries these values as they are, in any JSON shape (a broken ORCID, a proxy in between).</summary>
    public void AnswerWith(object orcid, object name)
    {
        lock (_lock) _person = (orcid, name);
    }

    public static async Task<OrcidStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new OrcidStandIn(app);

        app.MapGet("/oauth/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code" || query["scope"] != "/authenticate"
                || !Uri.TryCreate(query["redirect_uri"], UriKind.Absolute, out var redirect))
                return Results.BadRequest("invalid authorisation request");
            var code = Guid.NewGuid().ToString("N")[..6];
            (object Orcid, object Name) person;
            lock (standIn._lock) person = standIn._person;
            standIn._codes[code] = (person.Orcid, person.Name, redirect.AbsoluteUri);
            return Results.Redirect($"{redirect.AbsoluteUri}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });
        app.MapPost("/oauth/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var code = form["code"].ToString();
            standIn._exchanges.AddOrUpdate(code, 1, (_, count) => count + 1);
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
                return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
            // A code is good for one exchange, for the address it was issued to.
            if (form["grant_type"] != "authorization_code" || !standIn._codes.TryRemove(code, out var grant) || grant.RedirectUri != form["redirect_uri"])
                return Results.Json(new { error = "invalid_grant", error_description = "Invalid authorization code" }, statusCode: StatusCodes.Status400BadRequest);
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = Guid.NewGuid().ToString(), ["token_type"] = "bearer", ["refresh_token"] = Guid.NewGuid().ToString(),
                ["expires_in"] = 631138518, ["scope"] = "/authenticate", ["name"] = grant.Name, ["orcid"] = grant.Orcid,
            });
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseAddress = new Uri(address);
        return standIn;
    }

    /// <summary>What the browser does at ORCID: opens the authorise address and is sent back to the app's callback.</summary>
    public async Task<Uri> AuthorizeAsync(Uri authorizeAddress)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await browser.GetAsync(authorizeAddress);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
