using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>A topic assigned to a work, with the classifier's score.</summary>
public class WorkTopic
{
    public int WorkId { get; set; }
    public int TopicId { get; set; }
    public Topic Topic { get; set; } = null!;
    public double Score { get; set; }
    public bool IsPrimary { get; set; }
    /// <summary>The work's year, copied here so a topic's recent works are read from one index, never sorted whole.</summary>
    public int? WorkYear { get; set; }
}

internal sealed class WorkTopicConfiguration : IEntityTypeConfiguration<WorkTopic>
{
    public void Configure(EntityTypeBuilder<WorkTopic> entity)
    {
        entity.ToTable("WorkTopics");
        entity.HasKey(t => new { t.WorkId, t.TopicId });
        entity.HasIndex(t => new { t.TopicId, t.WorkYear, t.WorkId }).IsDescending(false, true, true);
        entity.HasOne<Work>().WithMany(w => w.Topics).HasForeignKey(t => t.WorkId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(t => t.Topic).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
