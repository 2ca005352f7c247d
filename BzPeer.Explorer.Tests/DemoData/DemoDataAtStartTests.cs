using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BzPeer.Explorer.Tests.DemoData;

/// <summary>The app's start step (ExplorerHost.PrepareDatabaseAsync): migrations first, then the demo data when the instance may write.</summary>
public class DemoDataAtStartTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_new_database_is_migrated_then_filled_with_the_demo_data(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);
        using var host = HostOn(database, migrate: true);

        await host.Services.PrepareDatabaseAsync();

        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.Researchers.AnyAsync(r => r.Slug == "meihao-kong"));
        Assert.Equal(6001, await db.Works.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_instance_that_may_not_write_leaves_an_empty_up_to_date_database_empty(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);
        await using (var migrated = database.CreateContext()) await migrated.Database.MigrateAsync();
        using var host = HostOn(database, migrate: false);

        await host.Services.PrepareDatabaseAsync();

        await using var db = database.CreateContext();
        Assert.False(await db.Researchers.AnyAsync());
        Assert.False(await db.Works.AnyAsync());
    }

    private static IHost HostOn(TemporaryDatabase database, bool migrate)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Explorer"] = database.ConnectionString,
            [DatabaseInitializer.MigrateSetting] = migrate.ToString(),
        });
        builder.AddExplorerServices();
        return builder.Build();
    }
}
