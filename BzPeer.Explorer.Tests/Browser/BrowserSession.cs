using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Browser;

/// <summary>Playwright driving Debian's Chromium (Playwright cannot download browsers here) against the app under test.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _baseAddress;

    private BrowserSession(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        _baseAddress = baseAddress;
    }

    /// <param name="extraArguments">More Chromium switches, e.g. a renderer process limit for a load run's many pages.</param>
    public static async Task<BrowserSession> StartAsync(Uri baseAddress, IEnumerable<string>? extraArguments = null)
    {
        if (Chromium.MissingReason is { } reason)
            throw new InvalidOperationException($"A browser is required ({Chromium.RequireVariable}=1) but missing: {reason}.");
        // What a test expects to see may take a busy two-core machine longer than Playwright's five seconds; a wrong page still fails.
        Assertions.SetDefaultExpectTimeout(10_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = [.. ChromiumArguments, .. extraArguments ?? []],
        });
        return new BrowserSession(playwright, browser, baseAddress);
    }

    /// <summary>A new page in its own context (no shared cookies), sized like a laptop screen.</summary>
    public async Task<IPage> NewPageAsync() => await (await NewContextAsync()).NewPageAsync();

    /// <summary>A new page in its own context, of this window size; with a touch screen (touch events, no hover) if asked.</summary>
    public async Task<IPage> NewPageAsync(int width, int height, bool touch = false) =>
        await (await NewContextAsync(width, height, touch)).NewPageAsync();

    /// <summary>A new context (one person's browser profile): its pages share cookies, and can share renderer processes.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1400, int height = 1000, bool touch = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = touch,
        });
        context.SetDefaultTimeout(15_000);
        // A page load (prerendering included) on a machine busy with other builds can take longer than a wait in a page.
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

public static class PageExtensions
{
    /// <summary>Waits until the Blazor circuit is connected, after which clicks reach their handlers.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Waits until the page's address matches and, unless <paramref name="loaded"/> is false, its document has loaded.
    /// Not WaitForURLAsync: that reads the address, then subscribes to navigations, and a navigation delivered between
    /// the two on Playwright's own thread is never seen (microsoft/playwright-dotnet#3364). Here it was an in-app
    /// navigation right after a click, seen as a 30 s timeout on a page already at the new address.
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, Regex address, bool loaded = true)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = 30_000 });
        if (loaded) await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    /// <summary>
    /// Waits until <paramref name="read"/> (a function of <paramref name="arg"/>, run in the page) gives a value other
    /// than null, and the same one at two polls 250 ms apart: a graph drawn step by step, read once it holds still.
    /// </summary>
    public static Task WaitForStillAsync(this IPage page, string read, object? arg = null)
    {
        // A key of its own per wait, so a value left by an earlier wait in the page never counts as a first poll.
        var key = "__still" + Guid.NewGuid().ToString("N");
        return page.WaitForFunctionAsync(
            $"arg => {{ const now = JSON.stringify(({read})(arg) ?? null); const same = window.{key} === now; window.{key} = now; return same && now !== 'null'; }}",
            arg, new() { PollingInterval = 250 });
    }

    /// <summary>Saves a screenshot under the test output folder, for a person to look at.</summary>
    public static async Task<string> ScreenshotForReviewAsync(this IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
