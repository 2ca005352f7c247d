using Bunit;
using BzPeer.Explorer.Profiles;

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
}
