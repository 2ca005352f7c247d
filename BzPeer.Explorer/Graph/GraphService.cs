using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// What the graph's pages ask of the database, in one place: slices, expansions, rebuilding a shared link, resolving an
/// id and a node's preview; one short-lived context per operation.
/// </summary>
public sealed class GraphService(IDbContextFactory<ExplorerDbContext> dbFactory)
{
    /// <summary>The focus node's slice, laid out; null when the id names nothing.</summary>
    public async Task<ExplorationGraph?> StartAsync(string focusId, CancellationToken cancellationToken = default) =>
        await ReadSliceAsync(focusId, cancellationToken) is { } read ? ExplorationGraph.Start(read.Slice, read.EdgesAmong) : null;

    /// <summary>What the database gives for a focus: its slice and the edges among the slice's nodes (no layout yet).</summary>
    public async Task<(GraphSlice Slice, List<GraphEdge> EdgesAmong)?> ReadSliceAsync(string focusId, CancellationToken cancellationToken = default)
    {
        if (NodeIds.TryParseMore(focusId, out _, out _, out _)) return null;
        await using var db = await OpenAsync(cancellationToken);
        var slice = await SliceReader.SliceAsync(db, focusId, cancellationToken);
        if (slice is null) return null;
        var all = slice.Nodes.Append(slice.Focus).ToList();
        return (slice, await SliceReader.EdgesAmongAsync(db, all, all, cancellationToken));
    }

    public async Task<ExpandResult> ExpandAsync(ExplorationGraph graph, string nodeId, CancellationToken cancellationToken = default)
    {
        if (!graph.Contains(nodeId)) return new ExpandResult(ExpandOutcome.UnknownNode);
        await using var db = await OpenAsync(cancellationToken);
        // The expanded node (or a "+N more" node's owner) is drawn already: its record is not read again.
        var slice = await SliceReader.SliceAsync(db, nodeId, cancellationToken, id => graph.Find(id)?.Node);
        if (slice is null) return new ExpandResult(ExpandOutcome.UnknownNode);
        var added = slice.Nodes.Where(n => !graph.Contains(n.Id)).ToList();
        var all = graph.Nodes.Select(n => n.Node).Concat(added).ToList();
        var owners = graph.WithoutKnownLinks(all);
        var links = await SliceReader.LinksAsync(db, owners, added, all, cancellationToken);
        return graph.Expand(nodeId, slice, new LinksRead(owners, links));
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

    /// <summary>A context whose connection stays open for the dozen small reads of one operation.</summary>
    private async Task<ExplorerDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
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
}
