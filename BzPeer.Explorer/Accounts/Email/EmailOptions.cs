using System.Net.Mail;

namespace BzPeer.Explorer.Accounts.Email;

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public const string DefaultOutboxPath = "data/outbox";

    /// <summary>The sender address, e.g. <c>BzPeer Explorer &lt;no-reply@example.org&gt;</c>.</summary>
    public string From { get; set; } = "BzPeer Explorer <no-reply@bzpeer.example>";

    /// <summary>The folder the outbox writes to when no SMTP host is set; relative paths are under the content root.</summary>
    public string OutboxPath { get; set; } = DefaultOutboxPath;

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        /// <summary>Set this to send through an SMTP server instead of writing to the outbox.</summary>
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool EnableSsl { get; set; } = true;
    }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>Checks the section at start, so a mistake is reported with the setting's name rather than at the first email.</summary>
    public IEnumerable<string> Problems()
    {
        if (!MailAddress.TryCreate(From, out _)) yield return $"{Section}:From '{From}' is not an email address.";
        if (UsesSmtp)
        {
            if (Smtp.Port is < 1 or > 65535) yield return $"{Section}:Smtp:Port {Smtp.Port} is not a port number (1–65535).";
            if (string.IsNullOrEmpty(Smtp.UserName) != string.IsNullOrEmpty(Smtp.Password))
                yield return $"{Section}:Smtp:UserName and {Section}:Smtp:Password are set together or not at all.";
        }
        else if (string.IsNullOrWhiteSpace(OutboxPath) || OutboxPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return $"{Section}:OutboxPath '{OutboxPath}' is not a folder path.";
        }
    }

    public string ResolveOutboxFolder(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(OutboxPath) ? OutboxPath : Path.Combine(contentRoot, OutboxPath));
}
