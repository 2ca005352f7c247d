namespace BzPeer.Explorer.Accounts.Identity;

/// <summary>Return addresses after sign-in and sign-out: only paths on this site, so a link cannot send a person elsewhere.</summary>
public static class LocalUrl
{
    private static readonly Uri Site = new("http://site.invalid/");

    /// <summary>
    /// The address if it is a path on this site ("/researchers/x?page=2"), percent-encoded, since a redirect's Location
    /// header holds ASCII only ("/jürgen" becomes "/j%C3%BCrgen"); otherwise the start page.
    /// </summary>
    public static string OrHome(string? url) => Resolve(url) is { } path ? path.PathAndQuery + path.Fragment : "/";

    public static bool IsLocal(string? url) => Resolve(url) is not null;

    /// <summary>The address on this site, or null for another site, a scheme, "//host", "/\host" or control characters.</summary>
    private static Uri? Resolve(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) || url.Any(char.IsControl))
            return null;
        return Uri.TryCreate(Site, url, out var resolved) && resolved.Scheme == Site.Scheme && resolved.Authority == Site.Authority ? resolved : null;
    }
}
