using System.Globalization;

namespace BzPeer.Explorer.Search;

/// <summary>The lines a result shows under its title on the results page, as plain text (the page encodes it).</summary>
public static class ResultFacts
{
    /// <summary>"A, B, C et al." when a paper has more authors than are shown; null for anything else.</summary>
    public static string? Authors(SearchHit hit)
    {
        if (hit.Facts is not { Authors: { Count: > 0 } names } facts) return null;
        var shown = string.Join(", ", names);
        return facts.AuthorCount > names.Count ? shown + " et al." : shown;
    }

    /// <summary>Per kind: papers year, venue, citations, open access; people institution, works, citations; topics field, works; institutions place, works, citations.</summary>
    public static IReadOnlyList<string> Parts(SearchHit hit)
    {
        if (hit.Facts is not { } f) return hit.Context is { } context ? [context] : [];
        IEnumerable<string?> parts = hit.Kind switch
        {
            SearchKind.Works => [f.Year?.ToString(CultureInfo.InvariantCulture), f.Venue, Count(f.CitedByCount, "citation"), f.IsOpenAccess ? "Open access" : null],
            SearchKind.Researchers => [f.Institution, Count(f.WorksCount, "work"), Count(f.CitedByCount, "citation")],
            SearchKind.Topics => [f.Field, Count(f.WorksCount, "work")],
            _ => [f.Place, Count(f.WorksCount, "work"), Count(f.CitedByCount, "citation")],
        };
        return parts.OfType<string>().Where(p => p.Length > 0).ToList();
    }

    private static string? Count(int? count, string noun) => count is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}")
        : null;
}
