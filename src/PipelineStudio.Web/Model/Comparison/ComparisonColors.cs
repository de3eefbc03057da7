namespace PipelineStudio.Web.Model.Comparison;

/// <summary>
/// One colour per compared execution, the same in its card, its column headers and its bars in every chart, so a
/// colour reads as "that execution" everywhere on the page. Mid-tones, legible on light and dark surfaces alike.
/// </summary>
public static class ComparisonColors
{
    public static IReadOnlyList<string> Palette { get; } =
    [
        "#1e88e5", "#fb8c00", "#43a047", "#8e24aa", "#00acc1",
        "#d81b60", "#7cb342", "#5e35b1", "#f4511e", "#78909c",
    ];

    public static string Of(int column) => Palette[column % Palette.Count];

    /// <summary>The palette for a chart whose series are the first <paramref name="count"/> executions, in column order.</summary>
    public static string[] ForSeries(int count) => [.. Enumerable.Range(0, count).Select(Of)];
}
