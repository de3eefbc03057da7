using System.Text.Json;
using PipelineStudio.Core.Runs;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Stores;

/// <summary>Rows to records and the JSON text columns both ways.</summary>
internal static class RunRecordMapping
{
    public static string ParametersToJson(IReadOnlyDictionary<string, string> parameters) =>
        JsonSerializer.Serialize(parameters);

    public static string? SelectedStepsToJson(IReadOnlyList<string>? selectedSteps) =>
        selectedSteps is null ? null : JsonSerializer.Serialize(selectedSteps);

    public static ExecutionRecord ToRecord(ExecutionEntity row)
    {
        var owner = $"Execution '{row.Id}'";
        return new ExecutionRecord(
            row.Id,
            row.PipelineName,
            row.PipelineVersion,
            StatusNames.Parse<ExecutionStatus>(row.Status, owner),
            ReadJson<Dictionary<string, string>>(row.ParametersJson, owner, "parameters") ?? [],
            row.CreatedAt,
            row.EndedAt,
            row.FailureReason,
            row.DisplayName,
            row.MaxParallelSteps,
            row.SourceExecutionId,
            row.SelectedStepsJson is null ? null : ReadJson<List<string>>(row.SelectedStepsJson, owner, "selected steps"),
            row.OwnerId,
            row.LeaseExpiresAt);
    }

    public static StepRecord ToRecord(StepRunEntity row) => new(
        row.ExecutionId,
        row.StepName,
        row.StepType,
        StatusNames.Parse<StepStatus>(row.Status, $"Step '{row.StepName}' of execution '{row.ExecutionId}'"),
        row.QueuedAt,
        row.StartedAt,
        row.EndedAt,
        row.AttemptCount,
        row.FailureReason,
        row.CacheHitSourceExecutionId,
        row.SelectiveSourceExecutionId,
        row.PropertiesJson,
        row.MetadataJson,
        row.CacheKey);

    public static AttemptRecord ToRecord(StepAttemptEntity row) => new(
        row.ExecutionId,
        row.StepName,
        row.Attempt,
        StatusNames.Parse<StepStatus>(row.Status, $"Attempt {row.Attempt} of step '{row.StepName}' of execution '{row.ExecutionId}'"),
        row.StartedAt,
        row.EndedAt,
        row.FailureReason,
        row.FailureKind);

    private static T? ReadJson<T>(string json, string owner, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException ex)
        {
            throw new StudioDatabaseException($"{owner} has unreadable {what} in the database: {ex.Message}", ex);
        }
    }
}
