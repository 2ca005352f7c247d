using BzPeer.Explorer.Tests.Hosting;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BzPeer.Explorer.Tests.Browser;

/// <summary>
/// axe-core run in Chromium on each kind of page, once the page is interactive and its graph drawn: no serious or
/// critical violation. Also checks that the page ran under the app's Content-Security-Policy without the browser
/// refusing anything.
/// </summary>
[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public class AccessibilityBrowserTests(ExplorerAppFixture fixture, ITestOutputHelper output)
{
    /// <summary>Each kind of page on a laptop and on a phone.</summary>
    public static TheoryData<string, int, int> PagesAtSizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var kind in new[] { "home", "researcher", "work", "topic", "institution", "explorer", "search", "sign-in" })
        {
            data.Add(kind, 1440, 900);
            data.Add(kind, 390, 844);
        }
        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(PagesAtSizes))]
    public async Task The_page_has_no_serious_or_critical_axe_violations(string kind, int width, int height)
    {
        var path = await PathOfAsync(kind);
        var page = await (await fixture.BrowserAsync()).NewPageAsync(width, height);
        var refused = WatchForPolicyRefusals(page);
        // The load state is waited for by the navigation itself: WaitForLoadStateAsync checks, then subscribes, and can
        // miss an event delivered in between (see PageExtensions.WaitForAddressAsync).
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        if (kind != "sign-in") await page.WaitForCircuitAsync();
        if (kind is "researcher" or "explorer") await page.Locator(".graph-node[data-node-id]").First.WaitForAsync();

        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
            output.WriteLine($"axe {kind} {path}: {violation.Impact} {violation.Id} ({violation.Nodes.Length} nodes): {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
        output.WriteLine($"axe {kind} {path}: {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed");
        await page.ScreenshotForReviewAsync($"axe-{kind}-{width}");

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        Assert.Empty(refused);
    }

    [BrowserFact]
    public async Task The_policy_refuses_nothing_the_app_does_search_suggestions_graph_preview_expand_and_chart()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        var refused = WatchForPolicyRefusals(page);
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });
        await box.PressSequentiallyAsync("lott", new() { Delay = 30 });
        await Assertions.Expect(page.Locator(".suggestion").First).ToBeVisibleAsync();
        await box.PressAsync("Escape");

        var nodes = await page.Locator(".graph-node[data-node-id]").CountAsync();
        var topic = page.Locator(".graph-node[data-node-kind=topic]").First;
        var topicId = await topic.GetAttributeAsync("data-node-id");
        await topic.ClickAsync();
        await Assertions.Expect(page.Locator($"[data-preview-node='{topicId}']")).ToBeVisibleAsync();
        await page.Locator("[data-action=expand]").ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.graph-node[data-node-id]').length > n", nodes);

        await page.GotoAsync(await PathOfAsync("topic"), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForCircuitAsync();
        Assert.Empty(refused);
    }

    /// <summary>Console errors the browser prints when the policy blocks something, and scripts that failed.</summary>
    private static List<string> WatchForPolicyRefusals(IPage page)
    {
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
                lock (refused) refused.Add(message.Text);
        };
        page.PageError += (_, error) =>
        {
            lock (refused) refused.Add("page error: " + error);
        };
        return refused;
    }

    private async Task<string> PathOfAsync(string kind)
    {
        await using var db = await fixture.App.Database.Factory.CreateDbContextAsync();
        return kind switch
        {
            "home" => "/",
            "researcher" => "/researchers/meihao-kong",
            "work" => "/works/arXiv:2203.13802",
            "topic" => $"/topics/{await db.Topics.Where(t => t.DisplayName == "Advanced Neural Network Applications").Select(t => t.Id).FirstAsync()}",
            "institution" => $"/institutions/{await db.Institutions.Where(i => i.Ror == "01rxvg760").Select(i => i.Id).FirstAsync()}",
            "explorer" => "/explore?focus=person:meihao-kong",
            "search" => "/search?q=lottery",
            "sign-in" => "/Account/Login",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
