using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>Several app instances on one database: what one protects (sign-in cookies, antiforgery tokens), another reads.</summary>
public class DataProtectionTests
{
    [Fact]
    public async Task Two_instances_on_one_database_share_their_keys()
    {
        using var first = new ExplorerApp(kestrel: false);
        first.Start();
        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");

        using var second = new ExplorerApp(new Dictionary<string, string?> { ["ConnectionStrings:Explorer"] = first.Database.ConnectionString }, kestrel: false);
        second.Start();
        var unprotected = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);

        Assert.Equal("signed in", unprotected);
        await using var db = first.Database.CreateContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
