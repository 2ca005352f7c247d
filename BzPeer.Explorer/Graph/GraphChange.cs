namespace BzPeer.Explorer.Graph;

/// <summary>
/// A change of the graph a person made: the state to keep, and whether it is a step of their exploration (an expansion,
/// a page of "+N more", a collapse, an undo or a return along the trail), which the explorer makes a browser history
/// entry, or a change of view (filters), which replaces the current entry.
/// </summary>
public sealed record GraphChange(ExplorerState State, bool IsStep);
