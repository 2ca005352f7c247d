namespace BzPeer.Explorer.Accounts.Email;

/// <summary>
/// The emails the app sends, written as plain text. Links are passed unencoded (plain text needs no escaping). Account
/// emails (confirm, reset) fail loudly, since the flow cannot go on without them; notifications are logged and dropped,
/// so a mail outage never undoes an invitation or a review.
/// </summary>
public sealed class AccountEmails(IEmailDelivery delivery, ILogger<AccountEmails> logger)
{
    private const string Signature = "\n\n— BzPeer Explorer";

    public Task SendConfirmationLinkAsync(string email, string confirmationLink) =>
        delivery.DeliverAsync(new EmailMessage(email, "Confirm your BzPeer Explorer account",
            $"Welcome to BzPeer Explorer.\n\nConfirm your email address by opening this link:\n{confirmationLink}\n\n" +
            "If you did not register, ignore this message: the account stays unconfirmed and cannot sign in." + Signature));

    public Task SendEmailChangeLinkAsync(string newEmail, string confirmationLink) =>
        delivery.DeliverAsync(new EmailMessage(newEmail, "Confirm your new BzPeer Explorer email address",
            $"Confirm that this is your new email address by opening this link:\n{confirmationLink}\n\n" +
            "If you did not ask for this, ignore this message: nothing changes." + Signature));

    public Task SendPasswordResetLinkAsync(string email, string resetLink) =>
        delivery.DeliverAsync(new EmailMessage(email, "Reset your BzPeer Explorer password",
            $"Choose a new password by opening this link:\n{resetLink}\n\n" +
            "If you did not ask for this, ignore this message: your password stays as it is." + Signature));

    public Task NotifyClaimDecidedAsync(string email, string researcherName, bool approved, string? reason, string researcherLink) =>
        NotifyAsync(new EmailMessage(email, approved ? "Your author claim was approved" : "Your author claim was not approved",
            (approved
                ? $"A reviewer approved your claim on the author record of {researcherName}. You can now edit its description and take collaboration invitations."
                : $"A reviewer did not approve your claim on the author record of {researcherName}.") +
            (string.IsNullOrWhiteSpace(reason) ? "" : $"\n\nReason: {reason}") +
            $"\n\nThe record: {researcherLink}" + Signature));

    public Task NotifyClaimDisputedAsync(string email, string researcherName, string researcherLink) =>
        NotifyAsync(new EmailMessage(email, "Another account claims your author record",
            $"Another account has claimed the author record of {researcherName}, which you hold. A reviewer will weigh its evidence " +
            "against your claim; until then nothing changes, and you will hear by email if the reviewer upholds it." +
            $"\n\nThe record: {researcherLink}" + Signature));

    public Task NotifyClaimRevokedAsync(string email, string researcherName, string reason, string researcherLink) =>
        NotifyAsync(new EmailMessage(email, "Your author claim was revoked",
            $"A reviewer revoked your claim on the author record of {researcherName}. The record is unclaimed again, and the collaboration invitations waiting for you on it are closed." +
            $"\n\nReason: {reason}\n\nThe record: {researcherLink}" + Signature));

    public Task NotifyInvitationReceivedAsync(string email, string senderName, string researcherName, string subject, string inboxLink) =>
        NotifyAsync(new EmailMessage(email, "New collaboration invitation on BzPeer Explorer",
            $"{senderName} invites you, as {researcherName}, to a conversation: \"{subject}\".\n\n" +
            $"Read it and accept or decline in your inbox:\n{inboxLink}" + Signature));

    public Task NotifyInvitationAcceptedAsync(string email, string ownerName, string subject, string conversationLink) =>
        NotifyAsync(new EmailMessage(email, "Your collaboration invitation was accepted",
            $"{ownerName} accepted your invitation \"{subject}\". The conversation is open:\n{conversationLink}" + Signature));

    private async Task NotifyAsync(EmailMessage message)
    {
        try
        {
            await delivery.DeliverAsync(message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Mail.SmtpException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not send the notification \"{Subject}\"", message.Subject);
        }
    }
}
