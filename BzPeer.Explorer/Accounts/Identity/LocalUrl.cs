namespace BzPeer.Explorer.Accounts.Identity;

/// <summary>Return addresses after sign-in and sign-out: only paths on this site, so a link cannot send a person elsewhere.</summary>
public static class LocalUrl
{
    /// <summary>The address if it is a path on this site ("/researchers/x?page=2"); otherwise the start page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
