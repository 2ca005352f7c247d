using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace BzPeer.Explorer.Accounts;

/// <summary>
/// The names accounts show to others, made hard to use for passing as someone else: invisible and direction-changing
/// characters are taken out and look-alike forms folded (Unicode NFKC), so "Dave\u200b D" is "Dave D"; and names that
/// would read as the reader ("You") or as the app and its reviewers are refused, also when spelt in look-alike letters
/// of another alphabet ("ТЕАМ" in Cyrillic); and a word may not mix Latin letters with Cyrillic or Greek ones (the
/// Cyrillic "А" of "Аdmin"), the usual way to pass one name for another (Unicode TR 39's single-script rule).
/// </summary>
public static class AccountNames
{
    public const string Reserved = "This name is reserved: it could be taken for BzPeer Explorer, its reviewers or the reader (\u201cYou\u201d). Use the name people know you by.";

    public const string MixedAlphabets = "Write each word of your name in one alphabet: a word that mixes Latin letters with Cyrillic or Greek ones can pass for another name.";

    // Letters and symbols that print as nothing (Hangul fillers, after NFKC; the blank Braille pattern): spaces here.
    private static readonly HashSet<char> BlankLetters = ['\u115F', '\u1160', '\u2800'];

    // Compared after folding: letters and digits only, lower case.
    private static readonly HashSet<string> ReservedNames =
    [
        "you", "me", "reviewer", "reviewers", "admin", "admins", "administrator", "administrators", "moderator", "moderators",
        "staff", "support", "system", "team", "security", "helpdesk", "noreply", "explorer",
    ];

    // Cyrillic and Greek letters drawn like Latin ones (a subset of Unicode's confusables), for the reserved-name check.
    private static readonly Dictionary<char, char> LatinLookAlikes = LookAlikes(
        "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0405\u0455\u0406\u0456\u0408\u0458\u0500\u0501\u04ae\u04af\u04ba\u04bb\u051a\u051b\u051c\u051d",
        "abekmhopctxyaeopcyxssiijjddyyhhqqww",
        "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf\u03b1\u03b9\u03bd\u03c1",
        "abezhikmnoptyxoaivp");

    private enum Alphabet { Other, Latin, Greek, Cyrillic }

    /// <summary>The name as it is stored and shown: one line, format characters (zero-width, bidi) removed, NFKC, single spaces. Null when nothing visible is left.</summary>
    public static string? Normalize(string? name)
    {
        if (PlainText.SingleLine(name) is not { } line) return null;
        var visible = new StringBuilder(line.Length);
        foreach (var rune in line.EnumerateRunes())
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format) visible.Append(rune.ToString());
        var folded = new StringBuilder();
        foreach (var c in visible.ToString().Normalize(NormalizationForm.FormKC))
            folded.Append(BlankLetters.Contains(c) ? ' ' : c);
        var spaced = string.Join(' ', folded.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return spaced.Length == 0 ? null : spaced;
    }

    /// <summary>Why the name cannot be used, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (Normalize(name) is not { } normalized) return "Give your name: the people you talk with see it.";
        if (normalized.Split(' ').Any(MixesAlphabets)) return MixedAlphabets;
        var key = string.Concat(normalized.Where(char.IsLetterOrDigit).Select(c => LatinLookAlikes.GetValueOrDefault(c, c))).ToLowerInvariant();
        return ReservedNames.Contains(key) || key.Contains("bzpeer", StringComparison.Ordinal) ? Reserved : null;
    }

    private static bool MixesAlphabets(string word) =>
        word.Where(char.IsLetter).Select(AlphabetOf).Where(a => a != Alphabet.Other).Distinct().Skip(1).Any();

    private static Alphabet AlphabetOf(char letter) => letter switch
    {
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00c0' and <= '\u024f') or (>= '\u1e00' and <= '\u1eff') => Alphabet.Latin,
        (>= '\u0370' and <= '\u03ff') or (>= '\u1f00' and <= '\u1fff') => Alphabet.Greek,
        (>= '\u0400' and <= '\u052f') or (>= '\u1c80' and <= '\u1c8f') or (>= '\u2de0' and <= '\u2dff') or (>= '\ua640' and <= '\ua69f') => Alphabet.Cyrillic,
        _ => Alphabet.Other,
    };

    private static Dictionary<char, char> LookAlikes(params string[] fromTo)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < fromTo.Length; i += 2)
            foreach (var (from, to) in fromTo[i].Zip(fromTo[i + 1], (f, t) => (f, t))) map[from] = to;
        return map;
    }

    /// <summary>The form rule: a name that <see cref="Problem"/> accepts.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class UsableAttribute : ValidationAttribute
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
            Problem(value as string) is { } problem ? new ValidationResult(problem, [validationContext.MemberName!]) : ValidationResult.Success;
    }
}
