using System.Text;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace BzPeer.Explorer.Accounts.Identity;

/// <summary>The emailed links of the account flows: a token, made safe for a query string, on the app's public address (App:PublicUrl), never the request's host.</summary>
internal static class AccountLinks
{
    public static async Task SendEmailConfirmationAsync(UserManager<ExplorerUser> users, AccountEmails emails, PublicAddress address, ExplorerUser user, string? returnUrl)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = address.Link("Account/ConfirmEmail", new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = Encode(token),
            ["returnUrl"] = LocalUrl.IsLocal(returnUrl) ? returnUrl : null,
        });
        emails.QueueConfirmationLink(user.Email!, link);
    }

    public static async Task SendEmailChangeAsync(UserManager<ExplorerUser> users, AccountEmails emails, PublicAddress address, ExplorerUser user, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = address.Link("Account/ConfirmEmailChange", new Dictionary<string, string?> { ["userId"] = user.Id, ["email"] = newEmail, ["code"] = Encode(token) });
        emails.QueueEmailChangeLink(newEmail, link);
    }

    public static async Task SendPasswordResetAsync(UserManager<ExplorerUser> users, AccountEmails emails, PublicAddress address, ExplorerUser user) =>
        emails.QueuePasswordResetLink(user.Email!, await PasswordResetLinkAsync(users, address, user));

    /// <summary>Tells the owner of an address that someone tried to register it again, with a reset link that also confirms an unconfirmed account.</summary>
    public static async Task SendRegistrationAttemptAsync(UserManager<ExplorerUser> users, AccountEmails emails, PublicAddress address, ExplorerUser user) =>
        emails.QueueRegistrationAttempt(user.Email!, await PasswordResetLinkAsync(users, address, user), address.Link("Account/Login"));

    /// <summary>The one-time code that, with the right password, signs in to an account locked after failed attempts.</summary>
    public static async Task SendSignInCodeAsync(UserManager<ExplorerUser> users, AccountEmails emails, PublicAddress address, ExplorerUser user) =>
        emails.QueueSignInCode(user.Email!, await users.GenerateUserTokenAsync(user, TokenOptions.DefaultEmailProvider, SignInCodePurpose), address.Link("Account/ForgotPassword"));

    public const string SignInCodePurpose = "SignInWhileLocked";

    private static async Task<string> PasswordResetLinkAsync(UserManager<ExplorerUser> users, PublicAddress address, ExplorerUser user) =>
        address.Link("Account/ResetPassword", new Dictionary<string, string?> { ["code"] = Encode(await users.GeneratePasswordResetTokenAsync(user)) });

    /// <summary>The token a link carried, or null when the link was mangled.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
