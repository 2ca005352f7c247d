using BzPeer.Explorer.Tests.Hosting;
using BzPeer.Explorer.Tests.Browser;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Faults;

/// <summary>The app killed while pages are open, then started again: the pages say what is happening, come back and work.</summary>
[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public class ReconnectBrowserTests
{
    [BrowserFact]
    public async Task Open_pages_show_the_reconnect_notice_while_the_app_is_down_and_work_again_after_it_restarts()
    {
        using var database = new TemporaryDatabase();
        var port = AppProcess.FreePort();
        var app = await AppProcess.StartAsync(port, database.FilePath);
        await using var browser = await BrowserSession.StartAsync(new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            var profile = await browser.NewPageAsync();
            await profile.GotoAsync("/researchers/meihao-kong");
            await profile.WaitForCircuitAsync();
            await profile.Locator(".graph-node[data-node-id]").First.WaitForAsync();
            var explorer = await browser.NewPageAsync();
            await explorer.GotoAsync("/explore?focus=person:meihao-kong");
            await explorer.WaitForCircuitAsync();
            await explorer.Locator(".graph-node[data-node-id]").First.WaitForAsync();

            app.Kill();

            foreach (var page in new[] { profile, explorer })
            {
                var notice = page.Locator("#components-reconnect-modal");
                await Assertions.Expect(notice).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await Assertions.Expect(notice.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Connection to the server lost");
                await Assertions.Expect(notice).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Reconnecting|not answering yet"));
                await page.WaitForFunctionAsync("() => getComputedStyle(document.getElementById('components-reconnect-modal')).opacity === '1'");
            }
            await profile.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "reconnect-notice.png") });
            Assert.Equal("ok", DatabaseChecksum.IntegrityCheck(database.FilePath));

            app = await AppProcess.StartAsync(port, database.FilePath);

            foreach (var page in new[] { profile, explorer })
            {
                await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
                await page.WaitForCircuitAsync();
                var nodes = page.Locator(".graph-node[data-node-id]");
                await nodes.First.WaitForAsync();
                var before = await nodes.CountAsync();
                var topic = page.Locator(".graph-node[data-node-kind=topic]").First;
                await topic.ClickAsync();
                await page.Locator("[data-action=expand]").ClickAsync();
                await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-node[data-node-id]').length > n", before);
            }
            await explorer.ScreenshotForReviewAsync("reconnect-working-again");
        }
        finally
        {
            app.Dispose();
        }
    }
}
