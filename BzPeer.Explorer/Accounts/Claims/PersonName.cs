using System.Globalization;
using System.Text;
using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>
/// Whether two ways of writing a person's name can be the same person (DESIGN.md §3): case, accents, hyphens and
/// initials are folded, so "Y.-K. Lai" matches "Yu-Kun Lai", "MEIHAO KONG" matches "Meihao Kong" and "Jose Garcia"
/// matches "José García"; "Lai, Yu-Kun" and "Kong Meihao" (family name first) match too. The family name must be
/// written out in both and the given names paired one by one: "Jing Wu" does not match "Jing Huo", nor "Jing Huo" match
/// "Jing Li Huo".
/// </summary>
public static class PersonName
{
    public static bool Matches(string? one, string? other)
    {
        var left = Variants(one);
        var right = Variants(other);
        // Initials are folded only in the order as written: "Yu-Kun L." turned round is not "Lai Yu-Kun".
        return left.Any(l => right.Any(r => SameTokens(l.Tokens, r.Tokens, initials: !l.Reversed && !r.Reversed)));
    }

    /// <summary>Whether the name matches any of the record's names.</summary>
    public static bool MatchesAny(string? name, IEnumerable<string?> recordNames) => recordNames.Any(recordName => Matches(name, recordName));

    /// <summary>
    /// The readings of a name as lists of folded tokens, family name last: as written, with hyphenated given names
    /// joined ("yu-kun" as "yukun"), and with the first token moved to the end (family name written first).
    /// </summary>
    private static List<(string[] Tokens, bool Reversed)> Variants(string? name)
    {
        var folded = Fold(name);
        if (folded.Length == 0) return [];
        // "Lai, Yu-Kun": the part before the comma is the family name.
        var comma = folded.IndexOf(',');
        if (comma > 0) folded = folded[(comma + 1)..] + " " + folded[..comma];

        var words = folded.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [];
        var split = words.SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var joined = words.Select(w => w.Replace("-", "", StringComparison.Ordinal)).Where(w => w.Length > 0).ToArray();
        List<(string[] Tokens, bool Reversed)> variants = [(split, false), (joined, false)];
        if (joined.Length >= 2) variants.Add(([.. joined[1..], joined[0]], true));
        return variants.Where(v => v.Tokens.Length >= 2).ToList();
    }

    /// <summary>Same number of tokens; the family names equal; each given name equal, or an initial of the other.</summary>
    private static bool SameTokens(string[] one, string[] other, bool initials)
    {
        if (one.Length != other.Length) return false;
        if (one[^1].Length < 2 || one[^1] != other[^1]) return false;
        for (var i = 0; i < one.Length - 1; i++)
        {
            var (a, b) = (one[i], other[i]);
            if (a == b) continue;
            if (!initials) return false;
            if (a.Length == 1 && b.StartsWith(a, StringComparison.Ordinal)) continue;
            if (b.Length == 1 && a.StartsWith(b, StringComparison.Ordinal)) continue;
            return false;
        }
        return true;
    }

    /// <summary>Lower case, accents and punctuation dropped, letters kept; hyphens, commas and spaces kept as separators.</summary>
    private static string Fold(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var builder = new StringBuilder(name.Length);
        foreach (var c in TextFolding.Fold(name))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation) builder.Append('-');
            else if (char.IsWhiteSpace(c) || c == '.') builder.Append(' ');
            else if (c == ',') builder.Append(',');
            else if (char.IsLetterOrDigit(c)) builder.Append(Letters(c));
        }
        // "Y.-K." reads as "Y -K ": a hyphen next to a space joins nothing.
        return builder.ToString().Replace(" -", " ", StringComparison.Ordinal).Replace("- ", " ", StringComparison.Ordinal).Trim(' ', '-');
    }

    /// <summary>Letters that do not decompose into a base letter and an accent.</summary>
    private static string Letters(char c) => c switch
    {
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ı' => "i",
        _ => c.ToString(),
    };
}
