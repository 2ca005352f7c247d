using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>An account following a researcher record (the app owns it; imports never touch it).</summary>
public class Follow
{
    public required string UserId { get; set; }
    public int ResearcherId { get; set; }
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
