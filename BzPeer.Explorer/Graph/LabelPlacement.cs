namespace BzPeer.Explorer.Graph;

/// <summary>
/// Semantic zoom: which nodes carry a label at a zoom, so that text is never drawn below <see cref="MinFontPx"/> on screen
/// and labels of different nodes never cover each other. At <see cref="CardZoom"/> and above every node is a box with its
/// text inside (boxes never overlap). Below it, nodes become marks sized by importance, and a label of fixed on-screen
/// size is placed under (or else over) a mark only where it covers no label placed before it: the focus, the selected
/// node and then the most important nodes first. The focus and the selected node are labelled with their whole name,
/// wrapped rather than cut, and others give way to them. Sizes here are on-screen pixels; rectangles are in graph units.
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

    /// <summary>The focus's and the selected node's label: this wide at most, on as many lines as the whole name needs.</summary>
    public const double PinnedMaxWidthPx = 260;

    /// <summary>The room for text in a node's box: its width less borders, padding and the icon (graph.css).</summary>
    public const double CardTextWidthPx = 132;
    public const double LabelPaddingPx = 4;

    /// <summary>Width of a character of the label font, generous, so that the drawn text fits the box it is given.</summary>
    private const double CharWidthPx = 8;

    /// <summary>The same for a whole name that must never be cut: wide enough for the widest bold fonts a browser falls back to.</summary>
    private const double WholeNameCharWidthPx = 10;

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

    public static bool TwoLines(string text, bool pinned) => LabelSizePx(text, pinned).Height > LineHeightPx + LabelPaddingPx;

    /// <summary>A pinned label (focus, selected) is as wide as its text up to <see cref="PinnedMaxWidthPx"/>, and as tall as its wrapped lines.</summary>
    public static (double Width, double Height) LabelSizePx(string text, bool pinned = false)
    {
        if (pinned)
        {
            var width = Math.Min(Math.Ceiling(TextWidthPx(text, pinned) + 2 * LabelPaddingPx), PinnedMaxWidthPx);
            return (width, WrappedLines(text, width - 2 * LabelPaddingPx).Count * LineHeightPx + LabelPaddingPx);
        }
        var oneLine = TextWidthPx(text) + 2 * LabelPaddingPx;
        return oneLine <= LabelMaxWidthPx
            ? (Math.Ceiling(oneLine), LineHeightPx + LabelPaddingPx)
            : (LabelMaxWidthPx, 2 * LineHeightPx + LabelPaddingPx);
    }

    public static double TextWidthPx(string text, bool pinned = false) => text.Length * (pinned ? WholeNameCharWidthPx : CharWidthPx);

    /// <summary>A whole name broken at spaces into lines of at most <paramref name="widthPx"/>; a word longer than a line is split, never dropped.</summary>
    public static List<string> WrappedLines(string text, double widthPx)
    {
        var perLine = Math.Max(1, (int)(widthPx / WholeNameCharWidthPx));
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            if (line.Length > 0 && line.Length + 1 + rest.Length <= perLine)
            {
                line += " " + rest;
                continue;
            }
            if (line.Length > 0) lines.Add(line);
            while (rest.Length > perLine)
            {
                lines.Add(rest[..perLine]);
                rest = rest[perLine..];
            }
            line = rest;
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line);
        return lines;
    }

    /// <summary>What a node reads: the focus and the selected node their whole name (a paper's with its year), others the shortened text.</summary>
    public static string TextFor(GraphNode node, string shortened, bool pinned) => pinned ? DisplayLabels.Whole(node) : shortened;

    public readonly record struct Candidate(string Id, Point2 Centre, string Text, double Importance, bool Pinned);

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
            PlacedLabel? label = IsFree(below, boxes) ? new(candidate.Id, Side.Below, below)
                : IsFree(above, boxes) ? new(candidate.Id, Side.Above, above)
                : candidate.Pinned ? new(candidate.Id, Side.Below, below)
                : null;
            if (label is null) continue;
            placed[candidate.Id] = label;
            boxes.Add(label.Box);
        }
        return placed;
    }

    // A loop, not Any with a lambda: this runs for every node at every expansion and zoom step, and each lambda was an allocation.
    private static bool IsFree(Rect box, List<Rect> taken)
    {
        foreach (var other in taken)
            if (other.Intersects(box)) return false;
        return true;
    }

    /// <summary>Where a node's label lies in graph units: centred on the node, just under or over its mark.</summary>
    public static Rect Box(Candidate candidate, Side side, double zoom)
    {
        var (width, height) = LabelSizePx(candidate.Text, candidate.Pinned);
        var w = width / zoom;
        var h = height / zoom;
        var offset = LabelOffsetPx / zoom;
        var top = side == Side.Below ? candidate.Centre.Y + offset : candidate.Centre.Y - offset - h;
        return new Rect(candidate.Centre.X - w / 2, top, w, h);
    }
}
