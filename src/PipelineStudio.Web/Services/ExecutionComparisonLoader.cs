using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Model.Comparison;
using PipelineStudio.Web.Model.Registry;

namespace PipelineStudio.Web.Services;

/// <summary>What loading a comparison found: the comparison of the executions that exist, and the ids that named none.</summary>
public sealed record ComparisonLoad(ExecutionComparison Comparison, IReadOnlyList<string> UnknownIds);

/// <summary>
/// Loads executions for side-by-side comparison, with every metric they produced, collected the same way the
/// rest of the studio does: training and tuning metrics as the sweep page shows them (<see cref="KeyMetrics"/>),
/// the numbers of the steps' property files (evaluation.json) and of the model packages they registered, both read
/// by the registry's <see cref="ModelMetricsReader"/>. A report that a package and a property file share is read once.
/// </summary>
public sealed class ExecutionComparisonLoader(IRunStore runs, IPipelineStore pipelines, IModelRegistry registry, ModelMetricsReader reports)
{
    public async Task<ComparisonLoad> LoadAsync(IReadOnlyList<string> executionIds, CancellationToken cancellationToken = default)
    {
        var found = new List<ComparedExecution>();
        var unknown = new List<string>();
        var definitions = new Dictionary<(string, int), PipelineDefinition?>();
        IReadOnlyList<ModelPackageRecord>? packages = null;
        foreach (var id in executionIds)
        {
            if (await runs.GetExecutionAsync(id, cancellationToken) is not { } execution)
            {
                unknown.Add(id);
                continue;
            }

            var steps = await runs.ListStepsAsync(id, cancellationToken);
            packages ??= await registry.ListPackagesAsync(null, cancellationToken);
            var registered = packages.Where(p => p.ExecutionId == id).OrderBy(p => p.GroupName, StringComparer.Ordinal).ThenBy(p => p.Version).ToList();
            var key = (execution.PipelineName, execution.PipelineVersion);
            if (!definitions.TryGetValue(key, out var definition))
            {
                definition = definitions[key] = await DefinitionAsync(execution, cancellationToken);
            }

            var metrics = await MetricsAsync(execution, steps, definition, registered, cancellationToken);
            found.Add(new ComparedExecution(execution, steps, metrics, registered));
        }

        return new ComparisonLoad(ExecutionComparison.Of(found), unknown);
    }

    private async Task<PipelineDefinition?> DefinitionAsync(ExecutionRecord execution, CancellationToken cancellationToken) =>
        await pipelines.GetVersionAsync(execution.PipelineName, execution.PipelineVersion, cancellationToken) is { } version
            ? PipelineDefinition.Parse(version.DefinitionJson).Definition
            : null;

    private async Task<IReadOnlyList<ComparedMetric>> MetricsAsync(
        ExecutionRecord execution, IReadOnlyList<StepRecord> steps, PipelineDefinition? definition,
        IReadOnlyList<ModelPackageRecord> registered, CancellationToken cancellationToken)
    {
        var metrics = KeyMetrics.Of(steps).Select(k => new ComparedMetric(k.Label, k.StepName, k.Value, k.Maximize)).ToList();
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (uri, source) in PropertyFileReports(steps, definition))
        {
            if (read.Add(uri))
            {
                metrics.AddRange((await reports.ReadReportAsync(uri, $"execution {execution.Id}", cancellationToken))
                    .Select(m => new ComparedMetric(m.Name, source, m.Value)));
            }
        }

        foreach (var package in registered)
        {
            foreach (var uri in ModelMetricsReader.ReportUris(package.ModelMetricsJson).Take(ModelMetricsReader.MaxReports).Where(read.Add))
            {
                metrics.AddRange((await reports.ReadReportAsync(uri, package.Arn, cancellationToken))
                    .Select(m => new ComparedMetric(m.Name, $"{package.GroupName} v{package.Version}", m.Value)));
            }
        }

        return Disambiguate(metrics);
    }

    /// <summary>The property files the execution's succeeded steps wrote, as (URI, "Step · File").</summary>
    private static IEnumerable<(string Uri, string Source)> PropertyFileReports(IReadOnlyList<StepRecord> steps, PipelineDefinition? definition)
    {
        if (definition is null)
        {
            yield break;
        }

        foreach (var step in steps.Where(s => s.Status == StepStatus.Succeeded))
        {
            var files = definition.FindStep(step.StepName)?.PropertyFiles ?? [];
            if (files.Count == 0 || ParseProperties(step.PropertiesJson) is not { } properties)
            {
                continue;
            }

            foreach (var file in files.Where(f => f.Name is not null))
            {
                if (ExpressionContexts.PropertyFileUri(definition, properties, step.StepName, file.Name!) is { } uri)
                {
                    yield return (uri, $"{step.StepName} · {file.Name}");
                }
            }
        }
    }

    // Two sources giving the same name (a tuning objective "auc" and an evaluation "auc") are different numbers.
    private static List<ComparedMetric> Disambiguate(List<ComparedMetric> metrics)
    {
        var ambiguous = metrics.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. metrics.Select(m => ambiguous.Contains(m.Name) ? m with { Name = $"{m.Name} ({m.Source})" } : m)];
    }

    // Properties are JSON the engine wrote; a damaged value just has no property files.
    private static JsonNode? ParseProperties(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
