using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>The reviewer role: accounts that decide the claims that are not approved at once.</summary>
public static class Reviewers
{
    public const string RoleName = "Reviewer";
    private static readonly string NormalizedRoleName = RoleName.ToUpperInvariant();

    /// <summary>Read from the database on every check, so a new reviewer need not sign in again and a removed one loses the right at once.</summary>
    public static Task<bool> IsReviewerAsync(ExplorerDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.UserRoles.AnyAsync(link => link.UserId == userId && db.Roles.Any(role => role.Id == link.RoleId && role.NormalizedName == NormalizedRoleName), cancellationToken);

    public enum AddResult { Added, AlreadyReviewer, NoSuchAccount }

    /// <summary>Gives the account with this email the reviewer role, creating the role when it does not exist yet.</summary>
    public static async Task<AddResult> AddAsync(ExplorerDbContext db, string email, CancellationToken cancellationToken = default)
    {
        var normalizedEmail = new UpperInvariantLookupNormalizer().NormalizeEmail(email.Trim());
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (userId is null) return AddResult.NoSuchAccount;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var role = await db.Roles.AsTracking().FirstOrDefaultAsync(r => r.NormalizedName == NormalizedRoleName, cancellationToken);
        if (role is null)
        {
            role = new IdentityRole(RoleName) { NormalizedName = NormalizedRoleName };
            db.Roles.Add(role);
        }
        else if (await db.UserRoles.AnyAsync(link => link.UserId == userId && link.RoleId == role.Id, cancellationToken))
        {
            return AddResult.AlreadyReviewer;
        }
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = role.Id });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AddResult.Added;
    }
}
