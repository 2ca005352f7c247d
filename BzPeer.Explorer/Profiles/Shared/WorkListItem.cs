using System.Linq.Expressions;
using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Profiles.Shared;

/// <summary>A work as lists show it: type, year and venue above the title, the abstract below.</summary>
public sealed record WorkListItem(int Id, string Title, string Type, int? Year, string? VenueName, string? Abstract, int CitedByCount)
{
    public static readonly Expression<Func<Work, WorkListItem>> FromWork = w =>
        new WorkListItem(w.Id, w.Title, w.Type, w.Year, w.Venue != null ? w.Venue.DisplayName : null, w.Abstract, w.CitedByCount);
}

public enum WorkOrder { Newest, MostCited }

public sealed record YearCount(int Year, int Count)
{
    /// <summary>Sorted by year, with the years between the first and the last that have none filled in as zero.</summary>
    public static List<YearCount> Fill(IEnumerable<YearCount> counts)
    {
        var byYear = counts.ToDictionary(c => c.Year, c => c.Count);
        if (byYear.Count == 0) return [];
        var first = byYear.Keys.Min();
        var last = byYear.Keys.Max();
        return Enumerable.Range(first, last - first + 1).Select(year => new YearCount(year, byYear.GetValueOrDefault(year))).ToList();
    }
}

public static class Paging
{
    /// <summary>Rows to skip for a zero-based page; a negative or absurd page number reads as the first or an empty page.</summary>
    public static int Offset(int page, int pageSize) => (int)Math.Min(int.MaxValue, Math.Max(0L, page) * pageSize);

    /// <summary>The zero-based page a one-based query value asks for; missing or unreadable values mean the first page.</summary>
    public static int PageIndex(string? queryValue) =>
        int.TryParse(queryValue, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 1
            ? number - 1
            : 0;

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
