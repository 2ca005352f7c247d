namespace BzPeer.Explorer.Search;

/// <summary>What the results page narrows papers to: a range of years (either end open) and open access only. People, topics and institutions are not filtered by it.</summary>
public sealed record SearchFilter(int? FromYear = null, int? ToYear = null, bool OpenAccessOnly = false)
{
    public static readonly SearchFilter None = new();
}
