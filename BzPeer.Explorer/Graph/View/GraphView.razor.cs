using System.Globalization;
using Blazor.Diagrams;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;

namespace BzPeer.Explorer.Graph.View;

/// <summary>
/// The interactive graph: draws an <see cref="ExplorationGraph"/> on a Blazor.Diagrams canvas (its pan and zoom, our
/// node and edge layers) and turns clicks into selections and expansions. The graph itself (slices, merging, layout,
/// undo) is plain C#; this only renders it.
/// Nothing is loaded while prerendering: the server's HTML carries the loading text and the page never waits.
/// </summary>
public partial class GraphView : IDisposable
{
    private readonly BlazorDiagram _diagram = CreateDiagram();
    private readonly Dictionary<string, ExplorerNodeModel> _nodeModels = [];
    private readonly GraphEdgesLayer.EdgeDrawing _edgeDrawing = new();
    private readonly GraphNodesLayer.NodeDrawing _nodeDrawing = new();
    private ExplorationGraph? _graph;
    private string? _parametersKey;
    private GraphFilter _filter = GraphFilter.None;
    private GraphFilter? _filterParameter;
    private bool _notFound;
    private bool _busy;
    private bool _skipRender;
    private bool _renderedCompact;
    private bool _fitWhenSized;
    private string? _message;
    private string? _yearProblem;
    private string? _yearProblemInput;
    /// <summary>The node whose preview shows; the node layer draws it as selected.</summary>
    private ExplorerNodeModel? SelectedNode => _nodeDrawing.Selected;
    private readonly string _scope = "g" + Guid.NewGuid().ToString("N")[..10];
    private bool _marks;
    /// <summary>How many times the view has moved to reveal nodes: the browser glides to each new view (app.js).</summary>
    private int _glides;
    private ExplorerNodeModel? _keyboardNode;
    private bool _colourByYear;
    private bool _timeline;
    private GraphDrawing? _drawingParameter;
    private (int Oldest, int Newest)? _paperYears;
    private NodePreview? _preview;
    private int _visibleNodes;
    private int _visibleEdges;
    /// <summary>The nodes drawn, grouped by kind for the list view; a new list at each change of the drawing.</summary>
    private IReadOnlyList<GraphNode> _listed = [];
    private string _canvasDescription = "";

    [Inject]
    private ILogger<GraphView> Logger { get; set; } = null!;

    [Inject]
    private GraphService Graphs { get; set; } = null!;

    // Looked up rather than injected: the live OpenAlex services are optional to the graph (component tests run without).
    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    /// <summary>How long an expansion waits for OpenAlex; a slower fetch goes on, and expanding again shows what it brought.</summary>
    private static readonly TimeSpan FetchPastTheEdgeWait = TimeSpan.FromSeconds(1.5);
    /// <summary>The node being read from OpenAlex while it expands, if any.</summary>
    private string? _fetchingNodeId;
    /// <summary>What the reads from OpenAlex made of nodes' neighbourhoods since the slices were read (kept for nodes drawn anew).</summary>
    private readonly Dictionary<string, (NeighbourhoodState? State, string? Problem)> _liveReads = new();

    /// <summary>The node the graph starts from, e.g. person:meihao-kong.</summary>
    [Parameter, EditorRequired]
    public string FocusNodeId { get; set; } = "";

    /// <summary>Expansions to replay after the focus slice (from a link).</summary>
    [Parameter]
    public IReadOnlyList<string> Expansions { get; set; } = [];

    [Parameter]
    public GraphFilter? Filter { get; set; }

    /// <summary>Colour by year and the timeline layout, as the explorer's address holds them.</summary>
    [Parameter]
    public GraphDrawing? Drawing { get; set; }

    /// <summary>The profile pages' panel: smaller canvas, no filters, trail or export, no wheel zoom (the page scrolls).</summary>
    [Parameter]
    public bool Compact { get; set; }

