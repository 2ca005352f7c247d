using MudBlazor;

namespace BzPeer.Explorer.Components.Layout;

/// <summary>The app's MudBlazor theme: system fonts only (the network is closed to web fonts), calm scholarly colours.</summary>
public static class ExplorerTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#0f766e",
            Tertiary = "#b45309",
            AppbarBackground = "#15324f",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            TextPrimary = "#1b2430",
            TextSecondary = "#4b5563",
            LinesDefault = "#e3e8ef",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "2.1rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.3rem", FontWeight = "600", LineHeight = "1.35" },
            H4 = new H4Typography { FontFamily = SystemFonts, FontSize = "1.15rem", FontWeight = "600", LineHeight = "1.4" },
            H5 = new H5Typography { FontFamily = SystemFonts, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.4" },
            H6 = new H6Typography { FontFamily = SystemFonts, FontSize = "0.95rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
