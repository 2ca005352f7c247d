using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

// Records the app owns (not imported): accounts, follows, claims and collaboration conversations.

public class ExplorerUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

public class Follow
{
    public required string UserId { get; set; }
    public int ResearcherId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum ClaimStatus { Pending, Approved, Rejected, Withdrawn }

public enum ClaimVerification { None, InstitutionalEmail, Orcid, Reviewer }

/// <summary>An account's request to be recognised as the person behind a researcher record.</summary>
public class AuthorClaim
{
    public int Id { get; set; }
    public int ResearcherId { get; set; }
    public Researcher Researcher { get; set; } = null!;
    public required string UserId { get; set; }
    public ClaimStatus Status { get; set; }
    public ClaimVerification VerifiedBy { get; set; }
    public string? EvidenceEmail { get; set; }
    public string? EvidenceOrcid { get; set; }
    public string? EvidenceUrl { get; set; }
    public string? Statement { get; set; }
    public string? ReviewerId { get; set; }
    public string? DecisionReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
}

/// <summary>A focused conversation about working together, opened with the account that claimed a researcher.</summary>
public class Conversation
{
    public int Id { get; set; }
    public int ResearcherId { get; set; }
    public required string StartedByUserId { get; set; }
    public required string Subject { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ConversationMessage> Messages { get; set; } = [];
}

public class ConversationMessage
{
    public int Id { get; set; }
    public int ConversationId { get; set; }
    public required string SenderUserId { get; set; }
    public required string Body { get; set; }
    public DateTime SentAt { get; set; }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> entity)
    {
        entity.ToTable("Follows");
        entity.HasKey(f => new { f.UserId, f.ResearcherId });
        entity.HasIndex(f => f.ResearcherId);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Researcher>().WithMany().HasForeignKey(f => f.ResearcherId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuthorClaimConfiguration : IEntityTypeConfiguration<AuthorClaim>
{
    public void Configure(EntityTypeBuilder<AuthorClaim> entity)
    {
        entity.ToTable("AuthorClaims");
        entity.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.VerifiedBy).HasConversion<string>().HasMaxLength(24);
        entity.Property(c => c.EvidenceEmail).HasMaxLength(320);
        entity.Property(c => c.EvidenceOrcid).HasMaxLength(19);
        entity.Property(c => c.EvidenceUrl).HasMaxLength(500);
        entity.Property(c => c.Statement).HasMaxLength(4000);
        entity.Property(c => c.DecisionReason).HasMaxLength(1000);
        entity.HasIndex(c => new { c.ResearcherId, c.Status });
        // At most one approved claim per researcher record.
        entity.HasIndex(c => c.ResearcherId).IsUnique().HasFilter("Status = 'Approved'").HasDatabaseName("IX_AuthorClaims_OneApproved");
        entity.HasIndex(c => new { c.Status, c.CreatedAt });
        entity.HasIndex(c => c.UserId);
        entity.HasOne(c => c.Researcher).WithMany().OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> entity)
    {
        entity.ToTable("Conversations");
        entity.Property(c => c.Subject).HasMaxLength(300);
        entity.HasIndex(c => c.ResearcherId);
        entity.HasIndex(c => c.StartedByUserId);
        entity.HasOne<Researcher>().WithMany().HasForeignKey(c => c.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(c => c.StartedByUserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> entity)
    {
        entity.ToTable("ConversationMessages");
        entity.Property(m => m.Body).HasMaxLength(10000);
        entity.HasIndex(m => new { m.ConversationId, m.SentAt });
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(m => m.SenderUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
