using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>One account blocking another: no invitations or messages pass between them while it stands.</summary>
public class UserBlock
{
    public required string BlockerUserId { get; set; }
    public required string BlockedUserId { get; set; }
    public DateTime CreatedAt { get; set; }
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
