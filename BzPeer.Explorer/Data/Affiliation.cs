using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>A researcher's time at an institution, as far as the data shows it.</summary>
public class Affiliation
{
    public int ResearcherId { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }
}

internal sealed class AffiliationConfiguration : IEntityTypeConfiguration<Affiliation>
{
    public void Configure(EntityTypeBuilder<Affiliation> entity)
    {
        entity.ToTable("Affiliations");
        entity.HasKey(a => new { a.ResearcherId, a.InstitutionId });
        entity.HasIndex(a => new { a.InstitutionId, a.LastYear, a.ResearcherId }).IsDescending(false, true, false);
        entity.HasOne<Researcher>().WithMany(r => r.Affiliations).HasForeignKey(a => a.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(a => a.Institution).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
