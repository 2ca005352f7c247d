using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace BzPeer.Explorer.Graph.View;

/// <summary>
/// A graph node as Blazor.Diagrams draws it: fixed size (no browser measuring), locked in place (the layout owns
/// positions), no ports (links anchor on the box's outline). Its id is the graph node id, which the library's
/// renderer writes as data-node-id on the node element.
/// </summary>
public sealed class ExplorerNodeModel : NodeModel
{
    public ExplorerNodeModel(GraphNode node, Point2 centre, bool isFocus)
        : base(node.Id, TopLeft(centre))
    {
        Node = node;
        IsFocus = isFocus;
        Size = new Size(GraphLayout.NodeWidth, GraphLayout.NodeHeight);
        ControlledSize = true;
        Locked = true;
        Title = node.Label;
    }

    public GraphNode Node { get; }

    public bool IsFocus { get; }

    public static Point TopLeft(Point2 centre) =>
        new(centre.X - GraphLayout.NodeWidth / 2, centre.Y - GraphLayout.NodeHeight / 2);
}
