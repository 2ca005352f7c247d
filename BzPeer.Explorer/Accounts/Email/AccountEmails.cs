namespace BzPeer.Explorer.Accounts.Email;

/// <summary>
/// The emails the app sends, written as plain text. Links are passed unencoded (plain text needs no escaping). Account
/// emails (confirm, reset, codes) are queued, so a form's answer never depends on whether one was sent; a failed send is
/// logged, and the person asks again. Notifications are logged and dropped, so a mail outage never undoes an
/// invitation or a review.
/// </summary>
public sealed class AccountEmails(IEmailDelivery delivery, ILogger<AccountEmails> logger)
{
    private const string Signature = "\n\n— BzPeer Explorer";

    public void QueueConfirmationLink(string email, string confirmationLink) =>
        Queue(new EmailMessage(email, "Confirm your BzPeer Explorer account",
            $"Welcome to BzPeer Explorer.\n\nConfirm your email address by opening this link and entering the password you chose:\n{confirmationLink}\n\n" +
            "If you did not register, ignore this message: the account stays unconfirmed and cannot sign in." + Signature));

    public void QueueEmailChangeLink(string newEmail, string confirmationLink) =>
        Queue(new EmailMessage(newEmail, "Confirm your new BzPeer Explorer email address",
            $"Confirm that this is your new email address by opening this link:\n{confirmationLink}\n\n" +
            "If you did not ask for this, ignore this message: nothing changes." + Signature));

    public void QueuePasswordResetLink(string email, string resetLink) =>
        Queue(new EmailMessage(email, "Reset your BzPeer Explorer password",
            $"Choose a new password by opening this link:\n{resetLink}\n\n" +
            "If you did not ask for this, ignore this message: your password stays as it is." + Signature));

    public void QueueRegistrationAttempt(string email, string resetLink, string signInLink) =>
        Queue(new EmailMessage(email, "Someone tried to register with your BzPeer Explorer address",
            "Someone tried to create a BzPeer Explorer account with this email address, which already has an account.\n\n" +
            $"If it was you, sign in:\n{signInLink}\n\nor, if you do not know the account's password, reset it here (this also confirms the address " +
            $"if the account was never confirmed; a password someone else chose stops working):\n{resetLink}\n\n" +
            "If it was not you, ignore this message: nothing has changed." + Signature));

    public void QueueSignInCode(string email, string code, string resetLink) =>
        Queue(new EmailMessage(email, "Your BzPeer Explorer sign-in code",
            "Your account had many failed sign-in attempts, so signing in now takes a code as well as the password.\n\n" +
            $"Your sign-in code: {code}\n\nEnter it on the sign-in page with your password; it is valid for a few minutes.\n\n" +
            $"This email was sent because someone entered your password correctly. If that was not you, change your password now:\n{resetLink}" + Signature));

    public Task NotifyClaimDecidedAsync(string email, string researcherName, bool approved, string? reason, string researcherLink) =>
        NotifyAsync(new EmailMessage(email, approved ? "Your author claim was approved" : "Your author claim was not approved",
            (approved
                ? $"A reviewer approved your claim on the author record of {researcherName}. You can now edit its description and take collaboration invitations."
                : $"A reviewer did not approve your claim on the author record of {researcherName}.") +
            (string.IsNullOrWhiteSpace(reason) ? "" : $"\n\nThe reviewer's reason, in their words:\n{QuotedText.Quote(reason)}") +
            $"\n\nThe record: {researcherLink}" + Signature));

    public Task NotifyClaimDisputedAsync(string email, string researcherName, string researcherLink) =>
        NotifyAsync(new EmailMessage(email, "Another account claims your author record",
            $"Another account has claimed the author record of {researcherName}, which you hold. A reviewer will weigh its evidence " +
            "against your claim; until then nothing changes, and you will hear by email if the reviewer upholds it." +
            $"\n\nThe record: {researcherLink}" + Signature));

    public Task NotifyClaimRevokedAsync(string email, string researcherName, string reason, string researcherLink) =>
        NotifyAsync(new EmailMessage(email, "Your author claim was revoked",
            $"A reviewer revoked your claim on the author record of {researcherName}. The record is unclaimed again, and the collaboration invitations waiting for you on it are closed." +
            $"\n\nThe reviewer's reason, in their words:\n{QuotedText.Quote(reason)}\n\nThe record: {researcherLink}" + Signature));

    // Names and subjects are the users' words: quoted and marked as theirs (QuotedText), never run into the app's sentences.
    public Task NotifyInvitationReceivedAsync(string email, string senderName, string researcherName, string subject, string inboxLink) =>
        NotifyAsync(new EmailMessage(email, "New collaboration invitation on BzPeer Explorer",
            $"You have a new collaboration invitation, as the claimed author of {researcherName}.\n\n" +
            $"From, as the sender wrote their name:\n{QuotedText.Quote(senderName)}\n\n" +
            $"Subject, as the sender wrote it:\n{QuotedText.Quote(subject)}\n\n" +
            UserTextNote +
            $"Read it and accept or decline in your inbox:\n{inboxLink}" + Signature));

    public Task NotifyInvitationAcceptedAsync(string email, string ownerName, string subject, string conversationLink) =>
        NotifyAsync(new EmailMessage(email, "Your collaboration invitation was accepted",
            $"Your collaboration invitation was accepted. The conversation is open:\n{conversationLink}\n\n" +
            $"Accepted by, as they wrote their name:\n{QuotedText.Quote(ownerName)}\n\n" +
            $"Your subject:\n{QuotedText.Quote(subject)}" + Signature));

    private const string UserTextNote =
        "Lines starting with \">\" are the sender's words, not BzPeer Explorer's; web addresses in them are broken on purpose. " +
        "BzPeer Explorer never asks you to verify anything through a message.\n\n";

    /// <summary>
    /// Sends an account email without the request waiting for it: the forms that send them answer the same, equally
    /// fast, whether or not an email went out (and so whether the address has an account). A failure is logged.
    /// </summary>
    private void Queue(EmailMessage message) => _ = Task.Run(() => NotifyAsync(message));

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
