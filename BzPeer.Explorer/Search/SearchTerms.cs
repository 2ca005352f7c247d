using System.Globalization;
using System.Text;

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
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in input.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length < MaxWordLength) word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return new SearchTerms(words.Take(MaxWords).ToList());

        void Flush()
        {
            if (word.Length > 0) words.Add(word.ToString().Normalize(NormalizationForm.FormC));
            word.Clear();
        }
    }

    /// <summary>
    /// The FTS5 query: every word quoted (a quote cannot occur in a word), all required, the last one also as a
    /// prefix when it is at least two characters long.
    /// </summary>
    public string ToMatchExpression(bool prefixLastWord = true)
    {
        var parts = Words.Select(w => $"\"{w}\"").ToList();
        if (prefixLastWord && Words[^1].Length >= 2) parts[^1] += "*";
        return string.Join(' ', parts);
    }

    /// <summary>
    /// The PostgreSQL tsquery text of the same search: every word required, the last one also as a prefix when it is
    /// at least two characters long. Words are letters and digits only, so no tsquery operator can come from the input.
    /// </summary>
    public string ToTsQuery(bool prefixLastWord = true)
    {
        var parts = Words.ToList();
        if (prefixLastWord && Words[^1].Length >= 2) parts[^1] += ":*";
        return string.Join(" & ", parts);
    }
}
