using System.Globalization;

namespace BzPeer.Explorer.Graph;

/// <summary>
/// "Colour by year" for papers, as Connected Papers and ResearchRabbit do: a sequential scale from pale (the oldest year
/// drawn) to dark (the newest), in hues that stay apart from the other kinds' colours.
/// </summary>
public static class YearColours
{
    private static readonly (double R, double G, double B)[] Scale =
    [
        (0xfd, 0xe6, 0x8a), (0xf5, 0x9e, 0x0b), (0xc2, 0x41, 0x0c), (0x7c, 0x2d, 0x12),
    ];

    /// <summary>The colour of <paramref name="year"/> among the years from <paramref name="oldest"/> to <paramref name="newest"/>, as #rrggbb.</summary>
    public static string For(int year, int oldest, int newest)
    {
        var t = newest <= oldest ? 1 : Math.Clamp((year - oldest) / (double)(newest - oldest), 0, 1);
        var position = t * (Scale.Length - 1);
        var index = Math.Min((int)position, Scale.Length - 2);
        var f = position - index;
        var (a, b) = (Scale[index], Scale[index + 1]);
        static int Mix(double x, double y, double f) => (int)Math.Round(x + (y - x) * f);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(a.R, b.R, f):x2}{Mix(a.G, b.G, f):x2}{Mix(a.B, b.B, f):x2}");
    }
}
