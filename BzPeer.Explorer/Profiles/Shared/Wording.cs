namespace BzPeer.Explorer.Profiles.Shared;

public static class Wording
{
    /// <summary>The singular for exactly one, the plural otherwise ("1 work", "0 works", "5 works").</summary>
    public static string Plural(int count, string one, string many) => count == 1 ? one : many;

    /// <summary>The count and its noun: "1 work", "2 works".</summary>
    public static string Counted(int count, string one, string many) => $"{count} {Plural(count, one, many)}";
}
