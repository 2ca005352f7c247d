using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>A reference to an OpenAlex work not imported yet; it becomes a <see cref="Citation"/> when that work arrives.</summary>
public class PendingCitation
{
    /// <summary>The cited work's OpenAlex id without its letter: W2741809807 is 2741809807.</summary>
    public long CitedWorkNumber { get; set; }
    public int CitingWorkId { get; set; }
}

internal sealed class PendingCitationConfiguration : IEntityTypeConfiguration<PendingCitation>
{
    public void Configure(EntityTypeBuilder<PendingCitation> entity)
    {
        entity.ToTable("PendingCitations");
        // Keyed by the cited work, so that a work arriving finds what cites it by one range of the key, and numbers
        // rather than text keep the table small (on SQLite the migration makes it a WITHOUT ROWID table: the key is the
        // table). The index on citing works serves replacing a work's references and deleting works.
        entity.HasKey(c => new { c.CitedWorkNumber, c.CitingWorkId });
        entity.HasIndex(c => c.CitingWorkId);
        entity.HasOne<Work>().WithMany().HasForeignKey(c => c.CitingWorkId).OnDelete(DeleteBehavior.Cascade);
    }
}
