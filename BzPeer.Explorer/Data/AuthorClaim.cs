using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

public enum ClaimStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
    /// <summary>Was approved, until a reviewer upheld a dispute and approved another account's claim.</summary>
    Superseded,
    /// <summary>Was approved, until a reviewer revoked it: the record is unclaimed again.</summary>
    Revoked,
}

public enum ClaimVerification { None, InstitutionalEmail, Orcid, Reviewer }

/// <summary>An account's request to be recognised as the person behind a researcher record.</summary>
public class AuthorClaim
{
    public int Id { get; set; }
    public int ResearcherId { get; set; }
    public Researcher Researcher { get; set; } = null!;
    public required string UserId { get; set; }
    /// <summary>Who the claimant says they are: their name as they publish under it.</summary>
    public string ClaimantName { get; set; } = "";
    /// <summary>Their position and institution, in their words.</summary>
    public string? ClaimantAffiliation { get; set; }
    public ClaimStatus Status { get; set; }
    /// <summary>Made while another account held the record: never approved at once, always reviewed.</summary>
    public bool IsDispute { get; set; }
    public ClaimVerification VerifiedBy { get; set; }
    public string? EvidenceEmail { get; set; }
    public string? EvidenceOrcid { get; set; }
    public string? EvidenceUrl { get; set; }
    public string? Statement { get; set; }
    /// <summary>The ORCID iD the claimant proved by signing in with ORCID (not merely typed), whether or not it is the record's.</summary>
    public string? ProvenOrcid { get; set; }
    public string? ReviewerId { get; set; }
    public string? DecisionReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>Every step of the claim, oldest first: the audit trail reviewers read.</summary>
    public List<ClaimDecision> Decisions { get; set; } = [];
}

internal sealed class AuthorClaimConfiguration : IEntityTypeConfiguration<AuthorClaim>
{
    public void Configure(EntityTypeBuilder<AuthorClaim> entity)
    {
        entity.ToTable("AuthorClaims");
        entity.Property(c => c.ClaimantName).HasMaxLength(200);
        entity.Property(c => c.ClaimantAffiliation).HasMaxLength(300);
        entity.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.VerifiedBy).HasConversion<string>().HasMaxLength(24);
        entity.Property(c => c.EvidenceEmail).HasMaxLength(320);
        entity.Property(c => c.EvidenceOrcid).HasMaxLength(19);
        entity.Property(c => c.EvidenceUrl).HasMaxLength(500);
        entity.Property(c => c.Statement).HasMaxLength(4000);
        entity.Property(c => c.DecisionReason).HasMaxLength(1000);
        entity.HasIndex(c => new { c.ResearcherId, c.Status });
        // At most one approved claim per researcher record.
        entity.HasIndex(c => c.ResearcherId).IsUnique().HasFilter("\"Status\" = 'Approved'").HasDatabaseName("IX_AuthorClaims_OneApproved");
        entity.HasIndex(c => new { c.Status, c.CreatedAt });
        entity.HasIndex(c => c.UserId);
        // At most one claim per account and record waiting for review.
        entity.HasIndex(c => new { c.ResearcherId, c.UserId }).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_AuthorClaims_OnePendingPerAccount");
        entity.Property(c => c.ProvenOrcid).HasMaxLength(19);
        entity.HasOne(c => c.Researcher).WithMany().OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}
