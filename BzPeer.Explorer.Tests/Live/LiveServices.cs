using BzPeer.Explorer.Data;
using BzPeer.Explorer.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Live;

/// <summary>
/// The app's live-OpenAlex services as the app registers them (AddOpenAlexLive), on an empty database of the test's
/// own, pointed at a stand-in (or at <paramref name="baseUrl"/>), with the key "test-key" and a contact address.
/// </summary>
public sealed class LiveServices : IDisposable
{
    public const string ApiKey = "test-key";
    public const string Mailto = "tests@example.org";

    private readonly ServiceProvider _services;

    public LiveServices(string baseUrl, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        Database = new TemporaryDatabase(Postgres.AppProvider);
        using (var db = Database.CreateContext()) db.Database.Migrate();
        var values = new Dictionary<string, string?>
        {
            ["OpenAlex:Enabled"] = "true", ["OpenAlex:BaseUrl"] = baseUrl, ["OpenAlex:ApiKey"] = ApiKey, ["OpenAlex:Mailto"] = Mailto,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Database.Factory);
        if (time is not null) services.AddSingleton(time);
        services.AddOpenAlexLive(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        _services = services.BuildServiceProvider();
    }

    public LiveServices(OpenAlexStandIn standIn, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
        : this(standIn.BaseAddress.AbsoluteUri, settings, time)
    {
    }

    public TemporaryDatabase Database { get; }

    internal OpenAlexFetcher Fetcher => _services.GetRequiredService<OpenAlexFetcher>();

    public ListCallBudget Budget => _services.GetRequiredService<ListCallBudget>();

    public ExplorerDbContext CreateContext() => Database.CreateContext();

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
    }
}
