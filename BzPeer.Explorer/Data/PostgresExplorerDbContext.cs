using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BzPeer.Explorer.Data;

/// <summary>
/// The same model on PostgreSQL. A context type of its own gives PostgreSQL its own set of migrations
/// (Data/Migrations/Postgres), the way EF Core keeps migrations for several providers; add one to each set for
/// every model change:
/// <c>dotnet ef migrations add Name --context ExplorerDbContext</c> and
/// <c>dotnet ef migrations add Name --context PostgresExplorerDbContext</c>.
/// </summary>
public sealed class PostgresExplorerDbContext(DbContextOptions<PostgresExplorerDbContext> options) : ExplorerDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Slugs are ASCII and compared bytewise, as on SQLite: the import finds "name", "name-2", … as one index range
        // ["name", "name."), which holds only in byte order, not in a language's collation.
        builder.Entity<Researcher>().Property(r => r.Slug).UseCollation("C");
    }
}

/// <summary>Lets `dotnet ef migrations add --context PostgresExplorerDbContext` build the model; it never connects.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresExplorerDbContext>
{
    public PostgresExplorerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresExplorerDbContext>();
        ExplorerDatabase.ConfigurePostgres(options, "Host=localhost;Database=bzpeer_design");
        return new PostgresExplorerDbContext(options.Options);
    }
}
