namespace BzPeer.Explorer.Graph;

/// <summary>
/// The text drawn on each node. Long titles are shortened in the middle, where titles that start alike still differ
/// ("On the Identifiability of … Deep Models"), and a paper's label ends with its year; papers whose shortened labels
/// would still read the same get longer ones, and identical titles of the same year are numbered.
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
            var group = same.ToList();
            if (group.Count == 1)
            {
                labels[group[0].Id] = same.Key;
                continue;
            }
            // Lengthen until they differ (or are whole); whatever still reads the same is numbered.
            var length = MaxChars;
            List<string> longer;
            do
            {
                length += 12;
                longer = group.Select(p => PaperLabel(p, length)).ToList();
            } while (longer.Distinct().Count() < longer.Count && group.Any(p => p.Label.Length > length));
            var stillAlike = longer.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            var numbered = new Dictionary<string, int>();
            foreach (var paper in group.OrderBy(p => p.EntityId))
            {
                var label = PaperLabel(paper, length);
                labels[paper.Id] = stillAlike.Contains(label) ? $"{label} #{numbered[label] = numbered.GetValueOrDefault(label) + 1}" : label;
            }
        }
        return labels;
    }

    public static string PaperLabel(GraphNode paper, int maxChars) =>
        paper.Year is { } year ? $"{ShortenMiddle(paper.Label, maxChars)} ({year})" : ShortenMiddle(paper.Label, maxChars);

    /// <summary>The text itself when short enough; otherwise its start and its end around an ellipsis, cut at spaces where possible.</summary>
    public static string ShortenMiddle(string text, int maxChars)
    {
        text = text.Trim();
        if (text.Length <= maxChars) return text;
        var keep = maxChars - 3;
        var headLength = (keep + 1) / 2;
        var tailLength = keep - headLength;
        var head = text[..headLength];
        var tail = text[^tailLength..];
        // Whole words at the cut when a space is near.
        var space = head.LastIndexOf(' ');
        if (space >= headLength * 2 / 3) head = head[..space];
        space = tail.IndexOf(' ');
        if (space >= 0 && space <= tailLength / 3) tail = tail[(space + 1)..];
        return $"{head.TrimEnd()} … {tail.TrimStart()}";
    }
}
