using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model.Comparison;

namespace PipelineStudio.Web.Tests.Model.Comparison;

/// <summary>Compared executions built by hand, for the pure comparison model.</summary>
internal static class ComparisonFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static ComparedExecution Execution(
        string id,
        Dictionary<string, string>? parameters = null,
        IReadOnlyList<StepRecord>? steps = null,
        IReadOnlyList<ComparedMetric>? metrics = null,
        string pipeline = "churn",
        int version = 1) =>
        new(
            new ExecutionRecord(id, pipeline, version, ExecutionStatus.Succeeded, parameters ?? [], Start, Start.AddMinutes(2)),
            steps ?? [],
            metrics ?? [],
            []);

    /// <summary>A step that ran for <paramref name="seconds"/>; with <paramref name="cachedFrom"/> a cache hit instead.</summary>
    public static StepRecord Step(string execution, string name, double seconds, StepStatus status = StepStatus.Succeeded, string? cachedFrom = null) =>
        new(execution, name, "Processing", status, StartedAt: Start, EndedAt: Start.AddSeconds(seconds), AttemptCount: 1,
            CacheHitSourceExecutionId: cachedFrom);
}
