using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Accounts;

/// <summary>The <c>App</c> section: <c>App:PublicUrl</c>, the address people open the app at.</summary>
public sealed class PublicAddressOptions
{
    public const string Section = "App";
    public const string Setting = "App:PublicUrl";

    public string? PublicUrl { get; set; }

    /// <summary>The configured address as a base for links (ending in "/"), or null when none is set.</summary>
    public Uri? BaseUri() =>
        Uri.TryCreate(PublicUrl?.Trim(), UriKind.Absolute, out var uri) ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/") : null;

    public IEnumerable<string> Problems(bool development)
    {
        if (string.IsNullOrWhiteSpace(PublicUrl))
        {
            if (!development)
                yield return $"{Setting} is required outside Development: the address people open the app at (for example https://explorer.example.org/), which emailed links point to.";
            yield break;
        }
        if (!Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            yield return $"{Setting} must be an http or https address without query or fragment, for example https://explorer.example.org/ (it is '{PublicUrl}').";
    }
}

/// <summary>
/// Where emailed links point: <c>App:PublicUrl</c>, never the request's Host header, which any client can set (a
/// poisoned host would receive the reset token). In Development without the setting, the app's own listening address.
/// </summary>
public sealed class PublicAddress(IOptions<PublicAddressOptions> options, IServer? server = null)
{
    private Uri? _listening;

    public Uri BaseUri => options.Value.BaseUri() ?? (_listening ??= Listening());

    /// <summary>An absolute link to a path of the app, with query parameters (null values left out).</summary>
    public string Link(string path, IEnumerable<KeyValuePair<string, string?>>? query = null) =>
        new Uri(BaseUri, path.TrimStart('/')).AbsoluteUri + QueryString.Create((query ?? []).Where(p => p.Value is not null));

    private Uri Listening()
    {
        var address = server?.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0).FirstOrDefault() ?? "http://localhost:5080";
        // A wildcard listening address ("http://[::]:5080", "http://+:5080") is reached on this machine as localhost.
        foreach (var wildcard in new[] { "//[::]", "//0.0.0.0", "//+", "//*" })
            address = address.Replace(wildcard, "//localhost", StringComparison.Ordinal);
        return new Uri(address.TrimEnd('/') + "/");
    }
}

public static class PublicAddressHost
{
    /// <summary>
    /// The public address, checked at start, and the hosts the app answers to: the public address's and loopback
    /// (for health checks and tests on the machine), unless <c>AllowedHosts</c> is set ("*" answers every host).
    /// </summary>
    public static WebApplicationBuilder AddPublicAddress(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<PublicAddressOptions>().Bind(builder.Configuration.GetSection(PublicAddressOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PublicAddressOptions>>(new ProblemsValidator(development));
        builder.Services.AddSingleton<PublicAddress>();

        var allowed = builder.Configuration["AllowedHosts"];
        var publicUri = new PublicAddressOptions { PublicUrl = builder.Configuration[PublicAddressOptions.Setting] }.BaseUri();
        if (publicUri is not null && string.IsNullOrWhiteSpace(allowed))
            builder.Services.Configure<HostFilteringOptions>(options =>
                options.AllowedHosts = [publicUri.HostNameType == UriHostNameType.IPv6 ? publicUri.Host : publicUri.IdnHost, "localhost", "127.0.0.1", "[::1]"]);
        return builder;
    }

    private sealed class ProblemsValidator(bool development) : IValidateOptions<PublicAddressOptions>
    {
        public ValidateOptionsResult Validate(string? name, PublicAddressOptions options) =>
            options.Problems(development).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
