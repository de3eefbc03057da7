using System.Globalization;

namespace DesignerEdit;

internal static class Stats
{
    /// <summary>"median X, p95 Y, min Z, max W (n=N)" of milliseconds.</summary>
    public static string Describe(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return "no samples";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"median {Percentile(sorted, 0.5):F1}, p95 {Percentile(sorted, 0.95):F1}, min {sorted[0]:F1}, max {sorted[^1]:F1} (n={sorted.Count})");
    }

    // Nearest rank, so a reported p95 is a measured value.
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
