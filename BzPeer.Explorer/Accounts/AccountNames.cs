using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace BzPeer.Explorer.Accounts;

/// <summary>
/// The names accounts show to others, made hard to use for passing as someone else: invisible and direction-changing
/// characters are taken out and look-alike forms folded (Unicode NFKC), so "Dave\u200b D" is "Dave D"; and names that
/// would read as the reader ("You") or as the app and its reviewers are refused.
/// </summary>
public static class AccountNames
{
    public const string Reserved = "This name is reserved: it could be taken for BzPeer Explorer, its reviewers or the reader (\u201cYou\u201d). Use the name people know you by.";

    // Letters and symbols that print as nothing (Hangul fillers, after NFKC; the blank Braille pattern): spaces here.
    private static readonly HashSet<char> BlankLetters = ['\u115F', '\u1160', '\u2800'];

    // Compared after folding: letters and digits only, lower case.
    private static readonly HashSet<string> ReservedNames =
    [
        "you", "me", "reviewer", "reviewers", "admin", "admins", "administrator", "administrators", "moderator", "moderators",
        "staff", "support", "system", "team", "security", "helpdesk", "noreply", "explorer",
    ];

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
        var key = string.Concat(normalized.Where(char.IsLetterOrDigit)).ToLowerInvariant();
        return ReservedNames.Contains(key) || key.Contains("bzpeer", StringComparison.Ordinal) ? Reserved : null;
    }

    /// <summary>The form rule: a name that <see cref="Problem"/> accepts.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class UsableAttribute : ValidationAttribute
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
            Problem(value as string) is { } problem ? new ValidationResult(problem, [validationContext.MemberName!]) : ValidationResult.Success;
    }
}
