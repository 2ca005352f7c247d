using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BzPeer.Explorer.Data;

/// <summary>An institution given on an authorship (the author was there when the work was written).</summary>
public class AuthorshipInstitution
{
    public int AuthorshipId { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;
}

internal sealed class AuthorshipInstitutionConfiguration : IEntityTypeConfiguration<AuthorshipInstitution>
{
    public void Configure(EntityTypeBuilder<AuthorshipInstitution> entity)
    {
        entity.ToTable("AuthorshipInstitutions");
        entity.HasKey(a => new { a.AuthorshipId, a.InstitutionId });
        entity.HasIndex(a => a.InstitutionId);
        entity.HasOne(a => a.Institution).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
