namespace BzPeer.Explorer.Graph;

/// <summary>
/// Where the part of a node's neighbourhood that the database lacks is read from before the node expands (OpenAlex,
/// in Live/). The graph names only this, so the reader depends on the graph and not the other way round.
/// </summary>
public interface INeighbourhoodSource
{
    /// <summary>
    /// The reading of what the database lacks around <paramref name="nodeId"/>, to start when the view is ready to show
    /// it; null when nothing is lacking, or reading is switched off.
    /// </summary>
    Task<Func<CancellationToken, Task<NeighbourhoodRead>>?> MissingAsync(string nodeId);
}

/// <param name="Found">Whether the node's own record was read (or was already fresh).</param>
/// <param name="Complete">Whether all of its neighbourhood came with it.</param>
/// <param name="Message">Why not, in words for the person, when something is missing.</param>
public sealed record NeighbourhoodRead(bool Found, bool Complete, string Message);
