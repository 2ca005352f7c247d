using System.Globalization;
using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Search;

public readonly record struct TextSegment(string Text, bool IsMatch);

/// <summary>
/// Splits text into plain and matched segments (a matched segment is a word that equals or starts with a searched
/// word, compared without accents or case). The page renders each segment as its own span, so the text is always
/// encoded and never turned into markup.
/// </summary>
public static class Highlighter
{
    public static IReadOnlyList<TextSegment> Split(string text, SearchTerms terms)
    {
        if (terms.IsEmpty || string.IsNullOrEmpty(text)) return [new TextSegment(text, false)];
        var segments = new List<TextSegment>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark)) i++;
            var folded = TextFolding.Fold(text[start..i]);
            if (terms.Words.Any(w => folded.StartsWith(w, StringComparison.Ordinal)))
            {
                if (start > plainStart) segments.Add(new TextSegment(text[plainStart..start], false));
                segments.Add(new TextSegment(text[start..i], true));
                plainStart = i;
            }
        }
        if (plainStart < text.Length) segments.Add(new TextSegment(text[plainStart..], false));
        return segments;
    }
}
