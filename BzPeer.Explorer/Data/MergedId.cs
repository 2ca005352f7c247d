using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>
/// An OpenAlex id that OpenAlex merged into another record (its merged_ids files). Kept so that records imported
/// later which still name the old id are linked to the surviving record.
/// </summary>
public class MergedId
{
    public required string OpenAlexId { get; set; }
    public required string MergedIntoId { get; set; }
    public DateOnly? MergeDate { get; set; }
}

internal sealed class MergedIdConfiguration : IEntityTypeConfiguration<MergedId>
{
    public void Configure(EntityTypeBuilder<MergedId> entity)
    {
        entity.ToTable("MergedIds");
        entity.HasKey(m => m.OpenAlexId);
        entity.Property(m => m.OpenAlexId).HasMaxLength(20);
        entity.Property(m => m.MergedIntoId).HasMaxLength(20);
        entity.HasIndex(m => m.MergedIntoId);
    }
}
