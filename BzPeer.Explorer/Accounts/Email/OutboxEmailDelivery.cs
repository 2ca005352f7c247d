using System.Globalization;
using System.Text;

namespace BzPeer.Explorer.Accounts.Email;

/// <summary>A message found in the outbox folder.</summary>
public sealed record OutboxMessage(string FileName, string From, string To, string Subject, DateTimeOffset Date, string Body);

/// <summary>
/// Writes each message as a file (RFC 5322 headers, a UTF-8 plain-text body) to a folder, so every flow that needs an
/// email works on one machine: open the file, or the Development outbox page, and follow the link.
/// </summary>
public sealed class OutboxEmailDelivery(string folder, string from, TimeProvider clock) : IEmailDelivery
{
    public string Folder => folder;

    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMdd-HHmmss-fffffff}-{Guid.NewGuid():N}.eml";
        var text = new StringBuilder()
            .Append("From: ").Append(EncodeHeader(from)).Append("\r\n")
            .Append("To: ").Append(EncodeHeader(message.To)).Append("\r\n")
            .Append("Subject: ").Append(EncodeHeader(message.Subject)).Append("\r\n")
            .Append("Date: ").Append(now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n")
            .Append("\r\n")
            .Append(message.Body.ReplaceLineEndings("\r\n"))
            .ToString();
        // Written under a temporary name and moved, so a reader never sees half a message.
        var temporary = Path.Combine(folder, name + ".tmp");
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken);
        File.Move(temporary, Path.Combine(folder, name));
    }

    /// <summary>The messages in the folder, newest first.</summary>
    public static List<OutboxMessage> ReadAll(string folder, int max = 200)
    {
        if (!Directory.Exists(folder)) return [];
        return new DirectoryInfo(folder).EnumerateFiles("*.eml")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(f => Parse(f.Name, File.ReadAllText(f.FullName, Encoding.UTF8)))
            .ToList();
    }

    public static OutboxMessage Parse(string fileName, string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        var headers = head.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => DecodeHeader(g.First()[1].Trim()), StringComparer.OrdinalIgnoreCase);
        var date = DateTimeOffset.TryParse(headers.GetValueOrDefault("Date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : DateTimeOffset.MinValue;
        return new OutboxMessage(fileName, headers.GetValueOrDefault("From", ""), headers.GetValueOrDefault("To", ""),
            headers.GetValueOrDefault("Subject", ""), date, body.ReplaceLineEndings("\n"));
    }

    /// <summary>Header values outside printable ASCII are written as RFC 2047 encoded words; line breaks never reach a header.</summary>
    private static string EncodeHeader(string value)
    {
        value = value.ReplaceLineEndings(" ");
        return value.All(c => c is >= ' ' and <= '~') ? value : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
    }

    private static string DecodeHeader(string value)
    {
        const string prefix = "=?utf-8?B?", suffix = "?=";
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !value.EndsWith(suffix, StringComparison.Ordinal)) return value;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value[prefix.Length..^suffix.Length]));
        }
        catch (FormatException)
        {
            return value;
        }
    }
}
