using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Security.Claims;
using BzPeer.Explorer.Accounts.Collaboration;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>
/// What a claimant fills in: who they are, their evidence, and a statement. The annotations give the form early
/// feedback; <see cref="ClaimService.SubmitAsync"/> checks every rule again on what it receives.
/// </summary>
public sealed class ClaimForm
{
    [Required(ErrorMessage = "Say who you are: your name as you publish under it.")]
    [StringLength(ClaimService.NameMaxLength, ErrorMessage = FormMessages.TooLong)]
    public string? ClaimantName { get; set; }

    [StringLength(ClaimService.AffiliationMaxLength, ErrorMessage = FormMessages.TooLong)]
    public string? ClaimantAffiliation { get; set; }

    // Optional fields post as empty strings, which [EmailAddress] and [Url] refuse; the service checks their form.
    [StringLength(ClaimService.EmailMaxLength, ErrorMessage = FormMessages.TooLong)]
    public string? EvidenceEmail { get; set; }

    [StringLength(40, ErrorMessage = FormMessages.TooLong)]
    public string? EvidenceOrcid { get; set; }

    [StringLength(ClaimService.UrlMaxLength, ErrorMessage = FormMessages.TooLong)]
    public string? EvidenceUrl { get; set; }

    // No length check here: the browser sends line breaks as two characters; the service counts them as one.
    [Required(ErrorMessage = "Write a short statement: why this record is you.")]
    public string? Statement { get; set; }
}

public sealed record InstitutionDomain(string Name, string? Domain);

/// <summary>
/// What the claim page shows the signed-in account before it claims a record: whether it would be approved at once
/// (no reasons for review) and, if not, why not.
/// </summary>
public sealed record ClaimContext(
    int ResearcherId, string Slug, string ResearcherName, string? RecordOrcid, List<InstitutionDomain> Institutions,
    bool IsClaimed, bool ClaimedByYou, OwnClaim? YourPendingClaim, string AccountEmail, IReadOnlyList<string> ReasonsForReview)
{
    public bool ApprovedAtOnce => ReasonsForReview.Count == 0;
}

/// <summary>A claim as its claimant sees it: its state, the reviewer's reason, and why it was not approved at once.</summary>
public sealed record OwnClaim(
    int Id, string ResearcherSlug, string ResearcherName, ClaimStatus Status, bool IsDispute, ClaimVerification VerifiedBy,
    string? DecisionReason, DateTime CreatedAt, DateTime? DecidedAt, string? ReviewReasons)
{
    public IReadOnlyList<string> NotAutomaticBecause => ClaimTrail.Lines(ReviewReasons);
}

/// <summary>A pending claim with everything a reviewer weighs.</summary>
public sealed record ClaimForReview(
    int Id, string ResearcherSlug, string ResearcherName, string? RecordOrcid, List<InstitutionDomain> Institutions,
    string ClaimantName, string? ClaimantAffiliation, string AccountName, string AccountEmail, bool AccountEmailConfirmed,
    string? EvidenceEmail, string? EvidenceOrcid, string? EvidenceUrl, string? Statement, DateTime CreatedAt,
    bool IsDispute, string? CurrentOwnerName, string? ProvenOrcid, IReadOnlyList<string> NotAutomaticBecause, IReadOnlyList<ClaimStep> Trail)
{
    /// <summary>The ORCID iD proven by signing in with ORCID equals the record's (set on a dispute, which still needs a reviewer).</summary>
    public bool ProvenOrcidMatchesRecord => ProvenOrcid is not null && ProvenOrcid == RecordOrcid;

    /// <summary>The institution whose homepage domain the account's confirmed email is under, if any (checked again here for the reviewer).</summary>
    public string? AccountEmailInstitution => AccountEmailConfirmed ? Institutions.FirstOrDefault(i => InstitutionalEmail.IsAt(AccountEmail, i.Domain))?.Name : null;

    /// <summary>The typed ORCID iD equals the one in the record's source data (self-declared: a hint, not proof).</summary>
    public bool OrcidMatchesRecord => EvidenceOrcid is not null && EvidenceOrcid == RecordOrcid;
}

