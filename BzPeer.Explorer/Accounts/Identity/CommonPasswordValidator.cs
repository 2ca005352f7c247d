using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Identity;

namespace BzPeer.Explorer.Accounts.Identity;

/// <summary>
/// Refuses the passwords attackers try first (NIST SP 800-63B asks for a check against such a list): one on the
/// shipped list (CommonPasswords.txt), the same with digits or symbols before or after it ("Password123!"), with the
/// usual letter swaps ("p@ssw0rd"), or doubled; and runs or repeats of digits ("1234567890", "19871987ab").
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<ExplorerUser>
{
    public const string Message = "This password is too common: it is among the first ones attackers try. A phrase of a few words only you would think of is better.";

    private static readonly Lazy<HashSet<string>> Listed = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ExplorerUser> manager, ExplorerUser user, string? password) =>
        Task.FromResult(!string.IsNullOrEmpty(password) && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = Message })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var text = string.Concat(password.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (IsListed(text)) return true;
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetter(text[start])) start++;
        while (end > start && !char.IsLetter(text[end - 1])) end--;
        var stem = text[start..end];
        // Next to a short or empty stem, the digits and symbols carry the password.
        if (stem.Length < 3) return IsPredictable(text[..start] + text[end..]);
        return IsListed(stem) || IsRepeatOfListed(stem);
    }

    private static bool IsListed(string text) => Listed.Value.Contains(text) || Listed.Value.Contains(Unswapped(text));

    private static bool IsRepeatOfListed(string stem)
    {
        for (var unit = 1; unit <= stem.Length / 2; unit++)
            if (stem.Length % unit == 0 && RepeatsEvery(stem, unit) && IsListed(stem[..unit])) return true;
        return false;
    }

    /// <summary>Digits (symbols read as the digit keys they share) that count up or down, or repeat a short pattern.</summary>
    private static bool IsPredictable(string rest)
    {
        var digits = string.Concat(rest.Select(c => "!@#$%^&*()".IndexOf(c) is var shifted and >= 0 ? "1234567890"[shifted] : c));
        if (digits.Length < 2) return true;
        if (Enumerable.Range(1, digits.Length / 2).Any(unit => RepeatsEvery(digits, unit))) return true;
        if (!digits.All(char.IsAsciiDigit)) return false;
        var steps = digits.Zip(digits.Skip(1), (a, b) => (b - a + 10) % 10).Distinct().ToList();
        return steps is [1] or [9];
    }

    private static bool RepeatsEvery(string text, int unit) => unit > 0 && Enumerable.Range(unit, text.Length - unit).All(i => text[i] == text[i - unit]);

    private static string Unswapped(string text) => string.Concat(text.Select(c => c switch
    {
        '0' => 'o', '1' or '!' => 'i', '3' => 'e', '4' or '@' => 'a', '5' or '$' => 's', '7' => 't', _ => c,
    }));

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("BzPeer.Explorer.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the app.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } word && !word.StartsWith('#')) words.Add(word.ToLowerInvariant());
        return words;
    }
}
