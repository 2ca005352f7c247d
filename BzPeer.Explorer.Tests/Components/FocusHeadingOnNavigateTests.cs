using BzPeer.Explorer.Components;
using BzPeer.Explorer.Home;
using BzPeer.Explorer.Search;
using Bunit;
using Microsoft.AspNetCore.Components;
using RouteData = Microsoft.AspNetCore.Components.RouteData;

namespace BzPeer.Explorer.Tests.Components;

/// <summary>
/// After a page change the heading takes the focus through app.js's bzFocus.heading, which leaves an open search alone
/// (its browser test is in PhoneLayoutBrowserTests); once per change of page, as Blazor's FocusOnNavigate does.
/// </summary>
public class FocusHeadingOnNavigateTests : ComponentTestContext
{
    [Fact]
    public void An_interactive_page_focuses_its_heading_through_the_function_that_spares_an_open_search_once_per_page()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var focus = Render<FocusHeadingOnNavigate>(p => p.Add(c => c.RouteData, new RouteData(typeof(HomePage), new Dictionary<string, object?>())).Add(c => c.Selector, "h1"));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "bzFocus.heading" && (string?)i.Arguments[0] == "h1");

        focus.Render(p => p.Add(c => c.RouteData, new RouteData(typeof(HomePage), new Dictionary<string, object?>())));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "bzFocus.heading");

        focus.Render(p => p.Add(c => c.RouteData, new RouteData(typeof(SearchPage), new Dictionary<string, object?>())));
        Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier == "bzFocus.heading"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier.Contains("focusBySelector", StringComparison.Ordinal));
    }

    [Fact]
    public void A_statically_rendered_page_keeps_blazors_own_focus_on_navigation()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var focus = Render<FocusHeadingOnNavigate>(p => p.Add(c => c.RouteData, new RouteData(typeof(HomePage), new Dictionary<string, object?>())).Add(c => c.Selector, "h1"));

        Assert.NotNull(focus.FindComponent<Microsoft.AspNetCore.Components.Routing.FocusOnNavigate>());
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "bzFocus.heading");
    }
}
