using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>
/// Derived: two researchers who share works. Stored once in each direction, so a researcher's strongest
/// collaborators are one index range, whichever side of the pair they are on.
/// </summary>
public class CoAuthorPair
{
    public int ResearcherId { get; set; }
    public int CoAuthorId { get; set; }
    public int SharedWorks { get; set; }
    public int? LastYear { get; set; }
}

internal sealed class CoAuthorPairConfiguration : IEntityTypeConfiguration<CoAuthorPair>
{
    public void Configure(EntityTypeBuilder<CoAuthorPair> entity)
    {
        entity.ToTable("CoAuthorPairs");
        entity.HasKey(p => new { p.ResearcherId, p.CoAuthorId });
        entity.HasIndex(p => new { p.ResearcherId, p.SharedWorks, p.LastYear }).IsDescending(false, true, true);
        entity.HasIndex(p => p.CoAuthorId);
        entity.HasOne<Researcher>().WithMany().HasForeignKey(p => p.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Researcher>().WithMany().HasForeignKey(p => p.CoAuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
