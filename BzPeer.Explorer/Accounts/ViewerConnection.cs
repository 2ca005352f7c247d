using BzPeer.Explorer.Accounts.Collaboration;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts;

/// <summary>The signed-in viewer's own latest claim on a record: its state, and the reviewer's reason when it was refused.</summary>
public sealed record ViewerClaim(ClaimStatus Status, bool IsDispute, string? DecisionReason);

/// <summary>How the signed-in viewer stands towards one researcher record: what the connect panels offer them.</summary>
public sealed record ViewerConnection(
    bool Following,
    bool IsOwner,
    ViewerClaim? LatestClaim,
    bool HasPendingInvitation,
    int? ConversationId,
    bool Blocked)
{
    public static async Task<ViewerConnection?> LoadAsync(ExplorerDbContext db, string? userId, int researcherId, CancellationToken cancellationToken = default)
    {
        if (userId is null) return null;
        var following = await db.Follows.AnyAsync(f => f.UserId == userId && f.ResearcherId == researcherId, cancellationToken);
        var latestClaim = await db.AuthorClaims
            .Where(c => c.UserId == userId && c.ResearcherId == researcherId && c.Status != ClaimStatus.Withdrawn)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new ViewerClaim(c.Status, c.IsDispute, c.DecisionReason))
            .FirstOrDefaultAsync(cancellationToken);
        var ownerId = await Claims.ClaimService.OwnerIdAsync(db, researcherId, cancellationToken);

        var hasPendingInvitation = false;
        int? conversationId = null;
        var blocked = false;
        if (ownerId is not null && ownerId != userId)
        {
            hasPendingInvitation = await CollaborationService.PendingInvitationsBetween(db, userId, ownerId).AnyAsync(cancellationToken);
            conversationId = await CollaborationService.ConversationsBetween(db, userId, ownerId, researcherId)
                .OrderByDescending(c => c.LastMessageAt).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            blocked = await CollaborationService.IsBlockedAsync(db, userId, ownerId, cancellationToken);
        }
        return new ViewerConnection(following, ownerId == userId, latestClaim, hasPendingInvitation, conversationId, blocked);
    }
}
