namespace BzPeer.Explorer.Profiles.Shared;

public static class Wording
{
    /// <summary>The singular for exactly one, the plural otherwise ("1 work", "0 works", "5 works").</summary>
    public static string Plural(int count, string one, string many) => count == 1 ? one : many;

    /// <summary>The count and its noun: "1 work", "2 works", "1,956 citations".</summary>
    public static string Counted(int count, string one, string many) => $"{Number(count)} {Plural(count, one, many)}";

    /// <summary>A count with its thousands separated ("1,956", never to be read as a year), the same in every culture.</summary>
    public static string Number(int count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