    /// <summary>Raised after every change a link should carry (expansions, filters).</summary>
    [Parameter]
    public EventCallback<GraphChange> StateChanged { get; set; }

    public ExplorerState CurrentState => new(FocusNodeId, _graph?.ExpandedNodeIds.ToList() ?? [.. Expansions], _filter.HiddenKinds, _filter.FromYear, _filter.ToYear)
    {
        Drawing = new GraphDrawing(_colourByYear, _timeline),
    };

    private static BlazorDiagram CreateDiagram()
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = false };
        options.Zoom.Minimum = 0.15;
        options.Zoom.Maximum = 2;
        options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(false);
        return new BlazorDiagram(options);
    }

    protected override void OnInitialized()
    {
        _diagram.Options.Zoom.Enabled = !Compact;
        _diagram.ContainerChanged += OnContainerChanged;
        _diagram.ZoomChanged += OnZoomChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive) return;

        // Only a filter the parent newly hands is taken: right after this component reports a change, the parent renders
        // once more with the filter it had before, which must not undo what the person just chose.
        var filterChanged = Filter is { } filter && (_filterParameter is null || !SameFilter(filter, _filterParameter)) && !SameFilter(filter, _filter);
        if (Filter is not null) _filterParameter = Filter;
        if (filterChanged)
        {
            _filter = Filter!;
            _yearProblem = _yearProblemInput = null;
            if (_graph is not null) SyncDiagram();
        }
        // The same for how the graph is drawn.
        var drawingChanged = Drawing is { } drawing && drawing != _drawingParameter && drawing != new GraphDrawing(_colourByYear, _timeline);
        if (Drawing is not null) _drawingParameter = Drawing;
        if (drawingChanged)
        {
            var relayout = _timeline != Drawing!.Timeline;
            (_colourByYear, _timeline) = (Drawing.ColourByYear, Drawing.Timeline);
            if (_graph is not null)
            {
                SyncDiagram();
                if (relayout) FitView();
            }
            filterChanged = true;
        }
        // Rebuild only for a focus or trail the parent has newly asked for. The parent re-renders with its old
        // parameters right after this component reports a change (the new address arrives a moment later), and
        // then with the state this component already shows: neither is a reason to start again, nor to render
        // a graph of hundreds of nodes once more.
        var key = StateKey(FocusNodeId, Expansions);
        var shownKey = _graph is null ? null : StateKey(_graph.FocusId, _graph.ExpandedNodeIds);
        var unchanged = key == _parametersKey || key == shownKey;
        _parametersKey = key;
        if (unchanged)
        {
            _skipRender = !filterChanged && Compact == _renderedCompact;
            return;
        }

        // Back and Forward: a trail that this one continues, or that continues this one, is reached by undoing or
        // replaying the difference, so the view stays where it is instead of starting again.
        if (_graph is not null && _graph.FocusId == FocusNodeId && await FollowTrailAsync(Expansions, key)) return;

        _graph = null;
        _notFound = false;
        ClearSelection();
        _message = null;
        var (graph, skipped) = await Graphs.RebuildAsync(new ExplorerState(FocusNodeId, Expansions, _filter.HiddenKinds, _filter.FromYear, _filter.ToYear));
        if (_parametersKey != key) return; // the parent asked for another graph meanwhile
        if (graph is null)
        {
            _notFound = true;
            return;
        }
        _graph = graph;
        if (skipped > 0) _message = $"{skipped} step(s) of this link could not be replayed and were left out.";
        ClearDiagram();
        // Until the canvas knows its size the graph cannot be fitted: it is drawn then, already in place, rather than
        // drawn now and moved a moment later.
        if (_diagram.Container is null) _fitWhenSized = true;
        else
        {
            SyncDiagram();
            FitView();
        }
    }

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        await base.SetParametersAsync(parameters);
        // The skip is meant for the render that follows these parameters only. When a render was already queued, that
        // render did not ask ShouldRender and the flag would linger, swallowing the next event's render (a refused
        // year range showed no message).
        _skipRender = false;
    }

    /// <summary>Tabbing into the canvas puts the keyboard on the selected node, or else the focus.</summary>
    private void OnCanvasFocus(Microsoft.AspNetCore.Components.Web.FocusEventArgs e)
    {
        if (_keyboardNode is not null && _nodeModels.ContainsValue(_keyboardNode)) return;
        var start = SelectedNode ?? _nodeModels.Values.FirstOrDefault(m => m.IsFocus) ?? _nodeModels.Values.FirstOrDefault();
        if (start is not null) MoveKeyboardTo(start);
    }

    /// <summary>Arrow keys move between nodes, Enter shows the preview, E expands (app.js keeps arrows from scrolling the page).</summary>
    private async Task OnCanvasKeyDown(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e)
    {
        if (e.CtrlKey || e.AltKey || e.MetaKey) return;
        if (_keyboardNode is null || !_nodeModels.ContainsValue(_keyboardNode))
        {
            OnCanvasFocus(new());
            if (_keyboardNode is null) return;
        }
        var current = _keyboardNode!;
        if (KeyboardNavigation.TryParse(e.Key, out var direction))
        {
            var next = KeyboardNavigation.Next(current.Centre, _nodeModels.Values.Where(m => m != current).Select(m => (m.Node.Id, m.Centre)), direction);
            if (next is not null) MoveKeyboardTo(_nodeModels[next]);
        }
        else if (e.Key == "Enter" || e.Key == " ")
        {
            await ShowPreviewAsync(current);
        }
        else if (e.Key is "e" or "E")
        {
            await ExpandAsync(current.Node.Id);
        }
    }

    private void MoveKeyboardTo(ExplorerNodeModel model)
    {
        if (_keyboardNode is { } previous)
        {
            previous.KeyboardFocus = false;
            previous.Refresh();
        }
        _keyboardNode = model;
        model.KeyboardFocus = true;
        model.Refresh();
        Reveal([model.Node.Id], ViewFollowing.LabelRoomPx);
    }

    private string KeyboardAnnouncement => _keyboardNode is { } node
        ? $"{node.Node.Label}, {GraphStyle.Legend(node.Node.FilterKind).ToLowerInvariant()}{(string.IsNullOrEmpty(node.Node.Detail) ? "" : ", " + node.Node.Detail)}"
        : "";

    /// <summary>Turns this graph into the one with <paramref name="wanted"/> expansions when one trail starts the other; false otherwise.</summary>
    private async Task<bool> FollowTrailAsync(IReadOnlyList<string> wanted, string key)
    {
        var graph = _graph!;
        var shown = graph.ExpandedNodeIds.ToList();
        if (wanted.Count < shown.Count && shown.Take(wanted.Count).SequenceEqual(wanted))
        {
            graph.ReturnTo(wanted.Count);
            _message = wanted.Count == 0 ? "Back to the start." : $"Back to step {wanted.Count}.";
            if (SelectedNode is not null && !graph.Contains(SelectedNode.Node.Id)) ClearSelection();
            SyncDiagram();
            return true;
        }
        if (wanted.Count <= shown.Count || !wanted.Take(shown.Count).SequenceEqual(shown)) return false;

        _busy = true;
        try
        {
            var before = _nodeModels.Keys.ToHashSet();
            foreach (var nodeId in wanted.Skip(shown.Count))
            {
                if ((await Graphs.ExpandAsync(graph, nodeId)).Outcome != ExpandOutcome.Expanded) return false;
                if (_parametersKey != key) return true; // another address arrived meanwhile; it takes over
            }
            _message = $"Redid {wanted.Count - shown.Count} step(s).";
            SyncDiagram();
            Reveal(_nodeModels.Keys.Where(id => !before.Contains(id)));
            return true;
        }
        finally
        {
            _busy = false;
        }
    }

    protected override bool ShouldRender()
    {
        if (_skipRender)
        {
            _skipRender = false;
            return false;
        }
        _renderedCompact = Compact;
        return true;
    }

    public async Task ExpandAsync(string nodeId)
    {
        if (_graph is null || _busy) return;
        _busy = true;
        _message = null;
        StateHasChanged();
        var expanded = false;
        try
        {
            var label = _graph.Find(nodeId)?.Node.Label ?? nodeId;
            var fetchNote = await FetchPastTheEdgeAsync(nodeId, label);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await Graphs.ExpandAsync(_graph, nodeId);
            _message = fetchNote is null ? ExpandNotice(result, label) : $"{ExpandNotice(result, label)} {fetchNote}";
            if (result.Outcome == ExpandOutcome.Expanded)
            {
                if (SelectedNode?.Node.Id == nodeId && SelectedNode.Node.Kind == NodeKind.More) ClearSelection();
                var before = _nodeModels.Keys.ToHashSet();
                SyncDiagram();
                Reveal(_nodeModels.Keys.Where(id => !before.Contains(id)).Append(nodeId));
            }
            // The server's own share of an expansion (read, merge, lay out, diff the drawing); the load run reads it.
            Logger.LogDebug("Expanded {NodeId} in {Milliseconds} ms: {Outcome}", nodeId,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture), result.Outcome);
            expanded = result.Outcome == ExpandOutcome.Expanded;
        }
        finally
        {
            _busy = false;
            // Started from a diagram event rather than a Blazor event handler, so nothing renders the outcome unless
            // asked: with a database that answers asynchronously the notice and the end of "Loading…" would wait
            // for the next unrelated render.
            StateHasChanged();
        }
        // Once the outcome is drawn: the parent keeps the state in the page's address, a call to the browser, and had this
        // waited inside, the view would be drawn twice, busy before the call and done after it.
        if (expanded) await NotifyStateAsync(isStep: true);
    }

    /// <summary>
    /// Before a researcher's, institution's or topic's node expands: when the database holds it only as a work's mention
    /// (its own works never read), its works (an institution's or topic's most cited) are read from OpenAlex first,
    /// waiting at most <see cref="FetchPastTheEdgeWait"/>. Returns a note for the person when that did not work out, else null.
    /// </summary>
    private async Task<string?> FetchPastTheEdgeAsync(string nodeId, string label)
    {
        if (Services.GetService<INeighbourhoodSource>() is not { } source || await source.MissingAsync(nodeId) is not { } readMissing) return null;
        _fetchingNodeId = nodeId;
        var drawn = _nodeModels.GetValueOrDefault(nodeId);
        if (drawn is not null)
        {
            drawn.Fetching = true;
            drawn.Refresh();
        }
        StateHasChanged();
        using var wait = new CancellationTokenSource(FetchPastTheEdgeWait);
        try
        {
            var outcome = await readMissing(wait.Token);
            var read = outcome.Found && outcome.Complete;
            Remember(nodeId, outcome.Found ? (read ? NeighbourhoodState.Complete : NeighbourhoodState.Partial) : null, read ? null : outcome.Message);
            return read ? null : $"Not all of {label}'s works could be read from OpenAlex: {outcome.Message}";
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            Remember(nodeId, null, "it did not answer in time; expand again in a moment");
            return $"{label}'s works are still being read from OpenAlex: expand again in a moment for the rest.";
        }
        finally
        {
            _fetchingNodeId = null;
            if (drawn is not null)
            {
                drawn.Fetching = false;
                drawn.Refresh();
            }
        }
    }

    /// <summary>Notes what a read from OpenAlex made of a node (a null state leaves the slice's), on its drawing too.</summary>
    private void Remember(string nodeId, NeighbourhoodState? state, string? problem)
    {
        _liveReads[nodeId] = (state ?? _nodeModels.GetValueOrDefault(nodeId)?.Neighbourhood, problem);
        if (_nodeModels.GetValueOrDefault(nodeId) is { } drawn) Apply(drawn);
    }

    private void Apply(ExplorerNodeModel model)
    {
        if (!_liveReads.TryGetValue(model.Node.Id, out var read)) return;
        model.Neighbourhood = read.State ?? model.Neighbourhood;
        model.FetchProblem = read.Problem;
    }

    /// <summary>The preview's line on the selected node's neighbourhood; null for papers and "+N more".</summary>
    private string? NeighbourhoodLine(GraphNode node) =>
        (_nodeModels.GetValueOrDefault(node.Id)?.Neighbourhood ?? node.Neighbourhood) is { } state ? NeighbourhoodRule.Describe(state) : null;

    private async Task Undo()
    {
        if (_graph?.Undo() != true) return;
        _message = "Took back the last expansion.";
        await AfterStructuralChangeAsync();
    }

    private async Task ReturnTo(int step)
    {
        if (_graph is null) return;
        _graph.ReturnTo(step);
        _message = step == 0 ? "Back to the start." : $"Back to step {step}.";
        await AfterStructuralChangeAsync();
    }

    private async Task Collapse(string nodeId)
    {
        if (_graph?.Collapse(nodeId) != true) return;
        _message = "Collapsed: removed what only that node brought.";
        await AfterStructuralChangeAsync();
    }

    private async Task AfterStructuralChangeAsync()
    {
        if (SelectedNode is not null && !_graph!.Contains(SelectedNode.Node.Id)) ClearSelection();
        SyncDiagram();
        await NotifyStateAsync(isStep: true);
    }

    private async Task ToggleKind(NodeKind kind, bool shown)
    {
        var hidden = new HashSet<NodeKind>(_filter.HiddenKinds);
        if (shown) hidden.Remove(kind);
        else hidden.Add(kind);
        _filter = _filter with { HiddenKinds = hidden };
        SyncDiagram();
        await NotifyStateAsync(isStep: false);
    }

    private async Task SetYears(string? from, string? to)
    {
        static int? Year(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 3000 ? year : null;
        var wanted = from is not null ? _filter with { FromYear = Year(from) } : _filter with { ToYear = Year(to) };
        // An inverted range would hide every paper: refuse it, say why, and keep the graph as it is.
        _yearProblem = GraphFilter.YearRangeProblem(wanted.FromYear, wanted.ToYear);
        _yearProblemInput = _yearProblem is null ? null : from is not null ? "from" : "to";
        if (_yearProblem is not null) return;
        _filter = wanted;
        SyncDiagram();
        await NotifyStateAsync(isStep: false);
    }

    private Task NotifyStateAsync(bool isStep) => StateChanged.InvokeAsync(new GraphChange(CurrentState, isStep));

    private string ExportLink(string format) => $"explore/export?{CurrentState.ToQuery()}&format={format}";

    private void Select(string nodeId)
    {
        if (_nodeModels.TryGetValue(nodeId, out var model)) _ = ShowPreviewAsync(model);
    }

    /// <summary>What the notice under the graph says after expanding the node labelled <paramref name="label"/>.</summary>
    public static string ExpandNotice(ExpandResult result, string label) => result.Outcome switch
    {
        ExpandOutcome.Expanded when result.AddedNodes > 0 =>
            $"Added {GraphStyle.Counted(result.AddedNodes, "node")} and {GraphStyle.Counted(result.AddedEdges, "edge")} around {label}.",
        ExpandOutcome.Expanded when result.AddedEdges > 0 =>
            $"No new nodes around {label}; {GraphStyle.Counted(result.AddedEdges, "new edge")} to nodes already shown.",
        ExpandOutcome.Expanded or ExpandOutcome.NothingNew => $"Everything around {label} is already shown.",
        ExpandOutcome.OverBudget => $"The graph holds at most {ExplorationGraph.MaxNodes} nodes. Collapse a node or undo an expansion to make room.",
        _ => "That node is no longer in the graph.",
    };

    /// <summary>A click on a node shows its preview; the second click of a double click (or tap) expands it.</summary>
    private Task OnNodeClicked(GraphNodeClickEventArgs e)
    {
        if (e.NodeId is null || !_nodeModels.TryGetValue(e.NodeId, out var node)) return Task.CompletedTask;
        return e.Clicks == 2 ? ExpandAsync(node.Node.Id) : ShowPreviewAsync(node);
    }

    private async Task ShowPreviewAsync(ExplorerNodeModel node)
    {
        _nodeDrawing.Select(node);
        _edgeDrawing.Highlight(node.Node.Id);
        PlaceLabels();
        _preview = null;
        StateHasChanged();
        var preview = await Graphs.PreviewAsync(node.Node);
        if (SelectedNode == node)
        {
            _preview = preview;
            StateHasChanged();
        }
    }

    private void ClosePreview() => ClearSelection();

    private void ClearSelection()
    {
        _nodeDrawing.Select(null);
        _edgeDrawing.Highlight(null);
        _preview = null;
        PinLabels();
    }

    /// <summary>The focus and the selected node read their whole name, in boxes and as labels under marks alike.</summary>
    private void PinLabels()
    {
        foreach (var model in _nodeModels.Values)
            if (model.Pin(model.IsFocus || model == SelectedNode)) model.Refresh();
    }

    private void OnContainerChanged()
    {
        // The canvas changes size when the window does, and on a phone when the preview sheet opens over its bottom
        // (app.js): the selected node stays in sight.
        if (!_fitWhenSized && SelectedNode is { } selected)
        {
            if (Reveal([selected.Node.Id], ViewFollowing.LabelRoomPx)) _ = InvokeAsync(StateHasChanged);
            return;
        }
        if (!_fitWhenSized || _graph is null) return;
        _fitWhenSized = false;
        SyncDiagram();
        FitView();
        _ = InvokeAsync(StateHasChanged);
    }

    /// <summary>
    /// The graph is drawn, fitted to its canvas and not loading: nodes are where they will stay until someone acts.
    /// Shown as data-view-settled, for scripts and tests that must not act on a graph still being placed. The view may
    /// still be gliding to them in the browser, which marks the canvas data-gliding meanwhile (app.js).
    /// </summary>
    private bool IsViewSettled => _graph is not null && !_fitWhenSized && !_busy;

    /// <summary>Zooms (never above full size) and pans so every drawn node is in view, with room for the labels under the marks.</summary>
    private void FitView()
    {
        if (_diagram.Container is not { } container || _nodeModels.Count == 0) return;
        const double paddingX = 60, paddingY = 48; // screen pixels: half a label's width, a label's depth under its mark
        var left = _nodeModels.Values.Min(n => n.TopLeft.X);
        var top = _nodeModels.Values.Min(n => n.TopLeft.Y);
        var right = _nodeModels.Values.Max(n => n.TopLeft.X + GraphLayout.NodeWidth);
        var bottom = _nodeModels.Values.Max(n => n.TopLeft.Y + GraphLayout.NodeHeight);
        var zoom = Math.Clamp(Math.Min((container.Width - 2 * paddingX) / (right - left), (container.Height - 2 * paddingY) / (bottom - top)), _diagram.Options.Zoom.Minimum, 1);
        CentreOn((left + right) / 2, (top + bottom) / 2, zoom);
    }

    /// <summary>
    /// Moves the view, smoothly, so that these nodes are in sight: the least pan that brings them in, zooming out (not
    /// below the minimum) only when they do not fit. Nodes keep their places in the graph; only the view moves. The glide
    /// is the browser's (app.js), told by the count of moves, so that its end is no render batch of its own.
    /// </summary>
    /// <returns>Whether the view moves.</returns>
    private bool Reveal(IEnumerable<string> nodeIds, double bottomMargin = ViewFollowing.MarginPx)
    {
        if (_diagram.Container is not { } container) return false;
        var nodes = nodeIds.Select(id => _nodeModels.GetValueOrDefault(id)).OfType<ExplorerNodeModel>().ToList();
        if (nodes.Count == 0) return false;
        var target = ViewFollowing.Reveal(
            nodes.Select(n => n.Centre).ToList(), new ViewFollowing.View(_diagram.Pan.X, _diagram.Pan.Y, _diagram.Zoom),
            container.Width, container.Height, _diagram.Options.Zoom.Minimum, bottomMargin);
        if (target is null) return false;
        _glides++;
        _diagram.Batch(() =>
        {
            _diagram.SetZoom(target.Value.Zoom);
            _diagram.SetPan(target.Value.PanX, target.Value.PanY);
        });
        return true;
    }

    private void ResetView()
    {
        if (_graph is null) return;
        CentreOn(0, 0, 1);
    }

    private void ZoomBy(double factor)
    {
        if (_diagram.Container is not { } container) return;
        var zoom = Math.Clamp(_diagram.Zoom * factor, _diagram.Options.Zoom.Minimum, _diagram.Options.Zoom.Maximum);
        // Keep the point at the middle of the canvas where it is.
        var middleX = (container.Width / 2 - _diagram.Pan.X) / _diagram.Zoom;
        var middleY = (container.Height / 2 - _diagram.Pan.Y) / _diagram.Zoom;
        CentreOn(middleX, middleY, zoom);
    }

    private void CentreOn(double x, double y, double zoom)
    {
        if (_diagram.Container is not { } container) return;
        _diagram.Batch(() =>
        {
            _diagram.SetZoom(zoom);
            _diagram.SetPan(container.Width / 2 - x * zoom, container.Height / 2 - y * zoom);
        });
    }

    private void ClearDiagram()
    {
        _nodeModels.Clear();
        _nodeDrawing.Show([]);
        _keyboardNode = null;
        _edgeDrawing.Show([]);
        _listed = [];
        _canvasDescription = "";
    }

    /// <summary>The drawing's text alternative: what it shows, and where the same nodes can be reached without a pointer.</summary>
    private string CanvasDescription(ExplorationGraph graph)
    {
        var focus = graph.Find(graph.FocusId)?.Node.Label ?? graph.FocusId;
        var kinds = _listed.GroupBy(n => n.FilterKind).Select(g => GraphStyle.Counted(g.Key, g.Count()));
        return $"Research graph around {focus}: {GraphStyle.Counted(_visibleNodes, "node")} ({string.Join(", ", kinds)}) and {GraphStyle.Counted(_visibleEdges, "edge")}. " +
               "The list view below the graph lists the same nodes, with links to their pages and Expand buttons.";
    }

    /// <summary>
    /// Brings the drawing in line with the graph and the filter: a new list of nodes for <see cref="GraphNodesLayer"/>
    /// (those that stayed in place keep their models, and their HTML unless it changes), and of edges for <see cref="GraphEdgesLayer"/>.
    /// </summary>
    private void SyncDiagram()
    {
        var graph = _graph!;
        var visible = graph.Nodes.Where(n => _filter.Shows(n.Node, graph.FocusId)).ToDictionary(n => n.Node.Id);
        var edges = graph.Edges.Where(e => visible.ContainsKey(e.Source) && visible.ContainsKey(e.Target)).ToList();
        var at = _timeline
            ? TimelineLayout.Place(visible.Values.Select(p => p.Node).ToList(), edges)
            : visible.ToDictionary(p => p.Key, p => p.Value.Position);

        foreach (var (id, _) in _nodeModels.Where(n => !at.TryGetValue(n.Key, out var place) || !SamePlace(n.Value, place)).ToList())
            _nodeModels.Remove(id);
        foreach (var placed in visible.Values.Where(p => !_nodeModels.ContainsKey(p.Node.Id)))
        {
            var model = new ExplorerNodeModel(placed.Node, at[placed.Node.Id], placed.Node.Id == graph.FocusId);
            Apply(model);
            _nodeModels[model.Node.Id] = model;
        }
        _nodeDrawing.Show([.. _nodeModels.Values]);
        _edgeDrawing.Draw(edges.Select(e => (e, at[e.Source], at[e.Target])));

        var texts = DisplayLabels.For(visible.Values.Select(p => p.Node));
        var importance = NodeImportance.Of(visible.Values.Select(p => p.Node).ToList(), edges, graph.FocusId);
        foreach (var model in _nodeModels.Values)
            if (model.Update(texts[model.Node.Id], importance[model.Node.Id], model.Label)) model.Refresh();
        PlaceLabels();
        ColourPapers();

        _visibleNodes = visible.Count;
        _visibleEdges = edges.Count;
        _listed = [.. graph.Nodes.Where(n => visible.ContainsKey(n.Node.Id)).Select(n => n.Node).OrderBy(n => n.FilterKind)];
        _canvasDescription = CanvasDescription(graph);
        if (SelectedNode is not null && !_nodeModels.ContainsKey(SelectedNode.Node.Id)) ClearSelection();
    }

    private async Task ColourByYear(bool on)
    {
        _colourByYear = on;
        ColourPapers();
        await NotifyStateAsync(isStep: false);
    }

    /// <summary>The timeline layout (x = year) or back to the graph's own layout; the view is fitted to the new places.</summary>
    private async Task ShowTimeline(bool on)
    {
        if (_graph is null) return;
        _timeline = on;
        SyncDiagram();
        FitView();
        await NotifyStateAsync(isStep: false);
    }

    /// <summary>With "colour papers by year" on, each paper takes its year's colour among the years of the papers drawn.</summary>
    private void ColourPapers()
    {
        var years = _nodeModels.Values.Select(m => m.Node.Year).OfType<int>().ToList();
        _paperYears = years.Count == 0 ? null : (years.Min(), years.Max());
        foreach (var model in _nodeModels.Values.Where(m => m.Node.Kind == NodeKind.Paper))
        {
            var colour = _colourByYear && _paperYears is { } range && model.Node.Year is { } year ? YearColours.For(year, range.Oldest, range.Newest) : null;
            if (colour == model.YearColour) continue;
            model.YearColour = colour;
            model.Refresh();
        }
    }

    /// <summary>Zooming across <see cref="LabelPlacement.CardZoom"/> turns boxes into marks and back; any zoom step below it places the labels anew.</summary>
    private void OnZoomChanged()
    {
        var marks = !LabelPlacement.ShowsCards(_diagram.Zoom);
        if (marks != _marks)
        {
            _marks = marks;
            _edgeDrawing.DrawCentreLines(marks);
            _ = InvokeAsync(StateHasChanged);
        }
        PlaceLabels();
    }

    /// <summary>Zoomed out, gives labels to the focus, the selected node and then the most important nodes that have room.</summary>
    private void PlaceLabels()
    {
        PinLabels();
        if (!_marks || _nodeModels.Count == 0) return;
        var selected = SelectedNode?.Node.Id;
        var labels = LabelPlacement.Choose(
            _nodeModels.Values.Select(m => new LabelPlacement.Candidate(m.Node.Id, m.Centre, m.Text, m.Importance, m.IsFocus || m.Node.Id == selected)),
            _diagram.Zoom);
        foreach (var model in _nodeModels.Values)
            if (model.Update(model.ShortText, model.Importance, labels.GetValueOrDefault(model.Node.Id))) model.Refresh();
    }

    private static bool SamePlace(ExplorerNodeModel model, Point2 place) =>
        Math.Abs(model.Centre.X - place.X) < 0.01 && Math.Abs(model.Centre.Y - place.Y) < 0.01;

    private static bool SameFilter(GraphFilter a, GraphFilter b) =>
        a.FromYear == b.FromYear && a.ToYear == b.ToYear && a.HiddenKinds.SetEquals(b.HiddenKinds);

    private static string StateKey(string focus, IEnumerable<string> expansions) => focus + "|" + string.Join(',', expansions);

    public void Dispose()
    {
        _diagram.ContainerChanged -= OnContainerChanged;
        _diagram.ZoomChanged -= OnZoomChanged;
    }
}
