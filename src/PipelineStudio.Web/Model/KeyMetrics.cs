using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>One number worth comparing across executions, e.g. a training job's final validation AUC.</summary>
/// <param name="Label">The metric name, or "Step.metric" when several steps report a metric of that name.</param>
/// <param name="Maximize">Whether a higher value is better, when the source says so (a tuning objective's Type).</param>
public sealed record KeyMetric(string Label, string StepName, double Value, bool? Maximize = null)
{
    public string FormattedValue => Value.ToString(Math.Abs(Value) >= 1000 ? "N0" : "0.####", CultureInfo.InvariantCulture);
}

/// <summary>
/// Picks the metrics out of a finished execution's step properties, as SageMaker reports them:
/// Training steps' <c>FinalMetricDataList</c> and Tuning steps' best training job objective.
/// </summary>
public static class KeyMetrics
{
    public static IReadOnlyList<KeyMetric> Of(IEnumerable<StepRecord> steps)
    {
        var found = new List<KeyMetric>();
        foreach (var step in steps)
        {
            if (step.Status != StepStatus.Succeeded || Parse(step.PropertiesJson) is not { } properties)
            {
                continue;
            }

            if (step.StepType == StepTypes.Training && properties["FinalMetricDataList"] is JsonArray list)
            {
                found.AddRange(list.OfType<JsonObject>().Select(m => Metric(step.StepName, m)).OfType<KeyMetric>());
            }
            else if (step.StepType == StepTypes.Tuning
                && properties["BestTrainingJob"]?["FinalHyperParameterTuningJobObjectiveMetric"] is JsonObject objective
                && Metric(step.StepName, objective) is { } best)
            {
                found.Add(best);
            }
        }

        // The same name from two steps (two trainings) would be ambiguous in a column: name the step too.
        var ambiguous = found.GroupBy(m => m.Label).Where(g => g.Select(m => m.StepName).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();
        return found.Select(m => ambiguous.Contains(m.Label) ? m with { Label = $"{m.StepName}.{m.Label}" } : m)
            .DistinctBy(m => m.Label).ToList();
    }

    private static KeyMetric? Metric(string stepName, JsonObject metric)
    {
        var name = metric["MetricName"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
        var value = metric["Value"] is JsonValue v && v.TryGetValue<double>(out var number) ? number : (double?)null;
        var maximize = metric["Type"] is JsonValue t && t.TryGetValue<string>(out var type)
            ? type switch { "Maximize" => true, "Minimize" => false, _ => (bool?)null }
            : null;
        return name is null || value is not { } finite || !double.IsFinite(finite) ? null : new KeyMetric(name, stepName, finite, maximize);
    }

    // Properties are JSON the engine wrote; a damaged value just has no metrics.
    private static JsonObject? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
