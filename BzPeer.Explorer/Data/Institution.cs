using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>A university, company or other organisation: an OpenAlex Institution.</summary>
public class Institution
{
    public int Id { get; set; }
    public string? OpenAlexId { get; set; }
    /// <summary>The ROR id without its https://ror.org/ prefix, e.g. 01rxvg760.</summary>
    public string? Ror { get; set; }
    public required string DisplayName { get; set; }
    public List<string> Acronyms { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? CountryCode { get; set; }
    /// <summary>OpenAlex institution type: education, facility, company, government, …</summary>
    public string? Type { get; set; }
    /// <summary>Its domain is what a claimant's institutional email is checked against.</summary>
    public string? HomepageUrl { get; set; }
    public string? City { get; set; }
    public int WorksCount { get; set; }
    public int CitedByCount { get; set; }
    public RecordOrigin Origin { get; set; }
    public DateOnly? UpdatedDate { get; set; }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> entity)
    {
        entity.ToTable("Institutions");
        entity.Property(i => i.OpenAlexId).HasMaxLength(20);
        entity.Property(i => i.Ror).HasMaxLength(20);
        entity.Property(i => i.DisplayName).HasMaxLength(500);
        entity.Property(i => i.CountryCode).HasMaxLength(2);
        entity.Property(i => i.Type).HasMaxLength(40);
        entity.Property(i => i.HomepageUrl).HasMaxLength(500);
        entity.Property(i => i.City).HasMaxLength(200);
        entity.Property(i => i.Origin).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(i => i.OpenAlexId).IsUnique().HasFilter("\"OpenAlexId\" IS NOT NULL");
        entity.HasIndex(i => i.Ror).IsUnique().HasFilter("\"Ror\" IS NOT NULL");
    }
}
