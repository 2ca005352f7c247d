using System.Globalization;
using BzPeer.Explorer.Graph;

namespace BzPeer.Explorer.Search;

/// <summary>
/// The results page's address read into what to show: the kind, the page and the papers' filter. A value that makes
/// no sense is not applied, and says why in <see cref="Problems"/>; an empty value is the same as none (a form sends
/// empty fields).
/// </summary>
public sealed record SearchRequest(SearchKind? Kind, int Page, SearchFilter Filter, IReadOnlyList<string> Problems)
{
    public const int MinYear = 1000;
    public const int MaxYear = 3000;

    /// <summary>How much of a bad value a message repeats.</summary>
    private const int EchoLength = 40;

    public static SearchRequest Read(string? kind, string? page, string? from, string? to, string? openAccess)
    {
        var problems = new List<string>();
        var parsedKind = ReadKind(kind, problems);
        var pageIndex = ReadPage(page, problems);
        var fromYear = ReadYear(from, "from", problems);
        var toYear = ReadYear(to, "to", problems);
        if (GraphFilter.YearRangeProblem(fromYear, toYear) is { } inverted)
        {
            problems.Add(inverted + " The year filter is not applied.");
            fromYear = toYear = null;
        }
        var openAccessOnly = ReadOpenAccess(openAccess, problems);
        return new SearchRequest(parsedKind, pageIndex, new SearchFilter(fromYear, toYear, openAccessOnly), problems);
    }

    /// <summary>The kind as the address names it: the tab names, and the words people use for them.</summary>
    public static string AddressName(SearchKind kind) => kind.ToString().ToLowerInvariant();

    private static SearchKind? ReadKind(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "researchers" or "people" or "person" or "authors": return SearchKind.Researchers;
            case "works" or "papers" or "paper": return SearchKind.Works;
            case "topics" or "topic": return SearchKind.Topics;
            case "institutions" or "institution": return SearchKind.Institutions;
        }
        problems.Add($"“{Echo(text)}” is not a kind of result: choose researchers, papers, topics or institutions. The first kind with results is shown.");
        return null;
    }

    private static int ReadPage(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1) return number - 1;
        problems.Add($"“{Echo(text)}” is not a page number. The first page is shown.");
        return 0;
    }

    private static int? ReadYear(string? text, string end, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear) return year;
        problems.Add($"“{Echo(text)}” is not a year from {MinYear} to {MaxYear}, so the “{end}” year is not applied.");
        return null;
    }

    private static bool ReadOpenAccess(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "on" or "1" or "yes": return true;
            case "false" or "off" or "0" or "no": return false;
        }
        problems.Add($"“{Echo(text)}” is not a choice for “open access only” (true or false), so it is not applied.");
        return false;
    }

    private static string Echo(string text) => text.Length > EchoLength ? text[..EchoLength] + "…" : text;
}
