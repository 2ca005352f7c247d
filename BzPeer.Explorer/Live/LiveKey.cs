using BzPeer.Explorer.Profiles;

namespace BzPeer.Explorer.Live;

public enum LiveKind { Researcher, Work, Institution, Topic }

/// <summary>
/// A record to read from OpenAlex, named as an address names it: <see cref="ApiId"/> is what follows the entity in
/// the API's path (an OpenAlex id, or "orcid:…", "doi:…", "ror:…", which OpenAlex reads too), and
/// <see cref="OpenAlexId"/> the OpenAlex id when the address gave one.
/// </summary>
public sealed record LiveKey(LiveKind Kind, string ApiId, string? OpenAlexId)
{
    public string Entity => Kind switch
    {
        LiveKind.Researcher => "authors",
        LiveKind.Work => "works",
        LiveKind.Institution => "institutions",
        _ => "topics",
    };

    public override string ToString() => $"{Entity}/{ApiId}";

    /// <summary>An OpenAlex author id (A…) or an ORCID iD.</summary>
    public static LiveKey? Researcher(string? key) =>
        EntityKeys.TryParseOpenAlex(key, 'A', out var id) ? new(LiveKind.Researcher, id, id)
        : EntityKeys.TryParseOrcid(key, out var orcid) ? new(LiveKind.Researcher, $"orcid:{orcid}", null)
        : null;

    /// <summary>An OpenAlex work id (W…), an arXiv id (read through arXiv's DOI) or a DOI.</summary>
    public static LiveKey? Work(string? key) =>
        EntityKeys.TryParseOpenAlex(key, 'W', out var id) ? new(LiveKind.Work, id, id)
        : EntityKeys.TryParseArxiv(key, out var arxiv) ? new(LiveKind.Work, $"doi:10.48550/arxiv.{arxiv}", null)
        : EntityKeys.TryParseDoi(key, out var doi) ? new(LiveKind.Work, $"doi:{doi}", null)
        : null;

    /// <summary>An OpenAlex institution id (I…) or a ROR id.</summary>
    public static LiveKey? Institution(string? key) =>
        EntityKeys.TryParseOpenAlex(key, 'I', out var id) ? new(LiveKind.Institution, id, id)
        : EntityKeys.TryParseRor(key, out var ror) ? new(LiveKind.Institution, $"ror:{ror}", null)
        : null;

    /// <summary>An OpenAlex topic id (T…).</summary>
    public static LiveKey? Topic(string? key) =>
        EntityKeys.TryParseOpenAlex(key, 'T', out var id) ? new(LiveKind.Topic, id, id) : null;

    /// <summary>Any of the ids above, of whichever kind it names (for the fetch verb).</summary>
    public static LiveKey? Any(string? key) => Researcher(key) ?? Work(key) ?? Institution(key) ?? Topic(key);
}
