using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

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
