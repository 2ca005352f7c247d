using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts;

/// <summary>What the services need to know about an acting account, read fresh from the database for each action.</summary>
public sealed record Account(string Id, string Email, bool EmailConfirmed, string? DisplayName)
{
    /// <summary>How other people see this account: the name it chose; never its email address.</summary>
    public string PublicName => PublicNameOf(DisplayName);

    /// <remarks>Normalised again when shown, for names stored before the rules in <see cref="AccountNames"/>.</remarks>
    public static string PublicNameOf(string? displayName) => AccountNames.Normalize(displayName) ?? "A BzPeer Explorer member";

    /// <summary>The signed-in principal's account, or null for a visitor or an account that no longer exists.</summary>
    public static async Task<Account?> FindAsync(ExplorerDbContext db, System.Security.Claims.ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        var userId = SignedInUser.IdOf(principal);
        if (userId is null) return null;
        return await db.Users.Where(u => u.Id == userId)
            .Select(u => new Account(u.Id, u.Email ?? "", u.EmailConfirmed, u.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
