using BzPeer.Explorer.Tests.Browser;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>One running app (and, when a test asks for one, one browser) shared by the tests of the collection.</summary>
public sealed class ExplorerAppFixture : IAsyncLifetime
{
    private readonly ExplorerApp _app = new();
    private BrowserSession? _browser;

    public ExplorerApp App => _app;

    public Task InitializeAsync()
    {
        _app.Start();
        return Task.CompletedTask;
    }

    /// <summary>The browser is started on first use, so HTTP-only tests run where no Chromium is installed.</summary>
    public async Task<BrowserSession> BrowserAsync() => _browser ??= await BrowserSession.StartAsync(_app.BaseAddress);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerAppCollection : ICollectionFixture<ExplorerAppFixture>
{
    public const string Name = "Running app";
}
