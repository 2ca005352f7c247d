using System.Net;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>
/// The real app on loopback with forwarded headers switched on as README advises, and a sign-in limit of three posts:
/// who counts as the client. The address a request says it was forwarded for is believed only from a configured proxy.
/// </summary>
public sealed class ForwardedAddressTests
{
    private const int SignInLimit = 3;

    private static ExplorerApp StartApp(string? knownProxy, bool frameworkSwitch = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FORWARDEDHEADERS_ENABLED"] = frameworkSwitch ? "true" : "false",
            ["Accounts:RateLimits:SignIn:PermitLimit"] = SignInLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Accounts:RateLimits:SignIn:Span"] = "00:10:00",
        };
        if (knownProxy is not null) settings["ForwardedHeaders:KnownProxies:0"] = knownProxy;
        var app = new ExplorerApp(settings);
        app.Start();
        return app;
    }

    /// <summary>A fresh browser that posts the sign-in form through a proxy claiming the given client address.</summary>
    private static async Task<HttpStatusCode> SignInForwardedForAsync(ExplorerApp app, string forwardedFor)
    {
        using var client = app.CreateCookieClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var response = await SignInAsync(client, "nobody@example.org", "not the password");
        return response.StatusCode;
    }

    [Fact]
    public async Task Without_a_known_proxy_a_new_forwarded_address_per_post_does_not_escape_the_limit()
    {
        using var app = StartApp(knownProxy: null);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= SignInLimit; attempt++)
            statuses.Add(await SignInForwardedForAsync(app, $"203.0.113.{Random.Shared.Next(1, 255)}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_budget_and_a_v6_client_its_own_64()
    {
        using var app = StartApp(knownProxy: "127.0.0.1");

        // Distinct clients behind the proxy: one post each, none refused, though together they pass the limit.
        for (var client = 1; client <= SignInLimit + 2; client++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInForwardedForAsync(app, $"198.51.100.{client}"));
        // One client behind the proxy is still limited.
        for (var attempt = 1; attempt < SignInLimit; attempt++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInForwardedForAsync(app, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInForwardedForAsync(app, "198.51.100.1"));

        // An IPv6 client holds a whole /64: new addresses in it share one budget; the next /64 is someone else.
        var sameNetwork = new[] { "2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6:ffff:ffff:ffff:3" };
        foreach (var address in sameNetwork)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInForwardedForAsync(app, address));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInForwardedForAsync(app, "2001:db8:5:6::4"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInForwardedForAsync(app, "2001:db8:5:7::1"));
    }

    [Fact]
    public async Task Naming_a_proxy_alone_makes_the_app_read_what_it_forwards()
    {
        using var app = StartApp(knownProxy: "127.0.0.1", frameworkSwitch: false);
        for (var client = 1; client <= SignInLimit + 1; client++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInForwardedForAsync(app, $"198.51.100.{client}"));
    }
}
