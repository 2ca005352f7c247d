using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>The citing work lists the cited work among its references.</summary>
public class Citation
{
    public int CitingWorkId { get; set; }
    public int CitedWorkId { get; set; }
}

/// <summary>A reference to an OpenAlex work not imported yet; it becomes a <see cref="Citation"/> when that work arrives.</summary>
public class PendingCitation
{
    public int CitingWorkId { get; set; }
    public required string CitedOpenAlexId { get; set; }
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

internal sealed class PendingCitationConfiguration : IEntityTypeConfiguration<PendingCitation>
{
    public void Configure(EntityTypeBuilder<PendingCitation> entity)
    {
        entity.ToTable("PendingCitations");
        entity.HasKey(c => new { c.CitingWorkId, c.CitedOpenAlexId });
        entity.Property(c => c.CitedOpenAlexId).HasMaxLength(20);
        entity.HasIndex(c => c.CitedOpenAlexId);
        entity.HasOne<Work>().WithMany().HasForeignKey(c => c.CitingWorkId).OnDelete(DeleteBehavior.Cascade);
    }
}
