using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

public enum AuthorPosition { First, Middle, Last }

/// <summary>A researcher's place on a work's author list, with the institutions given on that authorship.</summary>
public class Authorship
{
    public int Id { get; set; }
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    public int ResearcherId { get; set; }
    public Researcher Researcher { get; set; } = null!;
    public AuthorPosition Position { get; set; }
    /// <summary>Zero-based place in the author list.</summary>
    public int AuthorOrder { get; set; }
    public bool IsCorresponding { get; set; }
    public List<AuthorshipInstitution> Institutions { get; set; } = [];
}

internal sealed class AuthorshipConfiguration : IEntityTypeConfiguration<Authorship>
{
    public void Configure(EntityTypeBuilder<Authorship> entity)
    {
        entity.ToTable("Authorships");
        entity.Property(a => a.Position).HasConversion<string>().HasMaxLength(8);
        entity.HasIndex(a => new { a.WorkId, a.AuthorOrder }).IsUnique();
        // A researcher appears once on a work's author list, so derived counts can count rows.
        entity.HasIndex(a => new { a.ResearcherId, a.WorkId }).IsUnique();
        entity.HasOne(a => a.Work).WithMany(w => w.Authorships).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(a => a.Researcher).WithMany(r => r.Authorships).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(a => a.Institutions).WithOne().HasForeignKey(i => i.AuthorshipId).OnDelete(DeleteBehavior.Cascade);
    }
}
