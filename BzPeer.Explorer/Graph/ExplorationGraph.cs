using System.Globalization;
using System.Text;

namespace BzPeer.Explorer.Graph;

public sealed record PlacedNode(GraphNode Node, Point2 Position);

/// <summary>
/// One step of an exploration: the node expanded, its slice's nodes with the positions they have (existing
/// ones where they already were, new ones where the layout put them), the edges found, and the "+N more" node it
/// consumed, if it paged one in. Applying the steps in order rebuilds the graph exactly.
/// </summary>
public sealed record Expansion(string NodeId, string Label, IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<GraphEdge> Edges, string? ConsumedNodeId)
{
    /// <summary>How many nodes this step added when it was taken.</summary>
    public int AddedNodes { get; init; }
}

public enum ExpandOutcome { Expanded, NothingNew, OverBudget, UnknownNode }

public sealed record ExpandResult(ExpandOutcome Outcome, int AddedNodes = 0, int AddedEdges = 0);

/// <summary>Which nodes are drawn: kinds shown, and the year range papers must fall in. The focus is always drawn.</summary>
public sealed record GraphFilter(IReadOnlySet<NodeKind> HiddenKinds, int? FromYear, int? ToYear)
{
    public static readonly GraphFilter None = new(new HashSet<NodeKind>(), null, null);

    /// <summary>Why a year range cannot be a filter (it would hide every paper), or null when it can.</summary>
    public static string? YearRangeProblem(int? fromYear, int? toYear) =>
        fromYear is { } from && toYear is { } to && from > to
            ? string.Create(CultureInfo.InvariantCulture, $"“From” {from} is after “to” {to}: no paper could be shown. Choose a “from” year no later than the “to” year.")
            : null;

    public bool Shows(GraphNode node, string focusId) =>
        node.Id == focusId
        || (!HiddenKinds.Contains(node.FilterKind)
            && (node.Kind != NodeKind.Paper || node.Year is not { } year || ((FromYear is null || year >= FromYear) && (ToYear is null || year <= ToYear))));
}

/// <summary>
/// The graph a person is exploring: placed nodes, edges, and the trail of expansions. Plain C#; the Razor
/// components only draw it. Nodes already on screen never move when the graph grows.
/// </summary>
public sealed class ExplorationGraph
{
    /// <summary>Beyond this many nodes the explorer offers to collapse or page instead of drawing more.</summary>
    public const int MaxNodes = 300;

    private readonly List<Expansion> _steps = [];
    private readonly Dictionary<string, PlacedNode> _nodes = [];
    private readonly List<string> _nodeOrder = [];
    private readonly Dictionary<string, GraphEdge> _edges = [];
    private readonly Dictionary<string, int> _introducedBy = [];

    private ExplorationGraph(Expansion start)
    {
        FocusId = start.NodeId;
        _steps.Add(start);
        Apply(start, 0);
    }

    public string FocusId { get; }

    /// <summary>The own links read so far of the papers and people drawn.</summary>
    private readonly DrawnLinks _links = new();

    /// <summary>Nodes in the order they were added.</summary>
    public IEnumerable<PlacedNode> Nodes => _nodeOrder.Select(id => _nodes[id]);

    public IReadOnlyCollection<GraphEdge> Edges => _edges.Values;

    public int NodeCount => _nodes.Count;

    /// <summary>The start (the focus slice) followed by each expansion, oldest first.</summary>
    public IReadOnlyList<Expansion> Trail => _steps;

    /// <summary>Changes on every change of the graph, so a renderer knows when to look again.</summary>
    public int Version { get; private set; }

    public bool Contains(string nodeId) => _nodes.ContainsKey(nodeId);

    public PlacedNode? Find(string nodeId) => _nodes.GetValueOrDefault(nodeId);

    /// <summary>The node ids of the expansions taken, in order: what a link needs to rebuild this graph.</summary>
    public IEnumerable<string> ExpandedNodeIds => _steps.Skip(1).Select(s => s.NodeId);

    public static ExplorationGraph Start(GraphSlice slice, IEnumerable<GraphEdge> edgesAmong)
    {
        var edges = slice.Edges.Concat(edgesAmong).ToList();
        var placed = new Dictionary<string, Point2> { [slice.Focus.Id] = new(0, 0) };
        var neighbours = slice.Nodes.Where(n => n.Id != slice.Focus.Id).DistinctBy(n => n.Id).ToList();
        var positions = GraphLayout.PlaceNew(placed, neighbours, edges, slice.Focus.Id);
        var nodes = new List<PlacedNode> { new(slice.Focus, new Point2(0, 0)) };
        nodes.AddRange(neighbours.Select(n => new PlacedNode(n, positions[n.Id])));
        return new ExplorationGraph(new Expansion(slice.Focus.Id, slice.Focus.Label, nodes, edges, null) { AddedNodes = nodes.Count });
    }

    /// <summary>The papers and people among <paramref name="nodes"/> whose links this graph has not read yet.</summary>
    public IReadOnlyList<GraphNode> WithoutKnownLinks(IReadOnlyCollection<GraphNode> nodes) => _links.Unknown(nodes);

    /// <summary>
    /// Merges the node's slice into the graph with the links read for it (see <see cref="WithoutKnownLinks"/>): the
    /// edges between the new nodes and those drawn are found among the links the graph keeps, in memory.
    /// </summary>
    public ExpandResult Expand(string nodeId, GraphSlice slice, LinksRead links)
    {
        var added = slice.Nodes.Where(n => !_nodes.ContainsKey(n.Id)).ToList();
        var all = Nodes.Select(n => n.Node).Concat(added).ToList();
        _links.KeepOnly(all);
        _links.Add(links.Owners, links.Rows.Where(row => row.Kind != LinkKind.CoAuthor));
        var nodeIds = NodeNumbers.IdsByKey(all);
        var addedKeys = added.Where(n => n.Kind != NodeKind.More).Select(NodeNumbers.Of).ToHashSet();
        var edges = _links.EdgesTouching(addedKeys, nodeIds);
        edges.AddRange(links.Rows.Where(row => row.Kind == LinkKind.CoAuthor).Select(row => row.EdgeAmong(nodeIds)).OfType<GraphEdge>());
        return Expand(nodeId, slice, edges);
    }

