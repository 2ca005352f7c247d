using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>A reference to an OpenAlex work not imported yet; it becomes a <see cref="Citation"/> when that work arrives.</summary>
public class PendingCitation
{
    public int CitingWorkId { get; set; }
    public required string CitedOpenAlexId { get; set; }
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
