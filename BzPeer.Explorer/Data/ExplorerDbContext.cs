using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Data;

public class ExplorerDbContext(DbContextOptions<ExplorerDbContext> options) : IdentityDbContext<ExplorerUser>(options)
{
    public DbSet<Researcher> Researchers => Set<Researcher>();
    public DbSet<Work> Works => Set<Work>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Authorship> Authorships => Set<Authorship>();
    public DbSet<AuthorshipInstitution> AuthorshipInstitutions => Set<AuthorshipInstitution>();
    public DbSet<Affiliation> Affiliations => Set<Affiliation>();
    public DbSet<WorkTopic> WorkTopics => Set<WorkTopic>();
    public DbSet<ResearcherTopic> ResearcherTopics => Set<ResearcherTopic>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<PendingCitation> PendingCitations => Set<PendingCitation>();
    public DbSet<CoAuthorPair> CoAuthorPairs => Set<CoAuthorPair>();
    public DbSet<MergedId> MergedIds => Set<MergedId>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<AuthorClaim> AuthorClaims => Set<AuthorClaim>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();
    public DbSet<CollaborationInvitation> CollaborationInvitations => Set<CollaborationInvitation>();
    public DbSet<UserBlock> UserBlocks => Set<UserBlock>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ExplorerDbContext).Assembly);
    }
}
