using Microsoft.AspNetCore.Components;

namespace BzPeer.Explorer.Graph.View;

/// <summary>
/// A details element opened or closed, with its state after the change (app.js registers the event). Blazor's own
/// ontoggle carries no state, and a handler that guessed by flipping would drift from the page.
/// </summary>
public sealed class DetailsToggleEventArgs : EventArgs
{
    public bool Open { get; set; }
}

/// <summary>
/// A click in the graph's node layer (app.js registers the event): the node it landed on, or null when it landed on none
/// or ended a drag (which pans the graph), and the browser's click count (2 for the second click of a double click).
/// </summary>
public sealed class GraphNodeClickEventArgs : EventArgs
{
    public string? NodeId { get; set; }

    public int Clicks { get; set; }
}

[EventHandler("ondetailstoggle", typeof(DetailsToggleEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("ongraphnodeclick", typeof(GraphNodeClickEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
