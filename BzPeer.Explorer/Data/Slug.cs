using System.Text;

namespace BzPeer.Explorer.Data;

/// <summary>URL slugs: lower-case ASCII words joined by hyphens, accents folded ("Müller" → "muller").</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var folded in TextFolding.Fold(text))
        {
            if (folded is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                builder.Append(folded);
                pendingHyphen = false;
                if (builder.Length >= MaxLength) break;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return builder.Length == 0 ? "researcher" : builder.ToString();
    }

    /// <summary>True for text <see cref="From"/> could have produced; anything else can never be a stored slug.</summary>
    public static bool IsWellFormed(string? candidate) =>
        !string.IsNullOrEmpty(candidate)
        && candidate.Length <= MaxLength + 12
        && candidate[0] != '-' && candidate[^1] != '-'
        && !candidate.Contains("--", StringComparison.Ordinal)
        && candidate.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
