using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>One step of a claim's audit trail as a reviewer reads it.</summary>
public sealed record ClaimStep(ClaimDecisionKind Kind, string Who, DateTime At, string? Reason)
{
    public string What => Kind switch
    {
        ClaimDecisionKind.ApprovedAutomatically => "Approved at once",
        ClaimDecisionKind.SentToReview => "Sent to review",
        ClaimDecisionKind.OrcidProven => "Signed in with ORCID",
        ClaimDecisionKind.Approved => "Approved",
        ClaimDecisionKind.Rejected => "Rejected",
        ClaimDecisionKind.Withdrawn => "Withdrawn",
        ClaimDecisionKind.Superseded => "Superseded",
        _ => "Revoked",
    };
}

/// <summary>Writes and reads the steps of claims: every decision is kept — automatic or by whom, when, and why.</summary>
public static class ClaimTrail
{
    /// <summary>Who "decided" a step no person took.</summary>
    public const string Automatic = "automatically, by the rules";

    /// <summary>Adds a step to the context; the caller saves it with the change it records.</summary>
    public static void Add(ExplorerDbContext db, int claimId, ClaimDecisionKind kind, string? byUserId, DateTime at, string? reason) =>
        db.ClaimDecisions.Add(new ClaimDecision { ClaimId = claimId, Kind = kind, ByUserId = byUserId, At = at, Reason = reason });

    /// <summary>The reasons a claim was not approved at once, one a line in its latest "sent to review" step.</summary>
    public static IReadOnlyList<string> Lines(string? reason) => reason?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string Who(ClaimDecisionKind kind, string? byUserId, bool isClaimant, string? name) =>
        byUserId is not null ? isClaimant ? "the claimant" : $"reviewer {Account.PublicNameOf(name)}"
        // A reviewer's step loses its account when the account is deleted; the rules' steps never had one.
        : kind is ClaimDecisionKind.ApprovedAutomatically or ClaimDecisionKind.SentToReview ? Automatic : "a deleted account";

    /// <summary>The trails of the claims, oldest step first, with the name of whoever took each step.</summary>
    public static async Task<Dictionary<int, List<ClaimStep>>> ReadAsync(ExplorerDbContext db, IReadOnlyCollection<int> claimIds, CancellationToken cancellationToken = default)
    {
        var steps = await (
            from step in db.ClaimDecisions
            where claimIds.Contains(step.ClaimId)
            join claim in db.AuthorClaims on step.ClaimId equals claim.Id
            from user in db.Users.Where(u => u.Id == step.ByUserId).DefaultIfEmpty()
            orderby step.At, step.Id
            select new { step.ClaimId, step.Kind, step.ByUserId, IsClaimant = step.ByUserId == claim.UserId, Name = user != null ? user.DisplayName : null, step.At, step.Reason })
            .ToListAsync(cancellationToken);
        return steps.GroupBy(s => s.ClaimId).ToDictionary(g => g.Key, g => g.Select(s => new ClaimStep(s.Kind,
            Who(s.Kind, s.ByUserId, s.IsClaimant, s.Name), s.At, s.Reason)).ToList());
    }
}
