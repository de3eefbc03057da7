namespace PipelineStudio.Web.Model.Comparison;

/// <summary>
/// The Y-axis tick spacing for a chart: MudBlazor's default is a fixed 20, which flattens an AUC of 0.9 or a
/// one-second step into a sliver. A "nice" step (1, 2, 2.5 or 5 times a power of ten) gives about four ticks;
/// MudBlazor takes whole numbers only, so values up to a few units get a spacing of 1 (an AUC axis runs 0 to 1).
/// </summary>
public static class ChartScale
{
    public static int TickSpacing(IEnumerable<double?> values, int ticks = 4)
    {
        var max = values.Select(v => Math.Abs(v ?? 0)).DefaultIfEmpty(0).Max();
        if (!double.IsFinite(max) || max <= 0)
        {
            return 1;
        }

        var raw = max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var nice = normalized switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        };
        return (int)Math.Max(1, Math.Floor(nice * magnitude));
    }
}
