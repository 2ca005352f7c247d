using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>Derived: how many of a researcher's works carry a topic.</summary>
public class ResearcherTopic
{
    public int ResearcherId { get; set; }
    public int TopicId { get; set; }
    public Topic Topic { get; set; } = null!;
    public int WorkCount { get; set; }
}

internal sealed class ResearcherTopicConfiguration : IEntityTypeConfiguration<ResearcherTopic>
{
    public void Configure(EntityTypeBuilder<ResearcherTopic> entity)
    {
        entity.ToTable("ResearcherTopics");
        entity.HasKey(t => new { t.ResearcherId, t.TopicId });
        entity.HasIndex(t => new { t.TopicId, t.WorkCount }).IsDescending(false, true);
        entity.HasOne<Researcher>().WithMany().HasForeignKey(t => t.ResearcherId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(t => t.Topic).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