    /// <summary>Merges the node's slice into the graph: new nodes are laid out around it, nothing already drawn moves.</summary>
    public ExpandResult Expand(string nodeId, GraphSlice slice, IEnumerable<GraphEdge> edgesAmong)
    {
        if (!_nodes.TryGetValue(nodeId, out var expanded)) return new ExpandResult(ExpandOutcome.UnknownNode);

        var consumed = expanded.Node.Kind == NodeKind.More ? nodeId : null;
        var newNodes = slice.Nodes.Where(n => !_nodes.ContainsKey(n.Id)).DistinctBy(n => n.Id).ToList();
        var edges = slice.Edges.Concat(edgesAmong).Where(e => !_edges.ContainsKey(e.Id)).DistinctBy(e => e.Id).ToList();
        if (newNodes.Count == 0 && edges.Count == 0 && consumed is null) return new ExpandResult(ExpandOutcome.NothingNew);
        if (_nodes.Count + newNodes.Count - (consumed is null ? 0 : 1) > MaxNodes) return new ExpandResult(ExpandOutcome.OverBudget);

        var placed = new Dictionary<string, Point2>(_nodes.Count + newNodes.Count);
        foreach (var (id, node) in _nodes)
            if (id != consumed) placed.Add(id, node.Position);
        placed.TryAdd(nodeId, expanded.Position);
        var positions = GraphLayout.PlaceNew(placed, newNodes, edges, nodeId);
        if (consumed is not null) placed.Remove(consumed);

        var stepNodes = slice.Nodes.DistinctBy(n => n.Id)
            .Select(n => new PlacedNode(n, _nodes.TryGetValue(n.Id, out var existing) ? existing.Position : positions[n.Id]))
            .ToList();
        var step = new Expansion(nodeId, expanded.Node.Label, stepNodes, edges, consumed) { AddedNodes = newNodes.Count };
        _steps.Add(step);
        Apply(step, _steps.Count - 1);
        Version++;
        return new ExpandResult(ExpandOutcome.Expanded, newNodes.Count, edges.Count);
    }

    /// <summary>Takes back the last expansion; the graph is exactly as it was before it.</summary>
    public bool Undo()
    {
        if (_steps.Count <= 1) return false;
        _steps.RemoveAt(_steps.Count - 1);
        Replay();
        return true;
    }

    /// <summary>Goes back to the graph as it was after step <paramref name="stepIndex"/> of the trail (0 is the start).</summary>
    public void ReturnTo(int stepIndex)
    {
        if (stepIndex < 0 || stepIndex >= _steps.Count - 1) return;
        _steps.RemoveRange(stepIndex + 1, _steps.Count - stepIndex - 1);
        Replay();
    }

    /// <summary>
    /// Removes what only this node's expansions brought: their nodes (unless another remaining expansion brought
    /// them too), their edges, and the expansions of the nodes they brought.
    /// </summary>
    public bool Collapse(string nodeId)
    {
        var removed = new HashSet<int>();
        for (var i = 1; i < _steps.Count; i++)
            if (_steps[i].NodeId == nodeId) removed.Add(i);
        if (removed.Count == 0) return false;

        for (var grew = true; grew;)
        {
            grew = false;
            for (var i = 1; i < _steps.Count; i++)
                if (!removed.Contains(i) && _introducedBy.TryGetValue(_steps[i].NodeId, out var by) && removed.Contains(by))
                    grew |= removed.Add(i);
        }

        var kept = _steps.Where((_, i) => !removed.Contains(i)).ToList();
        _steps.Clear();
        _steps.AddRange(kept);
        Replay();
        return true;
    }

    /// <summary>A text form of the whole graph (nodes with positions, edges), equal for equal graphs.</summary>
    public string Snapshot()
    {
        var text = new StringBuilder();
        foreach (var node in _nodes.Values.OrderBy(n => n.Node.Id, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{node.Node.Id}@{node.Position.X:0.#},{node.Position.Y:0.#}\n");
        foreach (var id in _edges.Keys.Order(StringComparer.Ordinal)) text.Append(id).Append('\n');
        return text.ToString();
    }

    private void Replay()
    {
        _nodes.Clear();
        _nodeOrder.Clear();
        _edges.Clear();
        _introducedBy.Clear();
        for (var i = 0; i < _steps.Count; i++) Apply(_steps[i], i);
        Version++;
    }

    private void Apply(Expansion step, int stepIndex)
    {
        foreach (var placed in step.Nodes)
        {
            if (_nodes.TryAdd(placed.Node.Id, placed))
            {
                _nodeOrder.Add(placed.Node.Id);
                _introducedBy[placed.Node.Id] = stepIndex;
            }
        }
        foreach (var edge in step.Edges)
            if (_nodes.ContainsKey(edge.Source) && _nodes.ContainsKey(edge.Target)) _edges.TryAdd(edge.Id, edge);

        if (step.ConsumedNodeId is { } consumed && _nodes.Remove(consumed))
        {
            _nodeOrder.Remove(consumed);
            foreach (var edge in _edges.Values.Where(e => e.Source == consumed || e.Target == consumed).ToList()) _edges.Remove(edge.Id);
        }
    }
}
