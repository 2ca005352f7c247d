using System.Text.RegularExpressions;
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
        Assert.Equal("Affiliation not imported", await page.Locator(".researcher-affiliation").InnerTextAsync());
        Assert.Equal("Trust 11 - Unverified", await page.Locator(".trust-chip.score").InnerTextAsync());

        var paper = page.Locator("article.work-item").First;
        Assert.Equal("Playing Lottery Tickets in Style Transfer Models", (await paper.Locator(".work-title").InnerTextAsync()).Trim());
        Assert.True(await paper.Locator(".work-abstract").IsVisibleAsync());
        Assert.Contains("preprint", await paper.Locator(".work-meta").InnerTextAsync());
        Assert.Equal("2022", await paper.Locator(".work-year").InnerTextAsync());
        Assert.Equal("arXiv", await paper.Locator(".work-venue").InnerTextAsync());
        Assert.StartsWith("Style transfer has achieved great success", await paper.Locator(".work-abstract").InnerTextAsync());

        await page.ScreenshotForReviewAsync("researcher-meihao-kong");
    }

    [BrowserTheory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task The_output_chart_draws_its_years_and_counts_at_a_readable_size_inside_the_card(int width, int height)
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync(width, height);
        // The demo data's most prolific researcher: 15 years of works.
        await page.GotoAsync("/researchers/jalon-moreton");
        await page.WaitForCircuitAsync();
        var chart = page.Locator("[data-year-chart]");
        await chart.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotForReviewAsync($"researcher-output-chart-{width}");

        // What a person reads on the chart: the scale and the years, measured as drawn.
        var labels = await chart.EvaluateAsync<double[][]>(
            """
            chart => {
                const box = chart.getBoundingClientRect();
                return [...chart.querySelectorAll('.year-chart-scale span, .year-label')].filter(e => e.textContent.trim()).map(e => {
                    const range = document.createRange();
                    range.selectNodeContents(e);
                    const r = range.getBoundingClientRect();
                    return [parseFloat(getComputedStyle(e).fontSize), r.left - box.left, box.right - r.right, r.height];
                });
            }
            """);
        Assert.True(labels.Length >= 5, $"{labels.Length} labels on the chart");
        Assert.All(labels, label =>
        {
            Assert.True(label[0] >= 11, $"a label drawn at {label[0]} px");
            Assert.True(label[1] >= 0 && label[2] >= 0, $"a label runs {Math.Min(label[1], label[2]):0} px past the chart's side");
        });
        Assert.True(await chart.Locator(".year-bar").CountAsync() >= 20, "bars for each year's works and citations");
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

        await page.WaitForAddressAsync(new Regex("/researchers/."));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        Assert.True(await page.Locator("article.work-item").CountAsync() > 0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reference profile" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meihao Kong");
    }

    [BrowserFact]
    public async Task From_her_page_a_person_reaches_the_paper_a_co_author_a_topic_and_an_institution_and_back()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        var h1 = page.Locator("h1");

        await page.Locator(".work-title a").First.ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Playing Lottery Tickets in Style Transfer Models");
        Assert.EndsWith("/works/1", page.Url);
        await page.ScreenshotForReviewAsync("work-lottery-tickets");

        await page.GoBackAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Meihao Kong");

        await page.Locator(".collaborators a", new() { HasText = "Yu-Kun Lai" }).ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Yu-Kun Lai");
        Assert.EndsWith("/researchers/yu-kun-lai", page.Url);

        await page.Locator("a.researcher-affiliation").ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Cardiff University");
        await page.ScreenshotForReviewAsync("institution-cardiff");

        await page.Locator("a.topic-chip", new() { HasText = "Advanced Neural Network Applications" }).ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Advanced Neural Network Applications");
        Assert.True(await page.Locator("article.work-item").CountAsync() > 1);
        await page.ScreenshotForReviewAsync("topic-advanced-neural-network-applications");

        await page.GoBackAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Cardiff University");
        await page.GoBackAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Yu-Kun Lai");
        await page.GoBackAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Meihao Kong");
    }

    [BrowserFact]
    public async Task Show_more_expands_a_long_abstract_in_place()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        await page.GotoAsync("/researchers/meihao-kong");
        await page.WaitForCircuitAsync();
        var abstractText = page.Locator(".work-abstract").First;
        var clampedHeight = (await abstractText.BoundingBoxAsync())!.Height;

        await page.GetByRole(AriaRole.Button, new() { Name = "show more" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "show less" })).ToBeVisibleAsync();
        Assert.True((await abstractText.BoundingBoxAsync())!.Height > clampedHeight * 2);
    }

    [BrowserFact]
    public async Task Paging_through_a_prolific_researchers_works_stays_on_the_page()
    {
        var page = await (await fixture.BrowserAsync()).NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        await page.Locator("a.researcher-card").First.ClickAsync();
        await page.WaitForAddressAsync(new Regex("/researchers/."));
        var firstTitle = await page.Locator(".work-title").First.InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Next ›" }).ClickAsync();

        await Assertions.Expect(page.Locator(".pager-position")).ToHaveTextAsync(new Regex("^Page 2 of"));
        Assert.Contains("page=2", page.Url);
        Assert.NotEqual(firstTitle, await page.Locator(".work-title").First.InnerTextAsync());
        await page.ScreenshotForReviewAsync("researcher-prolific-page-2");
    }
}
