using System.Text;

namespace BzPeer.Explorer.Accounts;

/// <summary>
/// What people type, cleaned before it is checked and stored: line endings made uniform, control characters dropped,
/// the ends trimmed. It stays plain text; pages show it encoded, never as markup.
/// </summary>
public static class PlainText
{
    /// <summary>One line: line breaks and tabs become spaces. Empty becomes null.</summary>
    public static string? SingleLine(string? text) => Clean(text, keepLineBreaks: false);

    /// <summary>Paragraphs: line breaks kept (as \n). Empty becomes null.</summary>
    public static string? Multiline(string? text) => Clean(text, keepLineBreaks: true);

    private static string? Clean(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (c == '\n') builder.Append(keepLineBreaks ? '\n' : ' ');
            else if (c == '\t') builder.Append(' ');
            else if (!char.IsControl(c)) builder.Append(c);
        }
        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
