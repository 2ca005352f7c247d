using System.Security.Claims;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>What an ORCID sign-in did to the account's claim on a record; the claim page words each.</summary>
public enum OrcidProofResult
{
    /// <summary>The proven iD is the record's: the claim is approved (L3).</summary>
    Approved,
    /// <summary>The proven iD is not the record's: nothing is approved; a pending claim keeps it as evidence.</summary>
    DifferentOrcid,
    /// <summary>The proven iD is the record's, but another account holds the record: a dispute for a reviewer.</summary>
    Dispute,
    /// <summary>The account already holds the record.</summary>
    AlreadyOwner,
}

// Claims proven by signing in with ORCID (OrcidProof runs the OAuth flow and calls this with what ORCID answered).
public sealed partial class ClaimService
{
    /// <summary>
    /// Records an ORCID iD the signed-in account proved by signing in with ORCID, for its claim on one record. The
    /// record's own iD approves the claim at once (making one if the account had none), unless another account holds
    /// the record: then it is a dispute for a reviewer, and the owner is told. Any other iD approves nothing.
    /// </summary>
    public async Task<Outcome<OrcidProofResult>> ProveOrcidAsync(ClaimsPrincipal principal, int researcherId, string provenOrcid, string? orcidName, Uri appBaseUri, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (!account.EmailConfirmed) return Refusal.Forbidden("Confirm your email address before claiming a record.");
        var record = await db.Researchers.Where(r => r.Id == researcherId).Select(r => new { r.DisplayName, r.Orcid }).SingleOrDefaultAsync(cancellationToken);
        if (record is null) return Refusal.NotFound("No such researcher.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAccountAsync(db, account.Id, cancellationToken);
        var ownerId = await OwnerIdAsync(db, researcherId, cancellationToken);
        if (ownerId == account.Id) return Outcome<OrcidProofResult>.Done(OrcidProofResult.AlreadyOwner, "You are already the claimed author of this record.");

        var now = clock.GetUtcNow().UtcDateTime;
        var matches = record.Orcid is not null && record.Orcid == provenOrcid;
        var who = string.IsNullOrWhiteSpace(orcidName) ? provenOrcid : $"{provenOrcid} ({PlainText.SingleLine(orcidName)})";
        var proof = matches
            ? $"Signed in with ORCID as {who}: the record's ORCID iD."
            : $"Signed in with ORCID as {who}, which is not the record's ORCID iD ({record.Orcid ?? "the record has none"}).";
        var claim = await db.AuthorClaims.AsTracking()
            .SingleOrDefaultAsync(c => c.UserId == account.Id && c.ResearcherId == researcherId && c.Status == ClaimStatus.Pending, cancellationToken);

        if (!matches)
        {
            if (claim is null) return Outcome<OrcidProofResult>.Done(OrcidProofResult.DifferentOrcid, proof + " Nothing was approved.");
            claim.ProvenOrcid = provenOrcid;
            claim.Decisions.Add(new ClaimDecision { Kind = ClaimDecisionKind.OrcidProven, ByUserId = account.Id, At = now, Reason = proof });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome<OrcidProofResult>.Done(OrcidProofResult.DifferentOrcid, proof + " Your claim still waits for a reviewer, who sees this.");
        }

        if (claim is null)
        {
            // A dispute waits like any pending claim, so it counts against the limit; an approval does not.
            if (ownerId is not null && await PendingLimitAsync(db, account.Id, researcherId, cancellationToken) is { } limit) return limit;
            claim = new AuthorClaim
            {
                ResearcherId = researcherId, UserId = account.Id, ClaimantName = Account.PublicNameOf(account.DisplayName),
                Statement = proof, CreatedAt = now, Status = ClaimStatus.Pending,
            };
            db.AuthorClaims.Add(claim);
        }
        claim.ProvenOrcid = provenOrcid;
        claim.Decisions.Add(new ClaimDecision { Kind = ClaimDecisionKind.OrcidProven, ByUserId = account.Id, At = now, Reason = proof });
        if (ownerId is not null)
        {
            claim.IsDispute = true;
            claim.Decisions.Add(new ClaimDecision { Kind = ClaimDecisionKind.SentToReview, At = now,
                Reason = "This record already has an approved claim: a dispute is always decided by a reviewer." });
        }
        else
        {
            claim.Status = ClaimStatus.Approved;
            claim.VerifiedBy = ClaimVerification.Orcid;
            claim.DecidedAt = now;
            claim.Decisions.Add(new ClaimDecision { Kind = ClaimDecisionKind.ApprovedAutomatically, At = now, Reason = proof });
        }
        if (await SaveAsync(db, transaction, cancellationToken) is { } raced) return raced;

        if (ownerId is not null)
        {
            await NotifyOwnerOfDisputeAsync(db, ownerId, researcherId, appBaseUri, cancellationToken);
            return Outcome<OrcidProofResult>.Done(OrcidProofResult.Dispute,
                "Your ORCID iD is the record's, but another account holds the record: a reviewer decides the dispute, and sees your ORCID proof.");
        }
        return Outcome<OrcidProofResult>.Done(OrcidProofResult.Approved, $"Approved: you signed in with ORCID as the record's iD {provenOrcid}. You are now the claimed author.");
    }
}
