using System.Globalization;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// What the explorer's address holds, so reloading or sharing a link rebuilds the same graph:
/// <c>/explore?focus=person:meihao-kong&amp;expand=person:jing-huo,topic:3&amp;hide=institution&amp;from=2015&amp;to=2022</c>.
/// </summary>
public sealed record ExplorerState(string Focus, IReadOnlyList<string> Expansions, IReadOnlySet<NodeKind> HiddenKinds, int? FromYear, int? ToYear)
{
    /// <summary>Longer trails in a link are cut here: the graph could not hold more anyway.</summary>
    public const int MaxExpansions = 60;

    public GraphFilter Filter => new(HiddenKinds, FromYear, ToYear);

    public static ExplorerState Parse(string? focus, string? expand, string? hide, string? from, string? to)
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
        return string.Join('&', parts);
    }

    private static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 3000 ? year : null;
}
