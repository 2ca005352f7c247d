using BzPeer.Explorer;
using BzPeer.Explorer.Cli;

if (VerbLine.IsVerbLine(args)) return await VerbLine.RunOnConsoleAsync(args, settings => ExplorerHost.BuildVerbHost(configuration: null, settings));

var builder = WebApplication.CreateBuilder(args);
builder.AddExplorer();

var app = builder.Build();
app.UseExplorer();

await app.Services.PrepareDatabaseAsync();
await app.RunAsync();
return 0;
