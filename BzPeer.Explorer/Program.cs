using BzPeer.Explorer;
using BzPeer.Explorer.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddExplorer();

var app = builder.Build();
app.UseExplorer();

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
await app.RunAsync();
