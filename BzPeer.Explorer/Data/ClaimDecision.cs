using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

public enum ClaimDecisionKind
{
    /// <summary>Approved at once by the rules (institutional email and name, or an ORCID sign-in); no person decided.</summary>
    ApprovedAutomatically,
    /// <summary>Not approved at once: the reason lists every rule that did not hold, one a line.</summary>
    SentToReview,
    /// <summary>The claimant signed in with ORCID; the reason says which iD ORCID gave and whether it is the record's.</summary>
    OrcidProven,
    Approved,
    Rejected,
    Withdrawn,
    Superseded,
    Revoked,
}

/// <summary>One step in a claim's audit trail: what happened, who did it (no one: the rules did), when, and why.</summary>
public class ClaimDecision
{
    public int Id { get; set; }
    public int ClaimId { get; set; }
    public ClaimDecisionKind Kind { get; set; }
    /// <summary>The reviewer or claimant who acted; null when the rules decided.</summary>
    public string? ByUserId { get; set; }
    public DateTime At { get; set; }
    public string? Reason { get; set; }
}

internal sealed class ClaimDecisionConfiguration : IEntityTypeConfiguration<ClaimDecision>
{
    public void Configure(EntityTypeBuilder<ClaimDecision> entity)
    {
        entity.ToTable("ClaimDecisions");
        entity.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        entity.Property(d => d.Reason).HasMaxLength(2000);
        entity.HasIndex(d => new { d.ClaimId, d.At });
        entity.HasIndex(d => d.ByUserId);
        // A reviewer's account may go; the trail keeps the step, without the name.
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(d => d.ByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
