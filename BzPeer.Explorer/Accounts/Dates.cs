using System.Globalization;

namespace BzPeer.Explorer.Accounts;

public static class Dates
{
    /// <summary>A stored UTC time as the account pages show it, e.g. "26 Nov 2026, 14:16 UTC".</summary>
    public static string When(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
