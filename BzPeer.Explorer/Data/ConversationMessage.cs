using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

public class ConversationMessage
{
    public int Id { get; set; }
    public int ConversationId { get; set; }
    public required string SenderUserId { get; set; }
    public required string Body { get; set; }
    public DateTime SentAt { get; set; }
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
