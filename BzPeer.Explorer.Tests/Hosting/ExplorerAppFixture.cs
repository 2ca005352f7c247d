using BzPeer.Explorer.Tests.Browser;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>One running app (and, when a test asks for one, one browser) shared by the tests of the collection.</summary>
public class ExplorerAppFixture : IAsyncLifetime
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

/// <summary>A second running app, for the account tests, whose sign-ups and messages must not meet the others' pages.</summary>
public sealed class AccountsAppFixture : ExplorerAppFixture;

/// <summary>
/// The tests that drive a running app, the browser tests among them: one at a time, as two browsers with two apps at once
/// on a small machine made each slow enough to miss its waits.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ExplorerAppCollection : ICollectionFixture<ExplorerAppFixture>, ICollectionFixture<AccountsAppFixture>
{
    public const string Name = "Running app";
}
