using System.Globalization;
using System.Net;
using System.Net.Mail;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>
/// Whether an email address belongs to an institution, judged from the institution's homepage (DESIGN.md §3): the
/// mail domain is the homepage's host, or a subdomain of it, after dropping a leading "www." — jing.huo@nju.edu.cn and
/// jing.huo@cs.nju.edu.cn match https://www.nju.edu.cn; jing.huo@nju.edu.cn.example.com and someone@edu.cn do not.
/// </summary>
public static class InstitutionalEmail
{
    private static readonly IdnMapping Idn = new();

    public static bool Matches(string? email, string? homepageUrl) => IsAt(email, HomepageDomain(homepageUrl));

    /// <summary>Whether the email's domain is the institution's domain (as <see cref="HomepageDomain"/> gives it) or under it.</summary>
    public static bool IsAt(string? email, string? institutionDomain) =>
        DomainOf(email) is { } mailDomain && !string.IsNullOrEmpty(institutionDomain)
        && (mailDomain == institutionDomain || mailDomain.EndsWith("." + institutionDomain, StringComparison.Ordinal));

    /// <summary>The lower-case ASCII domain of an email address; null when it is not one.</summary>
    public static string? DomainOf(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !MailAddress.TryCreate(email.Trim(), out var address)) return null;
        return Normalize(address.Host);
    }

    /// <summary>The lower-case ASCII host of an http(s) homepage without a leading "www."; null for anything that cannot name an institution's domain.</summary>
    public static string? HomepageDomain(string? homepageUrl)
    {
        if (!Uri.TryCreate(homepageUrl?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) return null;
        if (uri.HostNameType != UriHostNameType.Dns) return null;
        var host = Normalize(uri.Host);
        if (host is null) return null;
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        // A bare top-level or one-label name would make every address under it "institutional".
        return host.Count(c => c == '.') >= 1 ? host : null;
    }

    private static string? Normalize(string host)
    {
        host = host.Trim().TrimEnd('.');
        if (host.Length == 0 || IPAddress.TryParse(host, out _)) return null;
        try
        {
            return Idn.GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
