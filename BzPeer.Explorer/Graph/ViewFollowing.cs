namespace BzPeer.Explorer.Graph;

/// <summary>
/// Where the view goes after the graph grows, so that the new nodes are in sight: pan and zoom of a canvas that draws
/// graph point p at screen point p × zoom + pan. Plain arithmetic, tested without a browser.
/// </summary>
public static class ViewFollowing
{
    /// <summary>Space kept between the nodes brought into view and the canvas's edges, in screen pixels.</summary>
    public const double MarginPx = 24;

    /// <summary>
    /// Below a node, room as well for a label of two lines under its mark (zoomed out, labels keep their size on screen
    /// while the nodes' boxes shrink), so that a node revealed at the bottom edge is not left with its name cut off.
    /// </summary>
    public const double LabelRoomPx = MarginPx + 2 * LabelPlacement.LineHeightPx;

    public readonly record struct View(double PanX, double PanY, double Zoom);

    /// <summary>The view that shows every one of these node centres' boxes, or null when they are all in view already.</summary>
    /// <param name="bottomMargin">
    /// Space kept under the lowest node: <see cref="MarginPx"/>, or <see cref="LabelRoomPx"/> for a node whose whole name
    /// must be read. A graph that grows keeps the smaller margin, which moves the nodes already shown least.
    /// </param>
    public static View? Reveal(IReadOnlyCollection<Point2> centres, View current, double width, double height, double minimumZoom,
        double bottomMargin = MarginPx)
    {
        if (centres.Count == 0 || width <= 0 || height <= 0) return null;
        var left = centres.Min(c => c.X) - GraphLayout.NodeWidth / 2;
        var right = centres.Max(c => c.X) + GraphLayout.NodeWidth / 2;
        var top = centres.Min(c => c.Y) - GraphLayout.NodeHeight / 2;
        var bottom = centres.Max(c => c.Y) + GraphLayout.NodeHeight / 2;

        // Zoom out only as far as needed for the nodes to fit, margins included.
        var zoom = current.Zoom;
        var fitting = Math.Min((width - 2 * MarginPx) / (right - left), (height - MarginPx - bottomMargin) / (bottom - top));
        if (fitting < zoom) zoom = Math.Max(minimumZoom, fitting);

        // From the view zoomed about the canvas's middle, the least pan that brings the nodes in.
        var panX = Shift(width / 2 - (width / 2 - current.PanX) / current.Zoom * zoom, left * zoom, right * zoom, width, MarginPx);
        var panY = Shift(height / 2 - (height / 2 - current.PanY) / current.Zoom * zoom, top * zoom, bottom * zoom, height, bottomMargin);
        var target = new View(panX, panY, zoom);
        return Math.Abs(target.PanX - current.PanX) < 0.5 && Math.Abs(target.PanY - current.PanY) < 0.5 && target.Zoom == current.Zoom ? null : target;
    }

    /// <summary>
    /// The pan nearest to <paramref name="pan"/> that puts the span from low to high (screen units before panning) inside
    /// the length, <see cref="MarginPx"/> from its start and <paramref name="endMargin"/> from its end.
    /// </summary>
    private static double Shift(double pan, double low, double high, double length, double endMargin)
    {
        if (high - low > length - MarginPx - endMargin) return (length + MarginPx - endMargin) / 2 - (low + high) / 2; // too long: centre it
        if (low + pan < MarginPx) return MarginPx - low;
        if (high + pan > length - endMargin) return length - endMargin - high;
        return pan;
    }
}
