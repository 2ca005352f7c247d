using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>A paper, preprint, book or dataset: an OpenAlex Work.</summary>
public class Work
{
    public int Id { get; set; }
    public string? OpenAlexId { get; set; }
    public string? Doi { get; set; }
    public string? ArxivId { get; set; }
    public required string Title { get; set; }
    /// <summary>Plain text; for OpenAlex records rebuilt from abstract_inverted_index.</summary>
    public string? Abstract { get; set; }
    /// <summary>OpenAlex work type: article, preprint, book-chapter, dataset, …</summary>
    public required string Type { get; set; }
    public int? Year { get; set; }
    public DateOnly? PublicationDate { get; set; }
    public int? VenueId { get; set; }
    public Venue? Venue { get; set; }
    public int CitedByCount { get; set; }
    public bool IsOpenAccess { get; set; }
    public string? Language { get; set; }
    public RecordOrigin Origin { get; set; }
    public DateOnly? UpdatedDate { get; set; }

    public List<Authorship> Authorships { get; set; } = [];
    public List<WorkTopic> Topics { get; set; } = [];
}

internal sealed class WorkConfiguration : IEntityTypeConfiguration<Work>
{
    public void Configure(EntityTypeBuilder<Work> entity)
    {
        entity.ToTable("Works");
        entity.Property(w => w.OpenAlexId).HasMaxLength(20);
        entity.Property(w => w.Doi).HasMaxLength(300);
        entity.Property(w => w.ArxivId).HasMaxLength(40);
        entity.Property(w => w.Title).HasMaxLength(2000);
        entity.Property(w => w.Type).HasMaxLength(40);
        entity.Property(w => w.Language).HasMaxLength(10);
        entity.Property(w => w.Origin).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(w => w.OpenAlexId).IsUnique().HasFilter("\"OpenAlexId\" IS NOT NULL");
        entity.HasIndex(w => w.Doi).HasFilter("\"Doi\" IS NOT NULL");
        entity.HasIndex(w => w.ArxivId).HasFilter("\"ArxivId\" IS NOT NULL");
        entity.HasIndex(w => new { w.VenueId, w.Year });
        entity.HasOne(w => w.Venue).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}
