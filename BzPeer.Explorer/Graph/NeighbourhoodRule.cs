namespace BzPeer.Explorer.Graph;

/// <summary>How much of a node's neighbourhood the database holds, as far as OpenAlex goes.</summary>
public enum NeighbourhoodState
{
    /// <summary>Imported from a file, made here, or read from OpenAlex with its works: expanding shows all there is.</summary>
    Complete,
    /// <summary>Its record was read from OpenAlex, but not all of its works (the budget ran out, or only the record was asked for).</summary>
    Partial,
    /// <summary>Known only as a work's mention: its own works were never read; expanding reads them.</summary>
    NeverFetched,
}

/// <summary>The rule that says a record's <see cref="NeighbourhoodState"/>, shared by the live fetch and the graph's slice read.</summary>
public static class NeighbourhoodRule
{
    /// <param name="fromOpenAlex">The record came from OpenAlex (a file of it or the API) and has an OpenAlex id.</param>
    /// <param name="recordRead">Its own record was read (it has OpenAlex's updated date), not only a work's mention of it.</param>
    /// <param name="fetchedLive">It has a live-fetch row (it was read from the API).</param>
    /// <param name="neighbourhoodFetched">That row says its works were read too.</param>
    public static NeighbourhoodState StateOf(bool fromOpenAlex, bool recordRead, bool fetchedLive, bool neighbourhoodFetched) =>
        !fromOpenAlex ? NeighbourhoodState.Complete
        : fetchedLive ? (neighbourhoodFetched ? NeighbourhoodState.Complete : NeighbourhoodState.Partial)
        // A record imported from a file counts as complete: the file is what its importer chose to hold.
        : recordRead ? NeighbourhoodState.Complete
        : NeighbourhoodState.NeverFetched;

    /// <summary>The line a node's preview shows for the state.</summary>
    public static string Describe(NeighbourhoodState state) => state switch
    {
        NeighbourhoodState.Complete => "Neighbourhood: complete",
        NeighbourhoodState.Partial => "Neighbourhood: partly read from OpenAlex",
        _ => "Neighbourhood: not yet read from OpenAlex — expanding reads it",
    };
}
