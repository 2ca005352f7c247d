using BzPeer.Explorer;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Data;

// Accounts: the `add-reviewer EMAIL` verb (to be folded into the shared command-line dispatcher).
if (args is [AddReviewerCommand.Verb, ..]) return await AddReviewerCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddExplorer();

var app = builder.Build();
app.UseExplorer();

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
await app.RunAsync();
return 0;
