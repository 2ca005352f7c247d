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

[EventHandler("ondetailstoggle", typeof(DetailsToggleEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
