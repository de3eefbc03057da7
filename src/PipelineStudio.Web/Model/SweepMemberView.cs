using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Web.Model;

/// <summary>One member on a sweep's page: the stored member, its execution once started, and that execution's metrics.</summary>
public sealed class SweepMemberView(SweepMemberRecord member)
{
    public SweepMemberRecord Member { get; set; } = member;

    public ExecutionRecord? Execution { get; set; }

    public IReadOnlyList<StepRecord> Steps { get; set; } = [];

    public IReadOnlyList<KeyMetric> Metrics { get; private set; } = [];

    public int Index => Member.Index;

    /// <summary>What the row's data-status says: the member's own state (Running until the runner sees it end).</summary>
    public SweepMemberState State => Member.State;

    public TimeSpan? Duration(DateTimeOffset now) => Execution is { } e ? (e.EndedAt ?? now) - e.CreatedAt : null;

    public void SetSteps(IReadOnlyList<StepRecord> steps)
    {
        Steps = steps;
        Metrics = KeyMetrics.Of(steps);
    }

    public void Update(StepRecord step)
    {
        var steps = Steps.ToList();
        var index = steps.FindIndex(s => s.StepName == step.StepName);
        if (index >= 0)
        {
            steps[index] = step;
        }
        else
        {
            steps.Add(step);
        }

        SetSteps(steps);
    }
}
