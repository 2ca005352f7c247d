using Microsoft.AspNetCore.Components;

namespace BzPeer.Explorer.Graph.View;

/// <summary>
/// A graph node as <see cref="GraphNodesLayer"/> draws it: fixed size (no browser measuring), in the place the layout
/// gave it. Zoomed out it is drawn as a mark of <see cref="MarkPx"/> with its label only where <see cref="Label"/>
/// places one (see <see cref="LabelPlacement"/>). Its HTML is made once and kept until <see cref="Refresh"/>.
/// </summary>
public sealed class ExplorerNodeModel(GraphNode node, Point2 centre, bool isFocus)
{
    private MarkupString? _html;
    private string? _place;

    public GraphNode Node { get; } = node;

    public bool IsFocus { get; } = isFocus;

    public Point2 Centre { get; } = centre;

    /// <summary>The top left corner of the node's box, in the graph's coordinates.</summary>
    public Point2 TopLeft { get; } = new(centre.X - GraphLayout.NodeWidth / 2, centre.Y - GraphLayout.NodeHeight / 2);

    /// <summary>Where the node's box goes in the layer, made when first drawn (a moved node is a new model).</summary>
    internal string Place => _place ??= string.Create(System.Globalization.CultureInfo.InvariantCulture, $"top: {TopLeft.Y}px; left: {TopLeft.X}px");

    /// <summary>The text drawn: for the focus and the selected node their whole name, for others <see cref="ShortText"/>.</summary>
    public string Text => LabelPlacement.TextFor(Node, ShortText, Pinned);

    /// <summary>Shortened in the middle, a paper's with its year (see <see cref="DisplayLabels"/>).</summary>
    public string ShortText { get; private set; } = node.Label;

    /// <summary>The focus or the selected node: its label is never shortened or left out; others give way.</summary>
    public bool Pinned { get; private set; }

    public double Importance { get; private set; }

    /// <summary>The label zoomed out, or null where there is no room for one (the full text shows on hover and focus).</summary>
    public LabelPlacement.PlacedLabel? Label { get; private set; }

    /// <summary>A paper's colour when papers are coloured by year; null draws the kind's colour.</summary>
    public string? YearColour { get; set; }

    /// <summary>The node the arrow keys have reached: drawn with a focus ring and its label.</summary>
    public bool KeyboardFocus { get; set; }

    /// <summary>The node's neighbourhood is being read from OpenAlex (it expands once that is done).</summary>
    public bool Fetching { get; set; }

    /// <summary>Why the last read of its neighbourhood from OpenAlex did not work out; null when it did or none was tried.</summary>
    public string? FetchProblem { get; set; }

    /// <summary>How much of its neighbourhood is stored: as the slice read it, or as the last read from OpenAlex left it.</summary>
    public NeighbourhoodState? Neighbourhood { get; set; } = node.Neighbourhood;

    public double MarkPx => LabelPlacement.MarkPx(Importance, IsFocus);

    /// <summary>The layer this node is drawn in, told when the node must be drawn again.</summary>
    internal GraphNodesLayer.NodeDrawing? Drawing { get; set; }

    /// <summary>The node's HTML as last made; made anew after <see cref="Refresh"/>.</summary>
    internal MarkupString Html => _html ??= GraphNodesLayer.Html(this);

    /// <summary>Draws the node again, with whatever of it changed.</summary>
    public void Refresh()
    {
        _html = null;
        Drawing?.Redraw();
    }

    /// <summary>Takes new text, importance and label; true when any changed, and the node must be drawn again.</summary>
    public bool Update(string shortText, double importance, LabelPlacement.PlacedLabel? label)
    {
        var labelChanged = label?.Side != Label?.Side || (label is null) != (Label is null);
        if (shortText == ShortText && Math.Abs(importance - Importance) < 0.005 && !labelChanged) return false;
        ShortText = shortText;
        Importance = importance;
        Label = label;
        return true;
    }

    /// <summary>Pins or unpins the label; true when that changed it.</summary>
    public bool Pin(bool pinned)
    {
        if (pinned == Pinned) return false;
        Pinned = pinned;
        return true;
    }
}
