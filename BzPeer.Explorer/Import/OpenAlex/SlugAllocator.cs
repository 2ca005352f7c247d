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

    private static (bool BaseTaken, int HighestSuffix) ReadTaken(string slug, PreparedStatements sql)
    {
        var baseTaken = false;
        var highest = 0;
        // '.' follows '-' in ASCII, so this range holds exactly the slugs that start with "slug-".
        using var reader = sql.Query("SELECT Slug FROM Researchers WHERE Slug = @slug OR (Slug > @prefix AND Slug < @after)",
            slug, slug + "-", slug + ".");
        while (reader.Read())
        {
            var taken = reader.GetString(0);
            if (taken.Length == slug.Length) baseTaken = true;
            else if (int.TryParse(taken.AsSpan(slug.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var suffix))
                highest = Math.Max(highest, suffix);
        }
        return (baseTaken, highest);
    }
}
