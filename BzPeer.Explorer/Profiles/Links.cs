namespace BzPeer.Explorer.Profiles;

/// <summary>The canonical address of each kind of page, relative to the app's base.</summary>
public static class Links
{
    public static string Researcher(string slug) => $"researchers/{slug}";
    public static string Work(int id) => $"works/{id}";
    public static string Topic(int id) => $"topics/{id}";
    public static string Institution(int id) => $"institutions/{id}";
    public static string Explorer(string focusNodeId) => $"explore?focus={Uri.EscapeDataString(focusNodeId)}";

    public static string Orcid(string orcid) => $"https://orcid.org/{orcid}";
    public static string OpenAlex(string openAlexId) => $"https://openalex.org/{openAlexId}";
    public static string Doi(string doi) => $"https://doi.org/{doi}";
    public static string Arxiv(string arxivId) => $"https://arxiv.org/abs/{arxivId}";
    public static string Ror(string ror) => $"https://ror.org/{ror}";

    /// <summary>Only http(s) addresses from data become links; anything else (javascript:, data:) is shown as text.</summary>
    public static bool IsSafeExternal(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
