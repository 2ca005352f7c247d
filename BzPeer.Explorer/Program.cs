using BzPeer.Explorer;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Import;

if (CommandLine.IsVerb(args)) return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddExplorer();

var app = builder.Build();
app.UseExplorer();

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
await app.RunAsync();
return 0;
