namespace BzPeer.Explorer.Graph;

/// <summary>Downloads of the graph a link describes: the same state as the explorer's address, rebuilt on the server.</summary>
public static class GraphEndpoints
{
    public static IEndpointRouteBuilder MapGraphExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/explore/export", async (string? focus, string? expand, string? format, GraphService graphs, CancellationToken cancellationToken) =>
        {
            var state = ExplorerState.Parse(focus, expand, null, null, null);
            var (graph, _) = await graphs.RebuildAsync(state, cancellationToken);
            if (graph is null) return Results.NotFound($"No graph: '{state.Focus}' names no researcher, work, topic or institution.");
            var name = "bzpeer-graph-" + string.Concat(graph.FocusId.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
            return format switch
            {
                "json" => Results.File(System.Text.Encoding.UTF8.GetBytes(GraphExport.ToJson(graph)), "application/json", name + ".json"),
                null or "graphml" => Results.File(GraphExport.ToGraphMl(graph), "application/graphml+xml", name + ".graphml"),
                _ => Results.BadRequest("format must be graphml or json."),
            };
        });
        return endpoints;
    }
}
