using BzPeer.Explorer.Profiles.Shared;

namespace BzPeer.Explorer.Profiles.Researchers;

/// <summary>The one-line description shown when the researcher has written none: a sentence made from the record's data.</summary>
public static class ResearcherDescription
{
    public static string Compose(int works, IReadOnlyList<string> topics, int? firstYear, int? lastYear, string? institution)
    {
        var subject = topics.Count switch
        {
            0 => "Publishes research",
            1 => $"Publishes on {topics[0]}",
            _ => $"Publishes on {topics[0]} and {topics[1]}",
        };
        var span = (firstYear, lastYear) switch
        {
            ({ } first, { } last) when first == last => $" ({first})",
            ({ } first, { } last) => $" ({first}–{last})",
            _ => "",
        };
        var place = institution is null ? "" : $", most recently at {institution}";
        return $"{subject}; {Wording.Counted(works, "work", "works")}{span}{place}.";
    }
}
