using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BzPeer.Explorer.Operations;

/// <summary>
/// The <c>ForwardedHeaders</c> section: which reverse proxies are believed when they say, in X-Forwarded-For and
/// X-Forwarded-Proto, whom and over what they forward. ASP.NET Core's own switch (ASPNETCORE_FORWARDEDHEADERS_ENABLED)
/// believes whoever sends the headers, which would let any visitor pick the address its rate limits count; here only
/// the addresses in <c>KnownProxies</c> and the networks (CIDR) in <c>KnownNetworks</c> are, and nobody when none is set.
/// </summary>
public static class KnownProxies
{
    public const string Section = "ForwardedHeaders";

    /// <summary>The framework's switch, as the configuration holds it (ASPNETCORE_FORWARDEDHEADERS_ENABLED).</summary>
    private const string FrameworkSwitch = "FORWARDEDHEADERS_ENABLED";

    public static WebApplicationBuilder AddKnownProxies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = Entries(section.GetSection("KnownProxies")).Select(entry => IPAddress.TryParse(entry.Value, out var address)
            ? address : throw new InvalidOperationException($"{entry.Key} is \"{entry.Value}\", not an IP address.")).ToList();
        var networks = Entries(section.GetSection("KnownNetworks")).Select(entry => System.Net.IPNetwork.TryParse(entry.Value, out var network)
            ? network : throw new InvalidOperationException($"{entry.Key} is \"{entry.Value}\", not a network such as 10.0.0.0/8.")).ToList();
        var forwardLimit = section.GetValue<int?>("ForwardLimit");

        // After the framework's own setup, which empties both lists when its switch is on. Empty lists mean "believe
        // anyone" to the middleware, so with no proxy configured it reads no header at all.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The older list is still read; it must not keep its loopback default.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
            if (forwardLimit is { } limit) options.ForwardLimit = limit;
        });
        return builder;
    }

    /// <summary>
    /// First in the pipeline: reads the forwarded headers when proxies are configured (unless the framework's switch
    /// already did), and warns when the switch is on with no proxy to believe.
    /// </summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var switchedOn = string.Equals(app.Configuration[FrameworkSwitch], "true", StringComparison.OrdinalIgnoreCase);
        var configured = Entries(app.Configuration.GetSection($"{Section}:KnownProxies")).Any() || Entries(app.Configuration.GetSection($"{Section}:KnownNetworks")).Any();
        if (configured && !switchedOn) app.UseForwardedHeaders();
        if (switchedOn && !configured)
            app.Logger.LogWarning("ASPNETCORE_FORWARDEDHEADERS_ENABLED is on but no {Section}:KnownProxies or KnownNetworks is set, so forwarded headers are ignored: name the proxy's address.", Section);
        return app;
    }

    /// <summary>A list setting given as entries (<c>KnownProxies__0=…</c>) or as one comma-separated value.</summary>
    private static IEnumerable<(string Key, string Value)> Entries(IConfigurationSection list)
    {
        foreach (var value in (list.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return (list.Path, value);
        foreach (var child in list.GetChildren())
            if (!string.IsNullOrWhiteSpace(child.Value)) yield return (child.Path, child.Value.Trim());
    }
}
