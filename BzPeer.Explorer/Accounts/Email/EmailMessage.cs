namespace BzPeer.Explorer.Accounts.Email;

/// <summary>One plain-text email. Text only: what people typed is never interpreted as markup, in the app or in a mail client.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Where email goes: a folder on this machine (the outbox), or an SMTP server. Chosen by configuration at start.</summary>
public interface IEmailDelivery
{
    Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
