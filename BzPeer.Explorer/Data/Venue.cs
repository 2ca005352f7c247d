using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>Where works appear (journal, conference, repository such as arXiv): an OpenAlex Source.</summary>
public class Venue
{
    public int Id { get; set; }
    public string? OpenAlexId { get; set; }
    public required string DisplayName { get; set; }
    public string? IssnL { get; set; }
    /// <summary>OpenAlex source type: journal, repository, conference, book series, …</summary>
    public string? Type { get; set; }
    public string? HostOrganization { get; set; }
    public string? HomepageUrl { get; set; }
    public int WorksCount { get; set; }
    public RecordOrigin Origin { get; set; }
    public DateOnly? UpdatedDate { get; set; }
}

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> entity)
    {
        entity.ToTable("Venues");
        entity.Property(v => v.OpenAlexId).HasMaxLength(20);
        entity.Property(v => v.DisplayName).HasMaxLength(500);
        entity.Property(v => v.IssnL).HasMaxLength(9);
        entity.Property(v => v.Type).HasMaxLength(40);
        entity.Property(v => v.HostOrganization).HasMaxLength(300);
        entity.Property(v => v.HomepageUrl).HasMaxLength(500);
        entity.Property(v => v.Origin).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(v => v.OpenAlexId).IsUnique().HasFilter("\"OpenAlexId\" IS NOT NULL");
        entity.HasIndex(v => v.IssnL).HasFilter("\"IssnL\" IS NOT NULL");
    }
}
