using BzPeer.Explorer.Tests.Hosting;
using Microsoft.Playwright;

namespace BzPeer.Explorer.Tests.Browser;

[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public class ResearcherPageBrowserTests(ExplorerAppFixture fixture)
{
    [BrowserFact]
    public async Task The_reference_profile_shows_what_the_original_page_shows()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        var response = await page.GotoAsync("/researchers/meihao-kong");
        Assert.Equal(200, response!.Status);
        await page.WaitForCircuitAsync();

        Assert.Equal("Meihao Kong", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.GetByText("Affiliation not imported").IsVisibleAsync());

        var paper = page.Locator("article.work-item").First;
        Assert.Equal("Playing Lottery Tickets in Style Transfer Models", (await paper.Locator(".work-title").InnerTextAsync()).Trim());
        Assert.Contains("preprint", await paper.Locator(".work-meta").InnerTextAsync());
        Assert.Equal("2022", await paper.Locator(".work-year").InnerTextAsync());
        Assert.Equal("arXiv", await paper.Locator(".work-venue").InnerTextAsync());
        Assert.StartsWith("Style transfer has achieved great success", await paper.Locator(".work-abstract").InnerTextAsync());

        await page.ScreenshotForReviewAsync("researcher-meihao-kong");
    }

    [BrowserFact]
    public async Task From_the_start_page_a_click_opens_a_researchers_profile()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();

        var card = page.Locator("a.researcher-card").First;
        var name = (await card.Locator(".researcher-name").InnerTextAsync()).Trim();
        await card.ClickAsync();

        await page.WaitForURLAsync("**/researchers/**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        Assert.True(await page.Locator("article.work-item").CountAsync() > 0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reference profile" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meihao Kong");
    }
}
