namespace BzPeer.Explorer.Live;

/// <summary>The settings of the live OpenAlex API (section <c>OpenAlex</c>).</summary>
public sealed class OpenAlexOptions
{
    public const string Section = "OpenAlex";

    public string BaseUrl { get; set; } = "https://api.openalex.org";
    /// <summary>The free key from openalex.org/settings/api, sent as api_key= on every request.</summary>
    public string? ApiKey { get; set; }
    /// <summary>A contact address, sent as mailto= (harmless, and polite).</summary>
    public string? Mailto { get; set; }
    public bool Enabled { get; set; }
    /// <summary>Requests a second this instance makes at most, across all its users.</summary>
    public int RequestsPerSecond { get; set; } = 10;
    /// <summary>
    /// List, filter and autocomplete calls a day this instance makes at most (a search counts as ten, as OpenAlex
    /// prices it); lookups of one record by id are free and not counted. A free key allows 10,000 list calls a day.
    /// </summary>
    public int DailyListCalls { get; set; } = 5_000;
    /// <summary>A record read from the API is asked for again only when its copy is older than this.</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How long one request may take, its retries included; a page gives up on OpenAlex after about this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(6);
}