/// <summary>An approved claim, as the reviewers list them so that one can be revoked.</summary>
public sealed record ApprovedClaim(
    int Id, string ResearcherSlug, string ResearcherName, string OwnerName, string OwnerEmail, ClaimVerification VerifiedBy,
    DateTime? DecidedAt, IReadOnlyList<ClaimStep> Trail);

public sealed record ClaimReceipt(int ClaimId, ClaimStatus Status, bool IsDispute);

/// <summary>The claim's owner-editable parts of a researcher record.</summary>
public sealed record RecordEdit(int ResearcherId, string Slug, string ResearcherName, string? Summary, bool OpenToCollaborate);

/// <summary>
/// Claiming author records (DESIGN.md §3): approved at once only by the rules of <see cref="AutomaticApproval"/> or an
/// ORCID sign-in that proves the record's iD, otherwise reviewed; every step is kept in the claim's trail. Every method
/// checks the signed-in account and its right on the server.
/// </summary>
public sealed partial class ClaimService(IDbContextFactory<ExplorerDbContext> dbFactory, AccountEmails emails, TimeProvider clock)
{
    public const int NameMaxLength = 200;
    public const int AffiliationMaxLength = 300;
    public const int EmailMaxLength = 320;
    public const int UrlMaxLength = 500;
    public const int StatementMaxLength = 2000;
    public const int ReasonMaxLength = 1000;
    public const int SummaryMaxLength = 500;
    /// <summary>Claims one account may have waiting for review at once.</summary>
    public const int MaxPendingClaims = 5;

    public async Task<Outcome<ClaimContext>> ContextAsync(ClaimsPrincipal principal, int researcherId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var researcher = await db.Researchers.Where(r => r.Id == researcherId).Select(r => new { r.Id, r.Slug, r.DisplayName, r.Orcid }).SingleOrDefaultAsync(cancellationToken);
        if (researcher is null) return Refusal.NotFound("No such researcher.");

        var facts = (await AutomaticApproval.FactsAsync(db, account, researcherId, cancellationToken))!;
        var ownerId = await OwnerIdAsync(db, researcherId, cancellationToken);
        var pending = await OwnClaims(db, db.AuthorClaims.Where(c => c.UserId == account.Id && c.ResearcherId == researcherId && c.Status == ClaimStatus.Pending))
            .FirstOrDefaultAsync(cancellationToken);
        return Outcome<ClaimContext>.Done(new ClaimContext(researcher.Id, researcher.Slug, researcher.DisplayName, researcher.Orcid, [.. facts.Institutions],
            ownerId is not null, ownerId == account.Id, pending, account.Email, AutomaticApproval.ReasonsForReview(facts)));
    }

