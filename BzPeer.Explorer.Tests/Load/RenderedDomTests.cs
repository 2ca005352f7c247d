namespace BzPeer.Explorer.Tests.Load;

/// <summary>
/// The load client's page model: what it finds must be what a browser's document would give, or the load run clicks
/// the wrong buttons and waits for notices that are gone.
/// </summary>
public sealed class RenderedDomTests
{
    private static DomElement Element(string name, string? classes = null)
    {
        var element = new DomElement(name);
        if (classes is not null) element.Attributes["class"] = classes;
        return element;
    }

    [Fact]
    public void Descendants_are_the_elements_in_document_order_through_component_containers()
    {
        var dom = new RenderedDom();
        var page = new DomContainer();
        dom.Root.Insert(0, page);
        var view = Element("div", "graph-view");
        page.Insert(0, view);
        var toolbar = new DomContainer();
        view.Insert(0, toolbar);
        var count = Element("span", "graph-count");
        toolbar.Insert(0, count);
        toolbar.Insert(1, new DomText("3 nodes"));
        view.Insert(1, new DomContainer());
        var notice = Element("p", "graph-notice");
        view.Insert(2, notice);
        var after = Element("footer");
        page.Insert(1, after);

        Assert.Equal([view, count, notice, after], dom.Root.Descendants().ToList());
        Assert.Equal([count, notice], view.Descendants().ToList());
    }

    [Fact]
    public void A_class_matches_only_a_whole_class_name()
    {
        var node = Element("div", "graph-node  selected");

        Assert.True(node.HasClass("graph-node"));
        Assert.True(node.HasClass("selected"));
        Assert.False(node.HasClass("graph"));
        Assert.False(node.HasClass("graph-nodes"));
        Assert.False(Element("div").HasClass("graph-node"));
    }

    [Fact]
    public void The_element_found_by_class_is_forgotten_once_removed_from_the_page()
    {
        var dom = new RenderedDom();
        var page = new DomContainer();
        dom.Root.Insert(0, page);
        var first = Element("p", "graph-notice");
        page.Insert(0, first);
        Assert.Same(first, dom.FirstWithClass("graph-notice"));

        page.RemoveAt(0);
        Assert.Null(dom.FirstWithClass("graph-notice"));

        var wrapper = Element("div");
        page.Insert(0, wrapper);
        var second = Element("p", "graph-notice");
        wrapper.Insert(0, second);
        Assert.Same(second, dom.FirstWithClass("graph-notice"));

        // Removing an ancestor removes the element with it.
        page.RemoveAt(0);
        Assert.Null(dom.FirstWithClass("graph-notice"));

        // An element that loses the class is no longer the one.
        var third = Element("p", "graph-notice");
        page.Insert(0, third);
        Assert.Same(third, dom.FirstWithClass("graph-notice"));
        third.Attributes["class"] = "graph-hint";
        Assert.Null(dom.FirstWithClass("graph-notice"));
    }
}
