using MudBlazor;

namespace PipelineStudio.Web.Components.Layout;

/// <summary>The studio's palette and type: a calm teal-blue primary, neutral surfaces, Roboto-like system fonts.</summary>
public static class StudioTheme
{
    private static readonly string[] FontStack = ["Inter", "Roboto", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            Tertiary = "#6a1b9a",
            AppbarBackground = "#0d47a1",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.78)",
            DrawerIcon = "rgba(0,0,0,0.60)",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.60)",
            Success = "#2e7d32",
            Error = "#c62828",
            Warning = "#ef6c00",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#4db6ac",
            Tertiary = "#ce93d8",
            AppbarBackground = "#161b22",
            AppbarText = "rgba(255,255,255,0.87)",
            Background = "#0f1318",
            BackgroundGray = "#161b22",
            Surface = "#1b2129",
            DrawerBackground = "#161b22",
            DrawerText = "rgba(255,255,255,0.75)",
            DrawerIcon = "rgba(255,255,255,0.60)",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.60)",
            LinesDefault = "rgba(255,255,255,0.12)",
            TableLines = "rgba(255,255,255,0.10)",
            TableHover = "rgba(255,255,255,0.05)",
            Success = "#66bb6a",
            Error = "#ef5350",
            Warning = "#ffa726",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.75rem", FontWeight = "500", LineHeight = "1.3" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "500" },
            Button = new ButtonTypography { FontFamily = FontStack, FontWeight = "500", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "220px" },
    };
}
