using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

// Records the app owns (not imported): accounts, follows, claims and collaboration conversations.

public class ExplorerUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>When the name chosen at registration was last changed: a renamed account's claims are reviewed, since a
    /// rename to a colleague's name must not pass the name rule of automatic approval.</summary>
    public DateTime? DisplayNameChangedAt { get; set; }
}

public class Follow
{
    public required string UserId { get; set; }
    public int ResearcherId { get; set; }
    public DateTime CreatedAt { get; set; }
}

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

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
    /// <summary>Closed unanswered because the recipient no longer holds the record's claim (revoked or superseded).</summary>
    Closed,
}

/// <summary>A request, sent to the account that claimed a researcher record, to open a conversation about working together.</summary>
public class CollaborationInvitation
{
    public int Id { get; set; }
    public int ResearcherId { get; set; }
    public required string SenderUserId { get; set; }
    /// <summary>The record's owner when the invitation was sent.</summary>
    public required string RecipientUserId { get; set; }
    public required string Subject { get; set; }
    public required string Message { get; set; }
    public InvitationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RespondedAt { get; set; }
    /// <summary>The conversation an accepted invitation opened.</summary>
    public int? ConversationId { get; set; }
}

/// <summary>A focused conversation about working together, opened when the account that claimed a researcher accepts an invitation.</summary>
public class Conversation
{
    public int Id { get; set; }
    public int ResearcherId { get; set; }
    /// <summary>The account that sent the invitation.</summary>
    public required string StartedByUserId { get; set; }
    /// <summary>The record's owner, who accepted it.</summary>
    public required string RecipientUserId { get; set; }
    public required string Subject { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastMessageAt { get; set; }
    /// <summary>Read markers: the id of the last message each participant has seen (0: none).</summary>
    public int StarterLastReadMessageId { get; set; }
    public int RecipientLastReadMessageId { get; set; }
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

/// <summary>One account blocking another: no invitations or messages pass between them while it stands.</summary>
public class UserBlock
{
    public required string BlockerUserId { get; set; }
    public required string BlockedUserId { get; set; }
    public DateTime CreatedAt { get; set; }
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

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> entity)
    {
        entity.ToTable("Conversations");
        entity.Property(c => c.Subject).HasMaxLength(300);
        entity.HasIndex(c => c.ResearcherId);
        entity.HasIndex(c => c.StartedByUserId);
        entity.HasIndex(c => c.RecipientUserId);
        entity.HasOne<Researcher>().WithMany().HasForeignKey(c => c.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(c => c.StartedByUserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(c => c.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
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

internal sealed class CollaborationInvitationConfiguration : IEntityTypeConfiguration<CollaborationInvitation>
{
    public void Configure(EntityTypeBuilder<CollaborationInvitation> entity)
    {
        entity.ToTable("CollaborationInvitations");
        entity.Property(i => i.Subject).HasMaxLength(200);
        entity.Property(i => i.Message).HasMaxLength(2000);
        entity.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        // The daily limit counts a sender's invitations since a time.
        entity.HasIndex(i => new { i.SenderUserId, i.CreatedAt });
        entity.HasIndex(i => new { i.RecipientUserId, i.Status });
        entity.HasIndex(i => new { i.SenderUserId, i.RecipientUserId }).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_CollaborationInvitations_OnePendingPerPair");
        entity.HasOne<Researcher>().WithMany().HasForeignKey(i => i.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(i => i.SenderUserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(i => i.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Conversation>().WithMany().HasForeignKey(i => i.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class UserBlockConfiguration : IEntityTypeConfiguration<UserBlock>
{
    public void Configure(EntityTypeBuilder<UserBlock> entity)
    {
        entity.ToTable("UserBlocks");
        entity.HasKey(b => new { b.BlockerUserId, b.BlockedUserId });
        entity.HasIndex(b => b.BlockedUserId);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(b => b.BlockerUserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<ExplorerUser>().WithMany().HasForeignKey(b => b.BlockedUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
