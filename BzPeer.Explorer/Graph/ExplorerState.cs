using System.Globalization;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// What the explorer's address holds, so reloading or sharing a link rebuilds the same graph:
/// <c>/explore?focus=person:meihao-kong&amp;expand=person:jing-huo,topic:3&amp;hide=institution&amp;from=2015&amp;to=2022&amp;layout=timeline&amp;colour=year</c>.
/// </summary>
public sealed record ExplorerState(string Focus, IReadOnlyList<string> Expansions, IReadOnlySet<NodeKind> HiddenKinds, int? FromYear, int? ToYear)
{
    /// <summary>Longer trails in a link are cut here: the graph could not hold more anyway.</summary>
    public const int MaxExpansions = 60;

    public GraphFilter Filter => new(HiddenKinds, FromYear, ToYear);

    /// <summary>How the graph is drawn: papers coloured by year, and the timeline layout (x = year).</summary>
    public GraphDrawing Drawing { get; init; } = GraphDrawing.Default;

    public static ExplorerState Parse(string? focus, string? expand, string? hide, string? from, string? to, string? layout = null, string? colour = null) =>
        ParseTrail(focus, expand, hide, from, to) with { Drawing = new GraphDrawing(colour == "year", layout == "timeline") };

    private static ExplorerState ParseTrail(string? focus, string? expand, string? hide, string? from, string? to)
    {
        var expansions = (expand ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(id => id.Length <= 220).Take(MaxExpansions).ToList();
        var hidden = new HashSet<NodeKind>();
        foreach (var name in (hide ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (NodeIds.TryParseKind(name, out var kind)) hidden.Add(kind);
        return new ExplorerState((focus ?? "").Trim(), expansions, hidden, Year(from), Year(to));
    }

    /// <summary>The query string (without '?') for this state.</summary>
    public string ToQuery()
    {
        var parts = new List<string> { "focus=" + Uri.EscapeDataString(Focus) };
        if (Expansions.Count > 0) parts.Add("expand=" + Uri.EscapeDataString(string.Join(',', Expansions)));
        if (HiddenKinds.Count > 0) parts.Add("hide=" + string.Join(',', HiddenKinds.Order().Select(NodeIds.KindName)));
        if (FromYear is { } fromYear) parts.Add("from=" + fromYear.ToString(CultureInfo.InvariantCulture));
        if (ToYear is { } toYear) parts.Add("to=" + toYear.ToString(CultureInfo.InvariantCulture));
        if (Drawing.Timeline) parts.Add("layout=timeline");
        if (Drawing.ColourByYear) parts.Add("colour=year");
        return string.Join('&', parts);
    }

    private static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 3000 ? year : null;
}

/// <summary>Choices of how the explorer draws its graph, kept in its address.</summary>
public sealed record GraphDrawing(bool ColourByYear, bool Timeline)
{
    public static readonly GraphDrawing Default = new(false, false);
}
