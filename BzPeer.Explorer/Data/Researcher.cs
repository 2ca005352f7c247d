using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>A person who authors works: an OpenAlex Author, or a record from another source.</summary>
public class Researcher
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string DisplayName { get; set; }
    public List<string> AlternativeNames { get; set; } = [];
    public string? OpenAlexId { get; set; }
    public string? Orcid { get; set; }
    /// <summary>The one-line description the owner wrote; null when none was written.</summary>
    public string? Summary { get; set; }
    public int WorksCount { get; set; }
    public int CitedByCount { get; set; }
    public int HIndex { get; set; }
    public int I10Index { get; set; }
    public int? LastKnownInstitutionId { get; set; }
    public Institution? LastKnownInstitution { get; set; }
    public bool OpenToCollaborate { get; set; } = true;
    public RecordOrigin Origin { get; set; }
    public DateOnly? UpdatedDate { get; set; }

    public List<Authorship> Authorships { get; set; } = [];
    public List<Affiliation> Affiliations { get; set; } = [];
}

internal sealed class ResearcherConfiguration : IEntityTypeConfiguration<Researcher>
{
    public void Configure(EntityTypeBuilder<Researcher> entity)
    {
        entity.ToTable("Researchers");
        entity.Property(r => r.Slug).HasMaxLength(200);
        entity.Property(r => r.DisplayName).HasMaxLength(300);
        entity.Property(r => r.OpenAlexId).HasMaxLength(20);
        entity.Property(r => r.Orcid).HasMaxLength(19);
        entity.Property(r => r.Summary).HasMaxLength(500);
        entity.Property(r => r.Origin).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(r => r.Slug).IsUnique();
        entity.HasIndex(r => r.OpenAlexId).IsUnique().HasFilter("\"OpenAlexId\" IS NOT NULL");
        entity.HasIndex(r => r.Orcid).HasFilter("\"Orcid\" IS NOT NULL");
        entity.HasIndex(r => r.LastKnownInstitutionId);
        entity.HasIndex(r => r.WorksCount);
        entity.HasOne(r => r.LastKnownInstitution).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}
