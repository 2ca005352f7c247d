using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// What the graph's pages ask of the database, in one place: slices, expansions, rebuilding a shared link, resolving an
/// id and a node's preview. Slices and expansions, a dozen small reads each, run on contexts kept open with their
/// statements prepared (<see cref="KeptReadContexts"/>); the rest on one short-lived context per operation.
/// </summary>
public sealed class GraphService(IDbContextFactory<ExplorerDbContext> dbFactory) : IDisposable
{
    private readonly KeptReadContexts _readContexts = new(dbFactory);

    /// <summary>The focus node's slice, laid out; null when the id names nothing.</summary>
    public async Task<ExplorationGraph?> StartAsync(string focusId, CancellationToken cancellationToken = default) =>
        await ReadSliceAsync(focusId, cancellationToken) is { } read ? ExplorationGraph.Start(read.Slice, read.EdgesAmong) : null;

    /// <summary>What the database gives for a focus: its slice and the edges among the slice's nodes (no layout yet).</summary>
    public async Task<(GraphSlice Slice, List<GraphEdge> EdgesAmong)?> ReadSliceAsync(string focusId, CancellationToken cancellationToken = default)
    {
        if (NodeIds.TryParseMore(focusId, out _, out _, out _)) return null;
        return await _readContexts.ReadAsync<(GraphSlice, List<GraphEdge>)?>(async db =>
        {
            var slice = await SliceReader.SliceAsync(db, focusId, cancellationToken);
            if (slice is null) return null;
            var all = slice.Nodes.Append(slice.Focus).ToList();
            return (slice, await SliceReader.EdgesAmongAsync(db, all, all, cancellationToken));
        }, cancellationToken);
    }

    public async Task<ExpandResult> ExpandAsync(ExplorationGraph graph, string nodeId, CancellationToken cancellationToken = default)
    {
        if (!graph.Contains(nodeId)) return new ExpandResult(ExpandOutcome.UnknownNode);
        var read = await _readContexts.ReadAsync<(GraphSlice Slice, LinksRead Links)?>(async db =>
        {
            // The expanded node (or a "+N more" node's owner) is drawn already: its record is not read again.
            var slice = await SliceReader.SliceAsync(db, nodeId, cancellationToken, id => graph.Find(id)?.Node);
            if (slice is null) return null;
            var added = slice.Nodes.Where(n => !graph.Contains(n.Id)).ToList();
            var all = graph.Nodes.Select(n => n.Node).Concat(added).ToList();
            var owners = graph.WithoutKnownLinks(all);
            return (slice, new LinksRead(owners, await SliceReader.LinksAsync(db, owners, added, all, cancellationToken)));
        }, cancellationToken);
        // Laid out once the context is back, for another expansion to read with meanwhile.
        return read is { } r ? graph.Expand(nodeId, r.Slice, r.Links) : new ExpandResult(ExpandOutcome.UnknownNode);
    }

    /// <summary>The node an id names, with its label; null when it names nothing.</summary>
    public async Task<GraphNode?> ResolveAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SliceReader.ResolveAsync(db, nodeId, cancellationToken);
    }

    /// <summary>What the preview beside the graph shows for a node; null when its record is gone.</summary>
    public async Task<NodePreview?> PreviewAsync(GraphNode node, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await NodePreviews.LoadAsync(db, node, cancellationToken);
    }

    /// <summary>Rebuilds the graph a link describes; steps that cannot be replayed (unknown ids, over budget) are counted and skipped.</summary>
    public async Task<(ExplorationGraph? Graph, int SkippedSteps)> RebuildAsync(ExplorerState state, CancellationToken cancellationToken = default)
    {
        var graph = await StartAsync(state.Focus, cancellationToken);
        if (graph is null) return (null, 0);
        var skipped = 0;
        foreach (var nodeId in state.Expansions)
        {
            var result = await ExpandAsync(graph, nodeId, cancellationToken);
            if (result.Outcome != ExpandOutcome.Expanded) skipped++;
        }
        return (graph, skipped);
    }

    public void Dispose() => _readContexts.Dispose();
}
