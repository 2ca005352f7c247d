using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>The citing work lists the cited work among its references.</summary>
public class Citation
{
    public int CitingWorkId { get; set; }
    public int CitedWorkId { get; set; }
}

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> entity)
    {
        entity.ToTable("Citations");
        entity.HasKey(c => new { c.CitingWorkId, c.CitedWorkId });
        entity.HasIndex(c => new { c.CitedWorkId, c.CitingWorkId });
        entity.HasOne<Work>().WithMany().HasForeignKey(c => c.CitingWorkId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Work>().WithMany().HasForeignKey(c => c.CitedWorkId).OnDelete(DeleteBehavior.Cascade);
    }
}
