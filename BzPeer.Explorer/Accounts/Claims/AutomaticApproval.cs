using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>What the rules for approving a claim at once look at: the acting account and the record, as stored now.</summary>
public sealed record ClaimFacts(
    string AccountEmail, bool EmailConfirmed, string? AccountName, DateTime? AccountNameChangedAt,
    IReadOnlyList<InstitutionDomain> Institutions, string RecordName, IReadOnlyList<string> AlternativeNames,
    bool RecordIsClaimed, string? OtherRecordTheAccountHolds);

/// <summary>
/// When a claim is approved without a reviewer (DESIGN.md §3): only when all hold — the account's confirmed email is at
/// the domain (or a subdomain) of one of the record's institutions; the account's name matches the record's name or one
/// of its alternative names; the record has no approved claim; the account holds no other approved claim. Each rule
/// that does not hold is a reason, written for the reviewer and the claimant alike.
/// </summary>
public static class AutomaticApproval
{
    /// <summary>Why the claim waits for a reviewer; empty when it is approved at once.</summary>
    public static IReadOnlyList<string> ReasonsForReview(ClaimFacts facts)
    {
        List<string> reasons = [];
        if (facts.RecordIsClaimed)
            reasons.Add("This record already has an approved claim: a dispute is always decided by a reviewer.");

        var domains = facts.Institutions.Where(i => i.Domain is not null).Select(i => i.Domain!).Distinct().ToList();
        if (!facts.EmailConfirmed)
            reasons.Add($"The account's email {facts.AccountEmail} is not confirmed.");
        else if (domains.Count == 0)
            reasons.Add(facts.Institutions.Count == 0
                ? "The record has no institution, so no email can show the claimant works there."
                : "None of the record's institutions has a known web domain, so no email can show the claimant works there.");
        else if (!domains.Any(domain => InstitutionalEmail.IsAt(facts.AccountEmail, domain)))
            reasons.Add($"The account's confirmed email {facts.AccountEmail} is not at the domain of any of the record's institutions ({string.Join(", ", domains)}).");

        string[] recordNames = [facts.RecordName, .. facts.AlternativeNames];
        if (!PersonName.MatchesAny(facts.AccountName, recordNames))
            reasons.Add($"The account's name \"{Account.PublicNameOf(facts.AccountName)}\" does not match the record's name"
                + (facts.AlternativeNames.Count == 0 ? $" \"{facts.RecordName}\"." : $"s (\"{string.Join("\", \"", recordNames)}\")."));
        else if (facts.AccountNameChangedAt is { } renamed)
            reasons.Add($"The account's name was changed after registration (on {renamed:yyyy-MM-dd}): a renamed account's claim is reviewed, so that no one takes a colleague's record by taking their name.");

        if (facts.OtherRecordTheAccountHolds is { } other)
            reasons.Add($"The account already holds an approved claim, on the record of {other}: one account is one person, so a second record is reviewed.");
        return reasons;
    }

    /// <summary>The facts for an account and a record, read in the caller's context (and transaction).</summary>
    public static async Task<ClaimFacts?> FactsAsync(ExplorerDbContext db, Account account, int researcherId, CancellationToken cancellationToken = default)
    {
        var record = await db.Researchers.Where(r => r.Id == researcherId)
            .Select(r => new { r.DisplayName, r.AlternativeNames }).SingleOrDefaultAsync(cancellationToken);
        if (record is null) return null;
        var institutions = await ClaimService.InstitutionsAsync(db, researcherId, cancellationToken);
        var ownerId = await ClaimService.OwnerIdAsync(db, researcherId, cancellationToken);
        var otherRecord = await db.AuthorClaims
            .Where(c => c.UserId == account.Id && c.Status == ClaimStatus.Approved && c.ResearcherId != researcherId)
            .OrderBy(c => c.Id).Select(c => c.Researcher.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var renamedAt = await db.Users.Where(u => u.Id == account.Id).Select(u => u.DisplayNameChangedAt).SingleOrDefaultAsync(cancellationToken);
        return new ClaimFacts(account.Email, account.EmailConfirmed, account.DisplayName, renamedAt, institutions, record.DisplayName,
            record.AlternativeNames, ownerId is not null, otherRecord);
    }
}
