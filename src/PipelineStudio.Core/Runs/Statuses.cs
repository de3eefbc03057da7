namespace PipelineStudio.Core.Runs;

/// <summary>SageMaker's PipelineExecutionStatus values.</summary>
public enum ExecutionStatus
{
    Executing,
    Stopping,
    Stopped,
    Failed,
    Succeeded,
}

/// <summary>
/// SageMaker's StepStatus values, plus two the studio shows and SageMaker leaves out of its step list:
/// <see cref="Pending"/> (waiting for upstream steps) and <see cref="NotExecuted"/> (in a branch not taken,
/// or downstream of a failure, or not selected in a selective run).
/// </summary>
public enum StepStatus
{
    Pending,
    Starting,
    Executing,
    Stopping,
    Stopped,
    Failed,
    Succeeded,
    NotExecuted,
}

public static class StatusExtensions
{
    public static bool IsFinished(this ExecutionStatus status) =>
        status is ExecutionStatus.Stopped or ExecutionStatus.Failed or ExecutionStatus.Succeeded;

    public static bool IsFinished(this StepStatus status) =>
        status is StepStatus.Stopped or StepStatus.Failed or StepStatus.Succeeded or StepStatus.NotExecuted;

    /// <summary>Whether the step is between its start and its end (SageMaker would show it as running).</summary>
    public static bool IsActive(this StepStatus status) =>
        status is StepStatus.Starting or StepStatus.Executing or StepStatus.Stopping;
}
