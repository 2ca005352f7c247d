namespace BzPeer.Explorer.Tests.Browser;

/// <summary>Where the browser tests find Chromium, and whether its absence skips them or fails them.</summary>
public static class Chromium
{
    /// <summary>Environment variable naming the Chromium executable; default /usr/bin/chromium.</summary>
    public const string PathVariable = "BZPEER_CHROMIUM";

    /// <summary>Set to 1 (CI does) to make a missing Chromium fail the browser tests instead of skipping them.</summary>
    public const string RequireVariable = "BZPEER_REQUIRE_BROWSER";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string? MissingReason => File.Exists(ExecutablePath)
        ? null
        : $"Chromium not found at {ExecutablePath} (install Debian's chromium, or set {PathVariable} to its path)";
}

/// <summary>A test that needs Chromium: skipped, with the reason, where none is installed, unless a browser is required.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.MissingReason is { } reason && !Chromium.IsRequired) Skip = reason;
    }
}

/// <summary>A theory that needs Chromium: skipped, with the reason, where none is installed, unless a browser is required.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.MissingReason is { } reason && !Chromium.IsRequired) Skip = reason;
    }
}
