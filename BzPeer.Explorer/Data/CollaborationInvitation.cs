using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

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
