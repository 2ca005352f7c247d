namespace BzPeer.Explorer.Profiles;

/// <summary>Citation metrics, computed from the citation counts of a researcher's works.</summary>
public static class Metrics
{
    /// <summary>The largest h such that h works have at least h citations each.</summary>
    public static int HIndex(IEnumerable<int> citationCounts)
    {
        var h = 0;
        foreach (var cited in citationCounts.OrderByDescending(c => c))
        {
            if (cited < h + 1) break;
            h++;
        }
        return h;
    }

    /// <summary>The number of works with at least ten citations.</summary>
    public static int I10Index(IEnumerable<int> citationCounts) => citationCounts.Count(c => c >= 10);
}
