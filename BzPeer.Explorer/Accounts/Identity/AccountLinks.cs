using System.Text;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace BzPeer.Explorer.Accounts.Identity;

/// <summary>The emailed links of the account flows: a token, made safe for a query string, on an absolute address of this site.</summary>
internal static class AccountLinks
{
    public static async Task SendEmailConfirmationAsync(UserManager<ExplorerUser> users, AccountEmails emails, NavigationManager navigation, ExplorerUser user, string? returnUrl)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Absolute(navigation, "Account/ConfirmEmail", new()
        {
            ["userId"] = user.Id,
            ["code"] = Encode(token),
            ["returnUrl"] = LocalUrl.IsLocal(returnUrl) ? returnUrl : null,
        });
        await emails.SendConfirmationLinkAsync(user.Email!, link);
    }

    public static async Task SendEmailChangeAsync(UserManager<ExplorerUser> users, AccountEmails emails, NavigationManager navigation, ExplorerUser user, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = Absolute(navigation, "Account/ConfirmEmailChange", new() { ["userId"] = user.Id, ["email"] = newEmail, ["code"] = Encode(token) });
        await emails.SendEmailChangeLinkAsync(newEmail, link);
    }

    public static async Task SendPasswordResetAsync(UserManager<ExplorerUser> users, AccountEmails emails, NavigationManager navigation, ExplorerUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await emails.SendPasswordResetLinkAsync(user.Email!, Absolute(navigation, "Account/ResetPassword", new() { ["code"] = Encode(token) }));
    }

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

    private static string Absolute(NavigationManager navigation, string path, Dictionary<string, object?> query) =>
        navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(path).AbsoluteUri, query);
}
