using BzPeer.Explorer;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Data;

if (args is ["bench", ..])
{
    var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables().Build();
    return await BzPeer.Explorer.Benchmarks.BenchCommand.RunAsync(args[1..], configuration.GetConnectionString(ExplorerDatabase.ConnectionStringName), Directory.GetCurrentDirectory());
}

// Accounts: the `add-reviewer EMAIL` verb (to be folded into the shared command-line dispatcher).
if (args is [AddReviewerCommand.Verb, ..]) return await AddReviewerCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddExplorer();

var app = builder.Build();
app.UseExplorer();

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
await app.RunAsync();
return 0;
