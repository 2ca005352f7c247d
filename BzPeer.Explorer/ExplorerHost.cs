using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Components;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Graph;
using BzPeer.Explorer.Live;
using BzPeer.Explorer.Operations;
using MudBlazor.Services;

namespace BzPeer.Explorer;

/// <summary>The app's service registrations and request pipeline, kept out of Program.cs.</summary>
public static class ExplorerHost
{
    /// <summary>
    /// The largest message a browser may send a circuit. A page opened afresh sends back what it was prerendered with
    /// ([PersistentState]): a profile of real records with their abstracts is larger than SignalR's default 32 KB, and
    /// a circuit refused its start leaves a page without its graph or buttons.
    /// </summary>
    public const long CircuitMessageLimit = 512 * 1024;

    public static WebApplicationBuilder AddExplorer(this WebApplicationBuilder builder)
    {
        // Serve package assets (_content/…) and the top-level wwwroot/ from their source folders in every
        // environment, not only Development; published output has its own manifest and ignores this.
        builder.WebHost.UseStaticWebAssets();
        // A long pasted search (10 KB of text) must still reach the search page, which trims it, rather than a 414.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 32 * 1024);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = CircuitMessageLimit);
        builder.Services.AddMudServices();
        builder.Services.AddExplorerDatabase();
        builder.Services.AddSingleton<GraphService>();
        builder.Services.AddSingleton<BzPeer.Explorer.Search.SearchService>();
        builder.Services.AddOpenAlexLive(builder.Configuration);
        builder.AddAccounts();
        builder.AddOperations();
        return builder;
    }

    public static WebApplication UseExplorer(this WebApplication app)
    {
        app.UseOperations();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAccounts();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOperations();
        app.MapOpenAlexStatus();
        app.MapGraphExport();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
