using System.Globalization;
using System.Text;

namespace BzPeer.Explorer.Data;

/// <summary>
/// Text as names are compared and searched here: lower case, accents and other combining marks dropped ("Müller",
/// "MÜLLER" and "Muller" all read "muller"). Slugs, search words, the highlighting of matches and the matching of a
/// claimant's name to a record all fold through this one rule; PostgreSQL's search_fold (the SearchIndex migration)
/// is its counterpart in SQL.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
