using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Data;

/// <summary>The app's data on SQLite (its migrations are in Data/Migrations); <see cref="PostgresExplorerDbContext"/> is the same model on PostgreSQL.</summary>
public class ExplorerDbContext : IdentityDbContext<ExplorerUser>, IDataProtectionKeyContext
{
    public ExplorerDbContext(DbContextOptions<ExplorerDbContext> options) : base(options)
    {
    }

    protected ExplorerDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Which engine this context talks to, for the few reads written in SQL.</summary>
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
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
    public DbSet<LiveFetch> LiveFetches => Set<LiveFetch>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<AuthorClaim> AuthorClaims => Set<AuthorClaim>();
    public DbSet<ClaimDecision> ClaimDecisions => Set<ClaimDecision>();
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