    /// <summary>
    /// Makes a claim: approved at once when every rule of <see cref="AutomaticApproval"/> holds, otherwise pending with
    /// the reasons kept for the reviewer and the claimant. A claim on a claimed record is a dispute; its owner is told.
    /// </summary>
    public async Task<Outcome<ClaimReceipt>> SubmitAsync(ClaimsPrincipal principal, int researcherId, ClaimForm form, Uri appBaseUri, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (!account.EmailConfirmed) return Refusal.Forbidden("Confirm your email address before claiming a record.");
        if (Validate(form) is { } problem) return problem;
        if (!await db.Researchers.AnyAsync(r => r.Id == researcherId, cancellationToken)) return Refusal.NotFound("No such researcher.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAccountAsync(db, account.Id, cancellationToken);
        var ownerId = await OwnerIdAsync(db, researcherId, cancellationToken);
        if (ownerId == account.Id) return Refusal.Invalid("You are already the claimed author of this record.");
        if (await PendingLimitAsync(db, account.Id, researcherId, cancellationToken) is { } limit) return limit;

        var reasons = AutomaticApproval.ReasonsForReview((await AutomaticApproval.FactsAsync(db, account, researcherId, cancellationToken))!);
        var approved = reasons.Count == 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = new AuthorClaim
        {
            ResearcherId = researcherId,
            UserId = account.Id,
            ClaimantName = PlainText.SingleLine(form.ClaimantName)!,
            ClaimantAffiliation = PlainText.SingleLine(form.ClaimantAffiliation),
            EvidenceEmail = PlainText.SingleLine(form.EvidenceEmail),
            EvidenceOrcid = EntityKeys.TryParseOrcid(form.EvidenceOrcid, out var orcid) ? orcid : null,
            EvidenceUrl = PlainText.SingleLine(form.EvidenceUrl),
            Statement = PlainText.Multiline(form.Statement),
            IsDispute = ownerId is not null,
            Status = approved ? ClaimStatus.Approved : ClaimStatus.Pending,
            VerifiedBy = approved ? ClaimVerification.InstitutionalEmail : ClaimVerification.None,
            CreatedAt = now,
            DecidedAt = approved ? now : null,
        };
        if (approved)
            claim.Decisions.Add(new ClaimDecision { Kind = ClaimDecisionKind.ApprovedAutomatically, At = now,
                Reason = $"The account's confirmed email {account.Email} is at one of the record's institutions, its name matches the record's, the record had no approved claim and the account held no other." });
        else
            claim.Decisions.Add(new ClaimDecision { Kind = ClaimDecisionKind.SentToReview, At = now, Reason = string.Join("\n", reasons) });
        db.AuthorClaims.Add(claim);
        if (await SaveAsync(db, transaction, cancellationToken) is { } raced) return raced;

        if (claim.IsDispute) await NotifyOwnerOfDisputeAsync(db, ownerId!, researcherId, appBaseUri, cancellationToken);
        var message = approved
            ? "Your claim is approved: your confirmed email is at one of this researcher's institutions and your name matches the record. You are now the claimed author."
            : claim.IsDispute
                ? "This record is already claimed, so your claim goes to a reviewer as a dispute. You will hear the outcome by email and on your claims page."
                : "Your claim is pending: a reviewer will weigh your evidence. You will hear the outcome by email and on your claims page.";
        return Outcome<ClaimReceipt>.Done(new ClaimReceipt(claim.Id, claim.Status, claim.IsDispute), message);
    }

    public async Task<Outcome> WithdrawAsync(ClaimsPrincipal principal, int claimId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.AuthorClaims
            .Where(c => c.Id == claimId && c.UserId == account.Id && c.Status == ClaimStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, ClaimStatus.Withdrawn).SetProperty(c => c.DecidedAt, now), cancellationToken);
        if (changed != 1) return Refusal.NotFound("You have no pending claim with this number.");
        ClaimTrail.Add(db, claimId, ClaimDecisionKind.Withdrawn, account.Id, now, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done("Your claim is withdrawn.");
    }

    /// <summary>The account's own claims, newest first: the only claims, with their outcomes, anyone but a reviewer sees.</summary>
    public async Task<List<OwnClaim>> OwnClaimsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = SignedInUser.IdOf(principal);
        if (userId is null) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await OwnClaims(db, db.AuthorClaims.Where(c => c.UserId == userId)).ToListAsync(cancellationToken);
    }

