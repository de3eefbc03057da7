namespace PipelineStudio.Web.Model.Registry;

/// <summary>One number of a package's evaluation report, e.g. <c>auc = 0.8443</c>.</summary>
public sealed record PackageMetric(string Name, double Value)
{
    public string Formatted => MetricFormat.Number(Value);
}

/// <summary>Metrics as the registry shows them: four significant decimals at most, invariant culture.</summary>
public static class MetricFormat
{
    public static string Number(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"+0.0123" / "−0.0040" / "±0": the sign always shown, so a regression stands out.</summary>
    public static string Difference(double difference) => difference switch
    {
        > 0 => "+" + Number(difference),
        < 0 => "−" + Number(-difference),
        _ => "±0",
    };
}
