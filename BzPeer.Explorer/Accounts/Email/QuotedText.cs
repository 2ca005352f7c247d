using System.Text.RegularExpressions;

namespace BzPeer.Explorer.Accounts.Email;

/// <summary>
/// What people typed, set into an app email so that it cannot pass for the app's own words: every line marked "> ",
/// and web addresses broken ("https[:]//evil[.]example") so that no mail client makes a link of them. The app's own
/// links stay the only links in its emails.
/// </summary>
public static partial class QuotedText
{
    public static string Quote(string? text) =>
        string.Join("\n", Defang(text ?? "").ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));

    public static string Defang(string text) =>
        HostLike().Replace(SchemeLike().Replace(text, "$1[:]"), host => DotLike().Replace(host.Value, "[.]"));

    [GeneratedRegex(@"\b([a-z][a-z0-9+.\-]*):(?=/)", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeLike();

    // Names joined by dots (the ideographic and full-width dots too, which browsers read as dots) ending in letters.
    [GeneratedRegex(@"(?:[\p{L}\p{N}_\-]+[.\u3002\uFF0E\uFF61])+\p{L}{2,}")]
    private static partial Regex HostLike();

    [GeneratedRegex(@"[.\u3002\uFF0E\uFF61]")]
    private static partial Regex DotLike();
}
