using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Benchmarks;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Components;
using BzPeer.Explorer.Components.Layout;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.DemoData;
using BzPeer.Explorer.Graph;
using BzPeer.Explorer.Import;
using BzPeer.Explorer.Live;
using BzPeer.Explorer.Operations;
using BzPeer.Explorer.Search;
using MudBlazor.Services;

namespace BzPeer.Explorer;

/// <summary>The app's service registrations, request pipeline and start, and its command-line verbs, kept out of Program.cs.</summary>
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
        builder.Services.AddSingleton<ThemeStyles>();
        builder.AddExplorerServices();
        builder.AddAccounts();
        builder.AddOperations();
        return builder;
    }

    /// <summary>What the web app and the verbs share: the database, the graph, search and OpenAlex.</summary>
    public static IHostApplicationBuilder AddExplorerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExplorerDatabase();
        builder.Services.AddSingleton<DemoDataLoader>();
        builder.Services.AddSingleton<GraphService>();
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddSingleton<OpenAlexSearch>();
        builder.Services.AddOpenAlexLive(builder.Configuration);
        return builder;
    }

    /// <summary>The command-line verbs, each from its feature.</summary>
    public static IServiceCollection AddExplorerVerbs(this IServiceCollection services) => services
        .AddVerb<ImportCommand>()
        .AddVerb<FetchCommand>()
        .AddVerb<GenerateCommand>()
        .AddVerb<BenchCommand>()
        .AddVerb<AddReviewerCommand>()
        .AddVerb<BackupCommand>();

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
        // Browsers compress the circuit's messages, and by default the server keeps each socket's compressor between
        // them, for as long as the circuit is open: a large share of what an open circuit holds (docs/benchmarks.md,
        // "Fourteenth session"). Each render batch compressed on its own shrinks nearly as much. Framing stays
        // forbidden by SecurityHeaders' policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ConfigureWebSocketAcceptContext = (_, accept) =>
        {
            accept.DangerousEnableCompression = true;
            accept.DisableServerContextTakeover = true;
            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary>Brings the database up to date, then fills it with the demo data when it is new (and this instance may write).</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken))
            await services.GetRequiredService<DemoDataLoader>().LoadIfEmptyAsync(cancellationToken);
    }

    /// <summary>
    /// The host a verb runs on: the app's shared services and the verbs, without the web server or logging to the
    /// console. Its configuration is the app's (appsettings under the current folder, user secrets in Development,
    /// the environment), or <paramref name="configuration"/> when given; <paramref name="settings"/> go over it.
    /// </summary>
    public static IHost BuildVerbHost(IConfiguration? configuration, IReadOnlyDictionary<string, string?> settings)
    {
        var hostSettings = new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        };
        var builder = configuration is null ? Host.CreateApplicationBuilder(hostSettings) : Host.CreateEmptyApplicationBuilder(hostSettings);
        if (configuration is not null) builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddExplorerServices();
        builder.Services.AddExplorerVerbs();
        return builder.Build();
    }

    /// <summary>Runs the verb in <paramref name="args"/> on the verbs' host, writing to <paramref name="output"/>.</summary>
    public static Task<int> RunVerbAsync(string[] args, CommandOutput output, IConfiguration? configuration, CancellationToken cancellationToken) =>
        VerbLine.RunAsync(args, settings => BuildVerbHost(configuration, settings), output, onConsole: false, cancellationToken);
}
