using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>
/// When a record was last read from the OpenAlex API, so that it is asked for again only once the freshness window
/// (OpenAlex:RefreshAfter) has passed, and whether its neighbourhood (a researcher's works) came with it.
/// </summary>
public class LiveFetch
{
    /// <summary>The record's OpenAlex id, short form ("A5023888391").</summary>
    public required string OpenAlexId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime FetchedAt { get; set; }
    public bool NeighbourhoodFetched { get; set; }
}

internal sealed class LiveFetchConfiguration : IEntityTypeConfiguration<LiveFetch>
{
    public void Configure(EntityTypeBuilder<LiveFetch> entity)
    {
        entity.ToTable("LiveFetches");
        entity.HasKey(f => f.OpenAlexId);
        entity.Property(f => f.OpenAlexId).HasMaxLength(20);
    }
}
