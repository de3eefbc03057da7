using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>One execution in a list, with its steps' statuses so the row can say "5/9 done" and keep it current.</summary>
public sealed class ExecutionRow(ExecutionRecord execution, IEnumerable<StepRecord> steps)
{
    private readonly Dictionary<string, StepStatus> _steps = steps.ToDictionary(s => s.StepName, s => s.Status, StringComparer.Ordinal);

    public ExecutionRecord Execution { get; set; } = execution;

    public string Id => Execution.Id;

    public int StepCount => _steps.Count;

    /// <summary>Steps that reached an end: succeeded, failed, stopped, or not executed (a branch not taken).</summary>
    public int StepsDone => _steps.Values.Count(s => s.IsFinished());

    public int StepsFailed => _steps.Values.Count(s => s == StepStatus.Failed);

    public int StepsActive => _steps.Values.Count(s => s.IsActive());

    public bool IsRunning => !Execution.Status.IsFinished();

    public void Update(StepRecord step) => _steps[step.StepName] = step.Status;

    /// <summary>Time from creation to the end, or to <paramref name="now"/> while it runs.</summary>
    public TimeSpan Duration(DateTimeOffset now) => (Execution.EndedAt ?? now) - Execution.CreatedAt;
}
