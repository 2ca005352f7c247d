namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>The kinds of OpenAlex entity, told apart by the letter that starts an id.</summary>
internal enum OpenAlexKind { Work, Author, Institution, Topic, Source, Publisher, Funder, Concept, Other }

/// <summary>
/// OpenAlex ids in the short form the database stores ("W2741809807"), from any of the forms the data uses:
/// "https://openalex.org/W2741809807", "https://openalex.org/works/W2741809807", "W2741809807" or lower case.
/// </summary>
internal static class OpenAlexId
{
    private const int MaxDigits = 18;

    /// <summary>The short id, or null when <paramref name="value"/> is not an OpenAlex entity id.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null) return null;
        var span = ShortForm(value);
        if (span.IsEmpty) return null;
        return char.IsAsciiLetterUpper(span[0]) ? span.ToString() : char.ToUpperInvariant(span[0]) + span[1..].ToString();
    }

    /// <summary>
    /// The number of a work's id in any of its forms ("https://openalex.org/W2741809807" → 2741809807), read from the
    /// JSON string's bytes without making a string of it; null for anything that is not a work's id.
    /// </summary>
    public static long? WorkNumber(System.Text.Json.JsonElement text)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(text);
        // The raw value keeps its quotes, and escapes as written: those (rare) are read as a string.
        if (raw.Length < 2 || raw.Length > 80 || raw.IndexOf((byte)'\\') >= 0 || !System.Text.Ascii.IsValid(raw))
            return Normalize(text.GetString()) is { } id && KindOf(id) == OpenAlexKind.Work ? long.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) : null;
        Span<char> chars = stackalloc char[raw.Length - 2];
        System.Text.Ascii.ToUtf16(raw[1..^1], chars, out _);
        var span = ShortForm(chars);
        return !span.IsEmpty && span[0] is 'W' or 'w' ? long.Parse(span[1..], System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The id's letter and digits, found in any of its forms; empty when it is not an OpenAlex entity id.</summary>
    private static ReadOnlySpan<char> ShortForm(ReadOnlySpan<char> value)
    {
        var span = value.Trim();
        var slash = span.LastIndexOf('/');
        if (slash >= 0)
        {
            if (!span.StartsWith("https://openalex.org/", StringComparison.OrdinalIgnoreCase)
                && !span.StartsWith("http://openalex.org/", StringComparison.OrdinalIgnoreCase)) return default;
            span = span[(slash + 1)..];
        }
        if (span.Length < 2 || span.Length > MaxDigits + 1 || !char.IsAsciiLetter(span[0])) return default;
        foreach (var c in span[1..])
            if (!char.IsAsciiDigit(c)) return default;
        return span;
    }

    public static OpenAlexKind KindOf(string normalizedId) => normalizedId[0] switch
    {
        'W' => OpenAlexKind.Work,
        'A' => OpenAlexKind.Author,
        'I' => OpenAlexKind.Institution,
        'T' => OpenAlexKind.Topic,
        // 'V': a venue of the 2022 schema, what OpenAlex now calls a source.
        'S' or 'V' => OpenAlexKind.Source,
        'P' => OpenAlexKind.Publisher,
        'F' => OpenAlexKind.Funder,
        'C' => OpenAlexKind.Concept,
        _ => OpenAlexKind.Other,
    };

    /// <summary>A venue id of the 2022 schema ("V…"), what OpenAlex later made a source ("S…").</summary>
    public static bool IsVenueId(string normalizedId) => normalizedId[0] == 'V';

    /// <summary>The kind a snapshot folder holds (merged_ids/authors/… names its kind by folder).</summary>
    public static OpenAlexKind? KindOfFolder(string folderName) => folderName.ToLowerInvariant() switch
    {
        "works" => OpenAlexKind.Work,
        "authors" => OpenAlexKind.Author,
        "institutions" => OpenAlexKind.Institution,
        "topics" => OpenAlexKind.Topic,
        "sources" or "venues" => OpenAlexKind.Source,
        "publishers" => OpenAlexKind.Publisher,
        "funders" => OpenAlexKind.Funder,
        "concepts" => OpenAlexKind.Concept,
        _ => null,
    };
}
