using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>
/// A research topic, placed in the OpenAlex hierarchy domain › field › subfield › topic. The three upper
/// levels are few and fixed, so they are stored on the topic by name (with their OpenAlex numbers when known).
/// </summary>
public class Topic
{
    public int Id { get; set; }
    public string? OpenAlexId { get; set; }
    public required string DisplayName { get; set; }
    public string? Description { get; set; }
    public List<string> Keywords { get; set; } = [];
    public required string SubfieldName { get; set; }
    public required string FieldName { get; set; }
    public required string DomainName { get; set; }
    public int? SubfieldNumber { get; set; }
    public int? FieldNumber { get; set; }
    public int? DomainNumber { get; set; }
    public int WorksCount { get; set; }
    public RecordOrigin Origin { get; set; }
    public DateOnly? UpdatedDate { get; set; }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> entity)
    {
        entity.ToTable("Topics");
        entity.Property(t => t.OpenAlexId).HasMaxLength(20);
        entity.Property(t => t.DisplayName).HasMaxLength(300);
        entity.Property(t => t.Description).HasMaxLength(2000);
        entity.Property(t => t.SubfieldName).HasMaxLength(200);
        entity.Property(t => t.FieldName).HasMaxLength(200);
        entity.Property(t => t.DomainName).HasMaxLength(200);
        entity.Property(t => t.Origin).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(t => t.OpenAlexId).IsUnique().HasFilter("\"OpenAlexId\" IS NOT NULL");
        entity.HasIndex(t => t.DisplayName);
    }
}
