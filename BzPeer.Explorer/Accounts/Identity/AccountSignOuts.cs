using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Identity;

namespace BzPeer.Explorer.Accounts.Identity;

/// <summary>
/// Ends every sign-in of an account (sign-out, "sign out everywhere", a password reset). The new security stamp refuses
/// every cookie issued before it, as cookies are checked against the stamp on each request; open pages on this instance
/// drop the sign-in at once, those on other instances at their next revalidation.
/// </summary>
internal sealed class AccountSignOuts
{
    /// <summary>Raised with the account's id once its sign-ins have ended.</summary>
    public event Action<string>? Ended;

    public async Task EndEverySignInAsync(UserManager<ExplorerUser> users, ExplorerUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        Ended?.Invoke(user.Id);
    }
}
