using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BzPeer.Explorer.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ExplorerDbContext>
{
    public ExplorerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ExplorerDbContext>();
        ExplorerDatabase.Configure(options, "Data Source=:memory:");
        return new ExplorerDbContext(options.Options);
    }
}
