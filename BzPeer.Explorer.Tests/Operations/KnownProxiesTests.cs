using BzPeer.Explorer.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Tests.Operations;

public class KnownProxiesTests
{
    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        return builder;
    }

    [Fact]
    public void A_proxy_setting_that_is_not_an_address_stops_the_app_with_the_settings_name()
    {
        var problem = Assert.Throws<InvalidOperationException>(() => Builder(("ForwardedHeaders:KnownProxies:0", "proxy.example")).AddKnownProxies());
        Assert.Contains("ForwardedHeaders:KnownProxies:0", problem.Message);
        Assert.Throws<InvalidOperationException>(() => Builder(("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33")).AddKnownProxies());
    }

    [Fact]
    public void With_the_framework_switch_on_and_no_proxy_named_no_forwarded_header_is_read()
    {
        var builder = Builder(("FORWARDEDHEADERS_ENABLED", "true")).AddKnownProxies();
        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal(ForwardedHeaders.None, services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders);
    }

    [Fact]
    public void Named_proxies_and_networks_given_as_entries_or_a_list_are_the_only_ones_believed()
    {
        var builder = Builder(("FORWARDEDHEADERS_ENABLED", "true"), ("ForwardedHeaders:KnownProxies", "10.0.0.5, 10.0.0.6"), ("ForwardedHeaders:KnownNetworks:0", "192.168.0.0/16")).AddKnownProxies();
        using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(["10.0.0.5", "10.0.0.6"], options.KnownProxies.Select(p => p.ToString()));
        Assert.Equal(["192.168.0.0/16"], options.KnownIPNetworks.Select(n => n.ToString()));
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
    }
}
