using System.Security.Claims;
using BzPeer.Explorer.Accounts.Collaboration;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Claims;

// Approved claims as reviewers see them, and taking one back.
public sealed partial class ClaimService
{
    /// <summary>Approved claims, newest decision first, each with its trail: reviewers only.</summary>
    public async Task<Outcome<List<ApprovedClaim>>> ApprovedClaimsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (!await Reviewers.IsReviewerAsync(db, account.Id, cancellationToken)) return Refusal.Forbidden("Only reviewers see the approved claims.");

        var rows = await (
            from claim in db.AuthorClaims
            where claim.Status == ClaimStatus.Approved
            orderby claim.DecidedAt descending, claim.Id descending
            join user in db.Users on claim.UserId equals user.Id
            select new { claim.Id, claim.Researcher.Slug, claim.Researcher.DisplayName, OwnerName = user.DisplayName, user.Email, claim.VerifiedBy, claim.DecidedAt })
            .Take(200)
            .ToListAsync(cancellationToken);
        var trails = await ClaimTrail.ReadAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        return Outcome<List<ApprovedClaim>>.Done(rows.Select(r => new ApprovedClaim(r.Id, r.Slug, r.DisplayName, Account.PublicNameOf(r.OwnerName), r.Email ?? "",
            r.VerifiedBy, r.DecidedAt, trails.GetValueOrDefault(r.Id) ?? [])).ToList());
    }

    /// <summary>
    /// A reviewer takes back an approved claim, with a reason: the record is unclaimed again, the invitations waiting
    /// for its former owner are closed, and the former owner is told by email.
    /// </summary>
    public async Task<Outcome> RevokeAsync(ClaimsPrincipal principal, int claimId, string? reason, Uri appBaseUri, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (!await Reviewers.IsReviewerAsync(db, account.Id, cancellationToken)) return Refusal.Forbidden("Only reviewers revoke claims.");
        var cleanReason = PlainText.Multiline(reason);
        if (cleanReason is null) return Refusal.Invalid("Give a reason for revoking the claim: its owner reads it.");
        if (cleanReason.Length > ReasonMaxLength) return Refusal.Invalid($"The reason is {cleanReason.Length} characters; the limit is {ReasonMaxLength}.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await db.AuthorClaims.Where(c => c.Id == claimId && c.Status == ClaimStatus.Approved)
            .Select(c => new { c.Id, c.UserId, c.ResearcherId, c.Researcher.Slug, c.Researcher.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (claim is null) return Refusal.NotFound("No approved claim with this number: it may have been revoked already.");
        if (claim.UserId == account.Id) return Refusal.Forbidden("You cannot revoke your own claim; another reviewer must.");

        var now = clock.GetUtcNow().UtcDateTime;
        await db.AuthorClaims.Where(c => c.Id == claim.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Status, ClaimStatus.Revoked)
                .SetProperty(c => c.ReviewerId, account.Id)
                .SetProperty(c => c.DecisionReason, cleanReason)
                .SetProperty(c => c.DecidedAt, now), cancellationToken);
        var closed = await CollaborationService.CloseOpenInvitationsToRecordAsync(db, claim.ResearcherId, now, cancellationToken);
        ClaimTrail.Add(db, claim.Id, ClaimDecisionKind.Revoked, account.Id, now, cleanReason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var ownerEmail = await db.Users.Where(u => u.Id == claim.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        if (ownerEmail is not null)
            await emails.NotifyClaimRevokedAsync(ownerEmail, claim.DisplayName, cleanReason, new Uri(appBaseUri, Links.Researcher(claim.Slug)).AbsoluteUri);
        return Outcome.Done($"Revoked: the record of {claim.DisplayName} is unclaimed again" + (closed > 0 ? $"; {closed} open invitation(s) to it closed." : "."));
    }
}
