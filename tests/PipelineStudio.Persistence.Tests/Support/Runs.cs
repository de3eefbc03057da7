using PipelineStudio.Core.Runs;

namespace PipelineStudio.Persistence.Tests.Support;

/// <summary>Run records for tests, with times relative to a fixed instant.</summary>
internal static class Runs
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static ExecutionRecord Execution(
        string id, string pipeline = "churn", ExecutionStatus status = ExecutionStatus.Executing, int minute = 0) =>
        new(id, pipeline, 1, status, new Dictionary<string, string> { ["Epochs"] = "10" }, T0.AddMinutes(minute));

    public static StepRecord Step(string executionId, string name, StepStatus status = StepStatus.Pending, string type = "Processing") =>
        new(executionId, name, type, status);

    /// <summary>Stores an execution with Pending steps named as given, in that order.</summary>
    public static async Task<ExecutionRecord> CreateAsync(
        this Core.Abstractions.IRunStore store, string id, string pipeline = "churn", int minute = 0,
        ExecutionStatus status = ExecutionStatus.Executing, params string[] steps)
    {
        var execution = Execution(id, pipeline, status, minute);
        await store.CreateExecutionAsync(execution, [.. steps.Select(s => Step(id, s))]);
        return execution;
    }
}
