using Bunit;
using BzPeer.Explorer.Profiles.Shared;

namespace BzPeer.Explorer.Tests.Profiles;

public class WorkListTests : ComponentTestContext
{
    [Fact]
    public void Each_work_shows_type_year_venue_title_and_abstract()
    {
        WorkListItem[] works =
        [
            new(1, "Playing Lottery Tickets in Style Transfer Models", "preprint", 2022, "arXiv", "Style transfer has achieved great success.", 0),
            new(2, "A second paper", "article", 2019, null, null, 12),
        ];

        var list = Render<WorkList>(p => p.Add(c => c.Works, works));

        var items = list.FindAll("article.work-item");
        Assert.Equal(2, items.Count);
        var first = items[0];
        Assert.Equal("Playing Lottery Tickets in Style Transfer Models", first.QuerySelector(".work-title")!.TextContent);
        Assert.Equal("works/1", first.QuerySelector(".work-title a")!.GetAttribute("href"));
        Assert.Contains("preprint", first.QuerySelector(".work-meta")!.TextContent);
        Assert.Equal("2022", first.QuerySelector(".work-year")!.TextContent);
        Assert.Equal("arXiv", first.QuerySelector(".work-venue")!.TextContent);
        Assert.Equal("Style transfer has achieved great success.", first.QuerySelector(".work-abstract")!.TextContent);

        var second = items[1];
        Assert.Null(second.QuerySelector(".work-venue"));
        Assert.Null(second.QuerySelector(".work-abstract"));
        Assert.Equal("cited by 12", second.QuerySelector(".work-cited")!.TextContent);
    }

    [Fact]
    public void Text_from_data_is_shown_as_text_never_as_markup()
    {
        WorkListItem[] works = [new(1, "<script>alert(1)</script>", "article", 2020, "<b>Venue</b>", "<img src=x onerror=alert(1)>", 0)];

        var list = Render<WorkList>(p => p.Add(c => c.Works, works));

        Assert.Empty(list.FindAll("script"));
        Assert.Empty(list.FindAll("img"));
        Assert.Empty(list.FindAll(".work-venue b"));
        Assert.Equal("<script>alert(1)</script>", list.Find(".work-title").TextContent);
        Assert.Contains("&lt;script&gt;", list.Markup);
    }

    [Fact]
    public void A_long_abstract_is_clamped_until_show_more()
    {
        var abstractText = string.Join(" ", Enumerable.Repeat("A sentence of the abstract.", 30));
        WorkListItem[] works = [new(7, "Long", "article", 2021, null, abstractText, 0), new(8, "Short", "article", 2021, null, "Brief.", 0)];

        var list = Render<WorkList>(p => p.Add(c => c.Works, works));

        var abstractElement = list.Find("#abstract-7");
        Assert.DoesNotContain("expanded", abstractElement.ClassList);
        Assert.Equal(abstractText, abstractElement.TextContent);
        var toggle = list.Find("article[data-work-id='7'] .work-more");
        Assert.Equal("show more", toggle.TextContent);
        Assert.Empty(list.FindAll("article[data-work-id='8'] .work-more"));

        toggle.Click();

        Assert.Contains("expanded", list.Find("#abstract-7").ClassList);
        Assert.Equal("show less", list.Find("article[data-work-id='7'] .work-more").TextContent);
        Assert.Equal("true", list.Find("article[data-work-id='7'] .work-more").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void An_empty_list_says_so()
    {
        var list = Render<WorkList>(p => p.Add(c => c.Works, []).Add(c => c.EmptyText, "No works on this page."));
        Assert.Equal("No works on this page.", list.Find(".work-empty").TextContent);
    }
}
