using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Model.Registry;

/// <summary>
/// Reads the numbers behind a package's ModelMetrics: every <c>S3Uri</c> in it (ModelQuality.Statistics in the
/// SDK's shape) is read from the artifact store and its numbers collected. An evaluation report in SageMaker's
/// shape (<c>{"binary_classification_metrics": {"auc": {"value": 0.84}}}</c>) gives <c>auc</c>; plain numeric
/// fields count too. Anything missing or unreadable gives no metrics, never an error: the page shows "—".
/// The execution comparison reads step property files (evaluation.json) through the same <see cref="ReadReportAsync"/>.
/// </summary>
public sealed partial class ModelMetricsReader(IArtifactStore artifacts, ILogger<ModelMetricsReader> logger)
{
    /// <summary>Reports read per package at most; a ModelMetrics document names a handful.</summary>
    public const int MaxReports = 4;

    public async Task<IReadOnlyList<PackageMetric>> ReadAsync(ModelPackageRecord package, CancellationToken cancellationToken = default)
    {
        var metrics = new List<PackageMetric>();
        foreach (var uri in ReportUris(package.ModelMetricsJson).Take(MaxReports))
        {
            metrics.AddRange(await ReadReportAsync(uri, package.Arn, cancellationToken));
        }

        return [.. metrics.DistinctBy(m => m.Name)];
    }

    /// <summary>
    /// The numbers of one JSON report (a package's statistics, or a step's property file such as evaluation.json);
    /// none when it is missing or unreadable. <paramref name="owner"/> names what the report belongs to, for the log.
    /// </summary>
    public async Task<IReadOnlyList<PackageMetric>> ReadReportAsync(string uri, string owner, CancellationToken cancellationToken = default)
    {
        var metrics = new List<PackageMetric>();
        try
        {
            if (await artifacts.ReadTextAsync(uri, cancellationToken) is { } text && JsonNode.Parse(text) is { } report)
            {
                Collect(report, null, metrics);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missing bucket, a deleted file or a report that is not JSON: the owner is still worth showing.
            LogUnreadable(logger, uri, owner, ex.Message);
            return [];
        }

        return [.. metrics.DistinctBy(m => m.Name)];
    }

    /// <summary>The report URIs named in a ModelMetrics document, in document order.</summary>
    public static IReadOnlyList<string> ReportUris(string? modelMetricsJson)
    {
        if (string.IsNullOrWhiteSpace(modelMetricsJson))
        {
            return [];
        }

        try
        {
            var uris = new List<string>();
            FindUris(JsonNode.Parse(modelMetricsJson), uris);
            return uris;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void FindUris(JsonNode? node, List<string> uris)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        foreach (var (key, value) in obj)
        {
            if (key == "S3Uri" && value is JsonValue v && v.TryGetValue<string>(out var uri) && uri.StartsWith("s3://", StringComparison.Ordinal))
            {
                uris.Add(uri);
            }
            else
            {
                FindUris(value, uris);
            }
        }
    }

    private static void Collect(JsonNode node, string? name, List<PackageMetric> metrics)
    {
        switch (node)
        {
            case JsonObject obj when name is not null && obj["value"] is JsonValue value && Number(value) is { } number:
                metrics.Add(new PackageMetric(name, number));
                break;
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, key, metrics);
                    }
                }

                break;
            case JsonValue value when name is not null && Number(value) is { } number:
                metrics.Add(new PackageMetric(name, number));
                break;
        }
    }

    private static double? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics report {Uri} of {Owner} is not readable: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string uri, string owner, string reason);
}
