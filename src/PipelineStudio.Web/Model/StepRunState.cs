using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>
/// What the live graph shows of one step in an execution. A record, so a node is redrawn only when
/// something it shows changed.
/// </summary>
/// <param name="CacheHit">The step's outputs came from an earlier execution's cache entry.</param>
/// <param name="Reused">A selective run took the step's outputs from its source execution without running it.</param>
public sealed record StepRunState(StepStatus Status, int AttemptCount, bool CacheHit, bool Reused)
{
    public static StepRunState From(StepRecord step) =>
        new(step.Status, step.AttemptCount, step.CacheHitSourceExecutionId is not null, step.SelectiveSourceExecutionId is not null);
}