    public async Task<bool> IsReviewerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = SignedInUser.IdOf(principal);
        if (userId is null) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Reviewers.IsReviewerAsync(db, userId, cancellationToken);
    }

    /// <summary>Pending claims, oldest first, with their evidence: reviewers only.</summary>
    public async Task<Outcome<List<ClaimForReview>>> QueueAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (!await Reviewers.IsReviewerAsync(db, account.Id, cancellationToken)) return Refusal.Forbidden("Only reviewers see the claims waiting for review.");

        var rows = await (
            from claim in db.AuthorClaims
            // A reviewer's own claims wait for another reviewer.
            where claim.Status == ClaimStatus.Pending && claim.UserId != account.Id
            orderby claim.CreatedAt, claim.Id
            join user in db.Users on claim.UserId equals user.Id
            select new
            {
                claim,
                claim.Researcher.Slug,
                claim.Researcher.DisplayName,
                claim.Researcher.Orcid,
                user.Email,
                user.EmailConfirmed,
                AccountName = user.DisplayName,
                IsClaimed = db.AuthorClaims.Any(c => c.ResearcherId == claim.ResearcherId && c.Status == ClaimStatus.Approved),
                OwnerName = db.AuthorClaims.Where(c => c.ResearcherId == claim.ResearcherId && c.Status == ClaimStatus.Approved)
                    .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => u.DisplayName).FirstOrDefault(),
            })
            .Take(200)
            .ToListAsync(cancellationToken);

        var trails = await ClaimTrail.ReadAsync(db, rows.Select(r => r.claim.Id).ToList(), cancellationToken);
        var queue = new List<ClaimForReview>(rows.Count);
        foreach (var row in rows)
        {
            var c = row.claim;
            var trail = trails.GetValueOrDefault(c.Id) ?? [];
            queue.Add(new ClaimForReview(c.Id, row.Slug, row.DisplayName, row.Orcid, await InstitutionsAsync(db, c.ResearcherId, cancellationToken),
                c.ClaimantName, c.ClaimantAffiliation, Account.PublicNameOf(row.AccountName), row.Email ?? "", row.EmailConfirmed,
                c.EvidenceEmail, c.EvidenceOrcid, c.EvidenceUrl, c.Statement, c.CreatedAt, c.IsDispute,
                row.IsClaimed ? Account.PublicNameOf(row.OwnerName) : null, c.ProvenOrcid,
                ClaimTrail.Lines(trail.LastOrDefault(step => step.Kind == ClaimDecisionKind.SentToReview)?.Reason), trail));
        }
        return Outcome<List<ClaimForReview>>.Done(queue);
    }

    /// <summary>
    /// A reviewer approves or rejects a pending claim (a reason is required to reject). Approving a dispute supersedes
    /// the record's current claim. The claimant is told by email.
    /// </summary>
    public async Task<Outcome> DecideAsync(ClaimsPrincipal principal, int claimId, bool approve, string? reason, Uri appBaseUri, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (!await Reviewers.IsReviewerAsync(db, account.Id, cancellationToken)) return Refusal.Forbidden("Only reviewers decide claims.");
        var cleanReason = PlainText.Multiline(reason);
        if (cleanReason?.Length > ReasonMaxLength) return Refusal.Invalid($"The reason is {cleanReason.Length} characters; the limit is {ReasonMaxLength}.");
        if (!approve && cleanReason is null) return Refusal.Invalid("Give a reason for rejecting the claim: the claimant sees it.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await db.AuthorClaims.Where(c => c.Id == claimId && c.Status == ClaimStatus.Pending)
            .Select(c => new { c.Id, c.UserId, c.ResearcherId, c.Researcher.Slug, c.Researcher.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (claim is null) return Refusal.NotFound("No pending claim with this number: it may have been decided already.");
        if (claim.UserId == account.Id) return Refusal.Forbidden("You cannot review your own claim; another reviewer must.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (approve)
        {
            var superseded = await db.AuthorClaims.Where(c => c.ResearcherId == claim.ResearcherId && c.Status == ClaimStatus.Approved).Select(c => c.Id).ToListAsync(cancellationToken);
            const string supersededBecause = "A reviewer upheld another account's claim on this record.";
            await db.AuthorClaims.Where(c => superseded.Contains(c.Id))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.Status, ClaimStatus.Superseded)
                    .SetProperty(c => c.DecidedAt, now)
                    .SetProperty(c => c.ReviewerId, account.Id)
                    .SetProperty(c => c.DecisionReason, supersededBecause), cancellationToken);
            foreach (var id in superseded) ClaimTrail.Add(db, id, ClaimDecisionKind.Superseded, account.Id, now, supersededBecause);
            // Invitations sent to the former owner were meant for the person the record no longer names.
            if (superseded.Count > 0) await CollaborationService.CloseOpenInvitationsToRecordAsync(db, claim.ResearcherId, now, cancellationToken);
            await db.AuthorClaims.Where(c => c.ResearcherId == claim.ResearcherId && c.Status == ClaimStatus.Pending && c.Id != claim.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.IsDispute, true), cancellationToken);
        }
        await db.AuthorClaims.Where(c => c.Id == claim.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Status, approve ? ClaimStatus.Approved : ClaimStatus.Rejected)
                .SetProperty(c => c.VerifiedBy, approve ? ClaimVerification.Reviewer : ClaimVerification.None)
                .SetProperty(c => c.ReviewerId, account.Id)
                .SetProperty(c => c.DecisionReason, cleanReason)
                .SetProperty(c => c.DecidedAt, now), cancellationToken);
        ClaimTrail.Add(db, claim.Id, approve ? ClaimDecisionKind.Approved : ClaimDecisionKind.Rejected, account.Id, now, cleanReason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var claimantEmail = await db.Users.Where(u => u.Id == claim.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        if (claimantEmail is not null)
            await emails.NotifyClaimDecidedAsync(claimantEmail, claim.DisplayName, approve, cleanReason, new Uri(appBaseUri, Links.Researcher(claim.Slug)).AbsoluteUri);
        return Outcome.Done(approve ? $"Approved: the record of {claim.DisplayName} is now claimed." : $"Rejected the claim on {claim.DisplayName}.");
    }

    /// <summary>The owner-editable parts of a record, for its claimed author only.</summary>
    public async Task<Outcome<RecordEdit>> RecordForEditAsync(ClaimsPrincipal principal, int researcherId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (await OwnerIdAsync(db, researcherId, cancellationToken) != account.Id) return Refusal.Forbidden("Only the claimed author can edit this record.");
        var record = await db.Researchers.Where(r => r.Id == researcherId)
            .Select(r => new RecordEdit(r.Id, r.Slug, r.DisplayName, r.Summary, r.OpenToCollaborate)).SingleAsync(cancellationToken);
        return Outcome<RecordEdit>.Done(record);
    }

    /// <summary>The claimed author sets the one-line description (empty: the generated one is shown) and the "Open to collaborate" flag.</summary>
    public async Task<Outcome> UpdateRecordAsync(ClaimsPrincipal principal, int researcherId, string? summary, bool openToCollaborate, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (await OwnerIdAsync(db, researcherId, cancellationToken) != account.Id) return Refusal.Forbidden("Only the claimed author can edit this record.");
        var line = PlainText.SingleLine(summary);
        if (line?.Length > SummaryMaxLength) return Refusal.Invalid($"The description is {line.Length} characters; the limit is {SummaryMaxLength}.");
        await db.Researchers.Where(r => r.Id == researcherId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Summary, line).SetProperty(r => r.OpenToCollaborate, openToCollaborate), cancellationToken);
        return Outcome.Done("Saved.");
    }

    /// <summary>The account holding the record's approved claim, if any.</summary>
    public static Task<string?> OwnerIdAsync(ExplorerDbContext db, int researcherId, CancellationToken cancellationToken = default) =>
        db.AuthorClaims.Where(c => c.ResearcherId == researcherId && c.Status == ClaimStatus.Approved).Select(c => c.UserId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The researcher's institutions (affiliations and last known), with the domain an institutional email is checked against.</summary>
    public static async Task<List<InstitutionDomain>> InstitutionsAsync(ExplorerDbContext db, int researcherId, CancellationToken cancellationToken = default)
    {
        var affiliated = db.Affiliations.Where(a => a.ResearcherId == researcherId).Select(a => a.InstitutionId);
        var lastKnown = db.Researchers.Where(r => r.Id == researcherId && r.LastKnownInstitutionId != null).Select(r => r.LastKnownInstitutionId!.Value);
        var institutions = await db.Institutions
            .Where(i => affiliated.Contains(i.Id) || lastKnown.Contains(i.Id))
            .OrderBy(i => i.DisplayName)
            .Select(i => new { i.DisplayName, i.HomepageUrl })
            .ToListAsync(cancellationToken);
        return institutions.Select(i => new InstitutionDomain(i.DisplayName, InstitutionalEmail.HomepageDomain(i.HomepageUrl))).ToList();
    }

    private static IQueryable<OwnClaim> OwnClaims(ExplorerDbContext db, IQueryable<AuthorClaim> claims) =>
        claims
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new OwnClaim(c.Id, c.Researcher.Slug, c.Researcher.DisplayName, c.Status, c.IsDispute, c.VerifiedBy, c.DecisionReason, c.CreatedAt, c.DecidedAt,
                db.ClaimDecisions.Where(d => d.ClaimId == c.Id && d.Kind == ClaimDecisionKind.SentToReview).OrderByDescending(d => d.Id).Select(d => d.Reason).FirstOrDefault()));

    /// <summary>
    /// Holds the account's row for the rest of the transaction (a write that changes nothing), so that two claims by
    /// one account made at the same moment are judged one after the other: "holds no other approved claim" stays true
    /// on PostgreSQL too (the unique index covers "the record has no approved claim").
    /// </summary>
    private static Task LockAccountAsync(ExplorerDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), cancellationToken);

    /// <summary>Refuses a second pending claim on the record, or more than <see cref="MaxPendingClaims"/> waiting at once.</summary>
    private static async Task<Refusal?> PendingLimitAsync(ExplorerDbContext db, string userId, int researcherId, CancellationToken cancellationToken)
    {
        var pending = db.AuthorClaims.Where(c => c.UserId == userId && c.Status == ClaimStatus.Pending);
        if (await pending.AnyAsync(c => c.ResearcherId == researcherId, cancellationToken))
            return Refusal.LimitReached("You already have a claim on this record waiting for review.");
        if (await pending.CountAsync(cancellationToken) >= MaxPendingClaims)
            return Refusal.LimitReached($"You have {MaxPendingClaims} claims waiting for review; wait for a decision before making more.");
        return null;
    }

    /// <summary>Saves and commits; a unique index refusing the write means another claim was approved or made at the same moment.</summary>
    private static async Task<Refusal?> SaveAsync(ExplorerDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return Refusal.LimitReached("This record changed while you were claiming it. Open it again and see where it stands.");
        }
    }

    private async Task NotifyOwnerOfDisputeAsync(ExplorerDbContext db, string ownerId, int researcherId, Uri appBaseUri, CancellationToken cancellationToken)
    {
        var owner = await db.Users.Where(u => u.Id == ownerId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        var record = await db.Researchers.Where(r => r.Id == researcherId).Select(r => new { r.Slug, r.DisplayName }).SingleAsync(cancellationToken);
        if (owner is not null)
            await emails.NotifyClaimDisputedAsync(owner, record.DisplayName, new Uri(appBaseUri, Links.Researcher(record.Slug)).AbsoluteUri);
    }

    private static Refusal? Validate(ClaimForm form)
    {
        var name = PlainText.SingleLine(form.ClaimantName);
        if (name is null) return Refusal.Invalid("Say who you are: your name as you publish under it.");
        if (name.Length > NameMaxLength) return TooLong("Your name", name.Length, NameMaxLength);
        if (PlainText.SingleLine(form.ClaimantAffiliation) is { Length: > AffiliationMaxLength } affiliation) return TooLong("Your position and institution", affiliation.Length, AffiliationMaxLength);
        if (PlainText.SingleLine(form.EvidenceEmail) is { } email)
        {
            if (email.Length > EmailMaxLength) return TooLong("The institutional email", email.Length, EmailMaxLength);
            if (!MailAddress.TryCreate(email, out var address) || address.Address != email) return Refusal.Invalid($"'{email}' is not an email address.");
        }
        if (PlainText.SingleLine(form.EvidenceOrcid) is { } orcid && !EntityKeys.TryParseOrcid(orcid, out _))
            return Refusal.Invalid($"'{orcid}' is not an ORCID iD: it looks like 0000-0002-1825-0097, and its last character is a check digit.");
        if (PlainText.SingleLine(form.EvidenceUrl) is { } url)
        {
            if (url.Length > UrlMaxLength) return TooLong("The link", url.Length, UrlMaxLength);
            if (!Links.IsSafeExternal(url)) return Refusal.Invalid("The link must be a web address starting with https:// or http://.");
        }
        var statement = PlainText.Multiline(form.Statement);
        if (statement is null) return Refusal.Invalid("Write a short statement: why this record is you.");
        if (statement.Length > StatementMaxLength) return TooLong("The statement", statement.Length, StatementMaxLength);
        return null;
    }

    private static Refusal TooLong(string what, int length, int limit) => Refusal.Invalid($"{what} is {length} characters; the limit is {limit}.");
}
