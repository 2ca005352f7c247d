using System.Text;
using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Search;

/// <summary>
/// What a person typed, reduced to words: letters and digits only, accents folded, lower case. The FTS query is
/// built from these words alone, each quoted, so no operator, quote, bracket or column filter a person types can
/// reach the MATCH syntax. The last word matches as a prefix, for search as you type; word order does not matter.
/// </summary>
public sealed class SearchTerms
{
    /// <summary>Words beyond this many are ignored, and each word is cut to this length: enough for any name or title.</summary>
    public const int MaxWords = 8;
    public const int MaxWordLength = 40;

    /// <summary>Only so much of the typed text is read, whatever arrives.</summary>
    public const int MaxInputLength = 400;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    public static SearchTerms Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new SearchTerms([]);
        var input = text.Length > MaxInputLength ? text[..MaxInputLength] : text;
        return new SearchTerms(Fold(input, MaxWordLength).Take(MaxWords).ToList());
    }

    /// <summary>
    /// A name or title reduced to its folded words, all of them, one space apart: two texts with the same key differ
    /// only in case, accents and punctuation. An exact match is one whose name or title has the query's key.
    /// </summary>
    public static string Key(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : string.Join(' ', Fold(text.Length > MaxInputLength * 4 ? text[..(MaxInputLength * 4)] : text, int.MaxValue));

    private static List<string> Fold(string input, int maxWordLength)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in TextFolding.Fold(input))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length < maxWordLength) word.Append(c);
                continue;
            }
            Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>
    /// The FTS5 query: every word quoted (a quote cannot occur in a word), all required, the last one also as a
    /// prefix when it is at least two characters long. With columns, only those columns are searched.
    /// </summary>
    public string ToMatchExpression(bool prefixLastWord = true, string? columns = null)
    {
        var parts = Words.Select(w => $"\"{w}\"").ToList();
        if (prefixLastWord && Words[^1].Length >= 2) parts[^1] += "*";
        var expression = string.Join(' ', parts);
        return columns is null ? expression : $"{{{columns}}} : ({expression})";
    }

    /// <summary>The words as one FTS5 phrase (in this order, next to each other) in the given columns.</summary>
    public string ToMatchPhrase(string columns) => $"{{{columns}}} : \"{string.Join(' ', Words)}\"";

    /// <summary>
    /// The PostgreSQL tsquery text of the same search: every word required, the last one also as a prefix when it is
    /// at least two characters long. Words are letters and digits only, so no tsquery operator can come from the input.
    /// With weights (e.g. "AB"), only lexemes of those weights (the indexed columns given them) match.
    /// </summary>
    public string ToTsQuery(bool prefixLastWord = true, string weights = "")
    {
        var parts = Words.Select(w => weights.Length > 0 ? $"{w}:{weights}" : w).ToList();
        if (prefixLastWord && Words[^1].Length >= 2) parts[^1] = $"{Words[^1]}:*{weights}";
        return string.Join(" & ", parts);
    }

    /// <summary>The words as one tsquery phrase (in this order, next to each other), of the given weights.</summary>
    public string ToTsPhrase(string weights) => string.Join(" <-> ", Words.Select(w => $"{w}:{weights}"));
}
