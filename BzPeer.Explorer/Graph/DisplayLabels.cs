namespace BzPeer.Explorer.Graph;

/// <summary>
/// The text drawn on each node. Long titles are shortened in the middle, where titles that start alike still differ
/// ("On the Identifiability of … Deep Models"), and a paper's label ends with its year; papers whose shortened labels
/// would still read the same are cut elsewhere, and those that read the same however cut are numbered.
/// </summary>
public static class DisplayLabels
{
    /// <summary>At most this many characters before the year: two lines of a node box, or of a label under a mark.</summary>
    public const int MaxChars = 30;

    public static Dictionary<string, string> For(IEnumerable<GraphNode> nodes)
    {
        var labels = new Dictionary<string, string>();
        var papers = new List<GraphNode>();
        foreach (var node in nodes)
        {
            if (node.Kind == NodeKind.Paper) papers.Add(node);
            else labels[node.Id] = ShortenMiddle(node.Label, MaxChars);
        }

        foreach (var same in papers.GroupBy(p => PaperLabel(p, MaxChars)))
        {
            var group = same.OrderBy(p => p.EntityId).ToList();
            if (group.Count == 1)
            {
                labels[group[0].Id] = same.Key;
                continue;
            }
            // Same length (it must fit the node), cut elsewhere: more of the start, or more of the end, where they differ.
            var cut = HeadShares.Select(share => group.Select(p => PaperLabel(p, MaxChars, share)).ToList())
                .FirstOrDefault(texts => texts.Distinct().Count() == texts.Count);
            for (var i = 0; i < group.Count; i++)
                labels[group[i].Id] = cut?[i] ?? Numbered(group[i], i + 1);
        }
        return labels;
    }

    private static readonly double[] HeadShares = [0.75, 0.25, 0.9, 0.1];

    /// <summary>Titles that read the same however cut (often the same title twice) are numbered, the year kept last.</summary>
    private static string Numbered(GraphNode paper, int number) =>
        paper.Year is { } year ? $"{ShortenMiddle(paper.Label, MaxChars)} #{number} ({year})" : $"{ShortenMiddle(paper.Label, MaxChars)} #{number}";

    /// <summary>The whole name, a paper's with its year: what the focus and the selected node read.</summary>
    public static string Whole(GraphNode node) =>
        node.Kind == NodeKind.Paper && node.Year is { } year ? $"{node.Label.Trim()} ({year})" : node.Label.Trim();

    public static string PaperLabel(GraphNode paper, int maxChars, double headShare = 0.5) =>
        paper.Year is { } year ? Shortened(paper.Label, maxChars, headShare, year) : ShortenMiddle(paper.Label, maxChars, headShare);

    /// <summary>The text itself when short enough; otherwise its start and its end around an ellipsis, cut at spaces where possible.</summary>
    public static string ShortenMiddle(string text, int maxChars, double headShare = 0.5) => Shortened(text, maxChars, headShare, year: null);

    // Made as one string (with the year, when given): labels are made for every node drawn at every expansion.
    private static string Shortened(string text, int maxChars, double headShare, int? year)
    {
        var whole = text.AsSpan().Trim();
        if (whole.Length <= maxChars)
            return year is { } shortYear ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{whole} ({shortYear})")
                : whole.Length == text.Length ? text : whole.ToString();
        var keep = maxChars - 3;
        var headLength = (int)Math.Round(keep * headShare);
        var tailLength = keep - headLength;
        var head = whole[..headLength];
        var tail = whole[^tailLength..];
        // Whole words at the cut when a space is near.
        var space = head.LastIndexOf(' ');
        if (space >= headLength / 2) head = head[..space];
        space = tail.IndexOf(' ');
        if (space >= 0 && space <= tailLength / 2) tail = tail[(space + 1)..];
        head = head.TrimEnd();
        tail = tail.TrimStart();
        return year is { } cutYear ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{head} … {tail} ({cutYear})")
            : string.Concat(head, " … ", tail);
    }
}
