namespace BzPeer.Explorer.Graph;

/// <summary>
/// Semantic zoom: which nodes carry a label at a zoom, so that text is never drawn below <see cref="MinFontPx"/> on screen
/// and labels of different nodes never cover each other. At <see cref="CardZoom"/> and above every node is a box with its
/// text inside (boxes never overlap). Below it, nodes become marks sized by importance, and a label of fixed on-screen
/// size is placed under (or else over) a mark only where it covers no label placed before it: the focus, the selected
/// node and then the most important nodes first. Sizes here are on-screen pixels; rectangles are in graph units.
/// </summary>
public static class LabelPlacement
{
    public const double MinFontPx = 11;

    /// <summary>The font of node text on screen in the zoomed-out view; in boxes it is this size times the zoom.</summary>
    public const double FontPx = 12;

    /// <summary>Boxes hold their text at this zoom and above: 12 px × zoom is at least 11 px.</summary>
    public const double CardZoom = MinFontPx / FontPx;

    /// <summary>A label under a mark: at most this wide, one or two lines.</summary>
    public const double LabelMaxWidthPx = 180;
    public const double LineHeightPx = 15;
    public const double LabelPaddingPx = 4;

    /// <summary>Width of a character of the label font, generous, so that the drawn text fits the box it is given.</summary>
    private const double CharWidthPx = 8;

    public const double SmallestMarkPx = 10;
    public const double LargestMarkPx = 26;
    public const double FocusMarkPx = 30;

    /// <summary>From a node's centre to the near edge of its label: clear of the largest mark.</summary>
    public const double LabelOffsetPx = FocusMarkPx / 2 + 2;

    public static bool ShowsCards(double zoom) => zoom >= CardZoom - 1e-9;

    public static double MarkPx(double importance, bool isFocus) =>
        isFocus ? FocusMarkPx : SmallestMarkPx + (LargestMarkPx - SmallestMarkPx) * Math.Clamp(importance, 0, 1);

    /// <summary>The size of a label's box on screen, which the renderer gives it exactly (longer text ends in an ellipsis).</summary>
    public static bool TwoLines(string text) => LabelSizePx(text).Height > LineHeightPx + LabelPaddingPx;

    public static (double Width, double Height) LabelSizePx(string text)
    {
        var oneLine = text.Length * CharWidthPx + 2 * LabelPaddingPx;
        return oneLine <= LabelMaxWidthPx
            ? (Math.Ceiling(oneLine), LineHeightPx + LabelPaddingPx)
            : (LabelMaxWidthPx, 2 * LineHeightPx + LabelPaddingPx);
    }

    public sealed record Candidate(string Id, Point2 Centre, string Text, double Importance, bool Pinned);

    public enum Side { Below, Above }

    public sealed record PlacedLabel(string Id, Side Side, Rect Box);

    public readonly record struct Rect(double Left, double Top, double Width, double Height)
    {
        public bool Intersects(Rect other) =>
            Left < other.Left + other.Width && other.Left < Left + Width && Top < other.Top + other.Height && other.Top < Top + Height;
    }

    /// <summary>The labels to draw at <paramref name="zoom"/> below <see cref="CardZoom"/>: pinned ones first, then by importance.</summary>
    public static Dictionary<string, PlacedLabel> Choose(IEnumerable<Candidate> candidates, double zoom)
    {
        var placed = new Dictionary<string, PlacedLabel>();
        var boxes = new List<Rect>();
        var ordered = candidates.OrderByDescending(c => c.Pinned).ThenByDescending(c => c.Importance).ThenBy(c => c.Id, StringComparer.Ordinal);
        foreach (var candidate in ordered)
        {
            var below = Box(candidate, Side.Below, zoom);
            var above = Box(candidate, Side.Above, zoom);
            // The focus and the selected node keep their label even where no free place is left.
            PlacedLabel? label = !boxes.Any(b => b.Intersects(below)) ? new(candidate.Id, Side.Below, below)
                : !boxes.Any(b => b.Intersects(above)) ? new(candidate.Id, Side.Above, above)
                : candidate.Pinned ? new(candidate.Id, Side.Below, below)
                : null;
            if (label is null) continue;
            placed[candidate.Id] = label;
            boxes.Add(label.Box);
        }
        return placed;
    }

    /// <summary>Where a node's label lies in graph units: centred on the node, just under or over its mark.</summary>
    public static Rect Box(Candidate candidate, Side side, double zoom)
    {
        var (width, height) = LabelSizePx(candidate.Text);
        var w = width / zoom;
        var h = height / zoom;
        var offset = LabelOffsetPx / zoom;
        var top = side == Side.Below ? candidate.Centre.Y + offset : candidate.Centre.Y - offset - h;
        return new Rect(candidate.Centre.X - w / 2, top, w, h);
    }
}
