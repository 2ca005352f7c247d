using System.Globalization;
using System.Text.RegularExpressions;
using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Profiles;

/// <summary>
/// The ways a page address may name a record: our integer key, an OpenAlex id, an ORCID iD, a DOI or a ROR id.
/// Anything that parses as none of them names nothing, and the page answers 404 without touching the database.
/// </summary>
public static partial class EntityKeys
{
    public static bool TryParseId(string? text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>"A5017898742", "a5017898742" or "https://openalex.org/A5017898742" → "A5017898742" for prefix 'A'.</summary>
    public static bool TryParseOpenAlex(string? text, char prefix, out string openAlexId)
    {
        openAlexId = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        // "https://openalex.org/works/W1", "https://api.openalex.org/authors/A1": the entity segment is optional.
        var candidate = StripPrefix(text.Trim(), "https://api.openalex.org/", "https://openalex.org/", "http://openalex.org/", "openalex.org/");
        candidate = StripPrefix(candidate, "works/", "authors/", "institutions/", "topics/", "people/");
        if (candidate.Length < 2 || candidate.Length > 20 || char.ToUpperInvariant(candidate[0]) != prefix) return false;
        if (!candidate.AsSpan(1).ContainsAnyExcept("0123456789") && candidate.Length > 1)
        {
            openAlexId = prefix + candidate[1..];
            return true;
        }
        return false;
    }

    /// <summary>An ORCID iD with a valid check digit (ISO 7064 MOD 11-2), with or without its https://orcid.org/ prefix.</summary>
    public static bool TryParseOrcid(string? text, out string orcid)
    {
        orcid = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var candidate = StripPrefix(text.Trim(), "https://orcid.org/", "http://orcid.org/", "https://www.orcid.org/", "orcid.org/", "orcid:").Trim().ToUpperInvariant();
        if (!OrcidPattern().IsMatch(candidate)) return false;
        var digits = candidate.Replace("-", "", StringComparison.Ordinal);
        var total = 0;
        foreach (var digit in digits[..^1]) total = (total + (digit - '0')) * 2;
        var check = (12 - total % 11) % 11;
        var expected = check == 10 ? 'X' : (char)('0' + check);
        if (digits[^1] != expected) return false;
        orcid = candidate;
        return true;
    }

    /// <summary>A DOI ("10.1038/nrn3475", "doi:10…", "https://doi.org/10…"), lower-cased as OpenAlex stores them.</summary>
    public static bool TryParseDoi(string? text, out string doi)
    {
        doi = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var candidate = WithoutDoiPrefix(text);
        if (!DoiPattern().IsMatch(candidate)) return false;
        doi = candidate.ToLowerInvariant();
        return true;
    }

    /// <summary>A ROR id ("01rxvg760" or "https://ror.org/01rxvg760").</summary>
    public static bool TryParseRor(string? text, out string ror)
    {
        ror = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var candidate = StripPrefix(text.Trim(), "https://ror.org/", "http://ror.org/", "ror.org/").ToLowerInvariant();
        if (!RorPattern().IsMatch(candidate)) return false;
        ror = candidate;
        return true;
    }

    /// <summary>
    /// A new-style arXiv id such as 2203.13802 (version suffix dropped), also as "arXiv:…", an arxiv.org address,
    /// or arXiv's own DOI 10.48550/arXiv.2203.13802, which names the same paper.
    /// </summary>
    public static bool TryParseArxiv(string? text, out string arxivId)
    {
        arxivId = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var candidate = StripPrefix(text.Trim(), "arXiv:", "https://arxiv.org/abs/", "http://arxiv.org/abs/", "arxiv.org/abs/").Trim();
        var match = ArxivPattern().Match(candidate);
        if (!match.Success) match = ArxivDoiPattern().Match(WithoutDoiPrefix(text));
        if (!match.Success) return false;
        arxivId = match.Groups[1].Value;
        return true;
    }

    /// <summary>A researcher slug in any case ("MEIHAO-KONG" → "meihao-kong"); the page redirects to the lower-case address.</summary>
    public static bool TryParseSlug(string? text, out string slug)
    {
        slug = text?.Trim().ToLowerInvariant() ?? "";
        return Slug.IsWellFormed(slug);
    }

    private static string WithoutDoiPrefix(string text) =>
        StripPrefix(text.Trim(), "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
            "https://www.doi.org/", "doi.org/", "doi:").Trim();

    private static string StripPrefix(string text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return text[prefix.Length..];
        return text;
    }

    [GeneratedRegex(@"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")]
    private static partial Regex OrcidPattern();

    [GeneratedRegex(@"^10\.\d{4,9}/\S{1,250}$")]
    private static partial Regex DoiPattern();

    [GeneratedRegex(@"^0[a-hj-km-np-tv-z0-9]{6}\d{2}$")]
    private static partial Regex RorPattern();

    [GeneratedRegex(@"^(\d{4}\.\d{4,5})(v\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivPattern();

    [GeneratedRegex(@"^10\.48550/arxiv\.(\d{4}\.\d{4,5})(v\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivDoiPattern();
}
