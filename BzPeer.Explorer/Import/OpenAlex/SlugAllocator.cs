using System.Globalization;
using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>
/// Unique slugs for new researchers: the slug of the name, or with -2, -3… appended when it is taken. What is taken is
/// read from the database once per name (then remembered), so slugs stored by earlier runs and by other sources count.
/// </summary>
internal sealed class SlugAllocator
{
    private const int MostRemembered = 200_000;
    private readonly Dictionary<string, (bool BaseTaken, int HighestSuffix)> _taken = [];

    public string Allocate(string name, PreparedStatements sql)
    {
        var slug = Slug.From(name);
        if (!_taken.TryGetValue(slug, out var taken))
        {
            if (_taken.Count >= MostRemembered) _taken.Clear();
            taken = ReadTaken(slug, sql);
        }
        if (!taken.BaseTaken)
        {
            _taken[slug] = taken with { BaseTaken = true };
            return slug;
        }
        var suffix = Math.Max(taken.HighestSuffix, 1) + 1;
        _taken[slug] = taken with { HighestSuffix = suffix };
        return $"{slug}-{suffix}";
    }

    /// <summary>Reads in one query what is taken for the slugs of these names, for the allocations that follow.</summary>
    public void FindTaken(IEnumerable<string> names, PreparedStatements sql)
    {
        var slugs = names.Select(Slug.From).Where(slug => !_taken.ContainsKey(slug)).ToHashSet();
        if (slugs.Count == 0) return;
        if (_taken.Count + slugs.Count > MostRemembered) _taken.Clear();
        foreach (var slug in slugs) _taken[slug] = (false, 0);
        // '.' follows '-' and precedes digits and letters in ASCII, so [slug, slug.) holds the slug and those starting "slug-".
        // (On PostgreSQL the Slug column compares bytewise, collation "C", so this holds there too.)
        using var reader = sql.Query($"SELECT s.value, r.\"Slug\" FROM {sql.Dialect.JsonTexts("@slugs")} s JOIN \"Researchers\" r ON r.\"Slug\" >= s.value AND r.\"Slug\" < s.value || '.'",
            System.Text.Json.JsonSerializer.Serialize(slugs));
        while (reader.Read()) Note(reader.GetString(0), reader.GetString(1));
    }

    private (bool BaseTaken, int HighestSuffix) ReadTaken(string slug, PreparedStatements sql)
    {
        _taken[slug] = (false, 0);
        using var reader = sql.Query("SELECT \"Slug\" FROM \"Researchers\" WHERE \"Slug\" >= @slug AND \"Slug\" < @after", slug, slug + ".");
        while (reader.Read()) Note(slug, reader.GetString(0));
        return _taken[slug];
    }

    /// <summary>Records that <paramref name="taken"/>, the slug itself or one with a suffix, is in use.</summary>
    private void Note(string slug, string taken)
    {
        var (baseTaken, highest) = _taken[slug];
        if (taken.Length == slug.Length) baseTaken = true;
        else if (taken[slug.Length] == '-' && int.TryParse(taken.AsSpan(slug.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            highest = Math.Max(highest, suffix);
        _taken[slug] = (baseTaken, highest);
    }
}
