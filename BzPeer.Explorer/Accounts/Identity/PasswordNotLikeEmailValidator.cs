using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Identity;

namespace BzPeer.Explorer.Accounts.Identity;

/// <summary>Refuses a password that contains the account's email address or its name part: the first thing an attacker tries.</summary>
internal sealed class PasswordNotLikeEmailValidator : IPasswordValidator<ExplorerUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ExplorerUser> manager, ExplorerUser user, string? password)
    {
        var email = user.Email ?? user.UserName;
        if (string.IsNullOrEmpty(password) || string.IsNullOrEmpty(email)) return Task.FromResult(IdentityResult.Success);
        var localPart = email.Split('@')[0];
        var similar = password.Contains(email, StringComparison.OrdinalIgnoreCase)
            || (localPart.Length >= 4 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(similar
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordLikeEmail", Description = "The password must not contain your email address or its name part." })
            : IdentityResult.Success);
    }
}
