using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public class ExecutionTimelineBuilderTests
{
    private const string Id = "exec1";
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_FinishedRunWithARetry_DrawsQueueingAttemptsAndTheCriticalPath()
    {
        var graph = GraphBuilder.Build("Prep", "Train: Prep", "Report: Prep", "Skipped: Train");
        var steps = new[]
        {
            Step("Prep", StepStatus.Succeeded, queued: 0, started: 0.5, ended: 2, attempts: 1),
            Step("Report", StepStatus.Succeeded, queued: 2, started: 2, ended: 3, attempts: 1),
            Step("Train", StepStatus.Succeeded, queued: 2, started: 3, ended: 10, attempts: 2),
            Step("Skipped", StepStatus.NotExecuted),
        };
        var attempts = new Dictionary<string, AttemptRecord[]>
        {
            ["Prep"] = [Attempt("Prep", 1, StepStatus.Succeeded, 0.5, 2)],
            ["Report"] = [Attempt("Report", 1, StepStatus.Succeeded, 2, 3)],
            ["Train"] = [Attempt("Train", 1, StepStatus.Failed, 3, 5, "boom"), Attempt("Train", 2, StepStatus.Succeeded, 6, 10)],
        };

        var model = ExecutionTimelineBuilder.Build(Execution(ExecutionStatus.Succeeded, ended: 10), steps, s => attempts.GetValueOrDefault(s) ?? [], graph, T0.AddHours(1));

        Assert.Equal(["Prep", "Train", "Report", "Skipped"], model.Rows.Select(r => r.StepName));
        Assert.Null(model.NowPercent);
        Assert.Equal(TimeSpan.FromSeconds(10), model.Axis.Span);
        Assert.Equal(["Prep", "Train"], model.CriticalPath);
        Assert.Equal([true, true, false, false], model.Rows.Select(r => r.IsCritical));

        var train = model.Rows[1];
        Assert.Equal(
            [TimelineSegmentKind.Queued, TimelineSegmentKind.Span, TimelineSegmentKind.Attempt, TimelineSegmentKind.Attempt],
            train.Segments.Select(s => s.Kind));
        var failed = train.Segments[2];
        Assert.Equal((StepStatus.Failed, 1), (failed.Status, failed.Attempt));
        Assert.Equal(30, failed.Left, 6);
        Assert.Equal(20, failed.Width, 6);
        Assert.Contains("Started at 2026-11-29 12:00:03.000 UTC", failed.Tooltip, StringComparison.Ordinal);
        Assert.Contains("boom", failed.Tooltip, StringComparison.Ordinal);
        Assert.Equal("7.0 s", train.Summary);
        Assert.Empty(model.Rows[3].Segments);
        Assert.Equal("not executed", model.Rows[3].Summary);
    }

    [Fact]
    public void Build_Running_TheActiveAttemptGrowsToNowAndNowIsMarked()
    {
        var steps = new[] { Step("Train", StepStatus.Executing, queued: 1, started: 1, attempts: 1) };
        var attempts = new[] { Attempt("Train", 1, StepStatus.Executing, 2, null) };
        var now = T0.AddSeconds(8);

        var model = ExecutionTimelineBuilder.Build(Execution(ExecutionStatus.Executing), steps, _ => attempts, GraphBuilder.Build("Train"), now);

        var running = model.Rows[0].Segments.Single(s => s.Kind == TimelineSegmentKind.Attempt);
        Assert.True(running.Live);
        Assert.NotNull(model.NowPercent);
        Assert.Equal(model.NowPercent!.Value, running.Left + running.Width, 6);
        Assert.True(model.NowPercent < 100);
        Assert.Equal("7.0 s", model.Rows[0].Summary);
    }

    [Fact]
    public void Build_CacheHit_DrawsACacheBarAndNoAttempt()
    {
        var steps = new[] { Step("Prep", StepStatus.Succeeded, queued: 0, started: 0, ended: 0.2) with { CacheHitSourceExecutionId = "older" } };

        var model = ExecutionTimelineBuilder.Build(Execution(ExecutionStatus.Succeeded, ended: 1), steps, _ => [], GraphBuilder.Build("Prep"), T0.AddHours(1));

        var row = model.Rows.Single();
        Assert.Equal("older", row.CacheHitSource);
        Assert.Equal([TimelineSegmentKind.CacheHit], row.Segments.Select(s => s.Kind));
        Assert.Equal("cache hit", row.Summary);
    }

    [Fact]
    public void Build_StepReusedBySelectiveRun_HasNoBarsAndDoesNotStretchTheRange()
    {
        // A reused step keeps the source execution's times, a day before this one started.
        var reused = Step("Prep", StepStatus.Succeeded, queued: -86_400, started: -86_400, ended: -86_390) with { SelectiveSourceExecutionId = "source1" };
        var steps = new[] { reused, Step("Train", StepStatus.Succeeded, queued: 0, started: 0, ended: 4, attempts: 1) };

        var model = ExecutionTimelineBuilder.Build(
            Execution(ExecutionStatus.Succeeded, ended: 4), steps, s => s == "Train" ? [Attempt("Train", 1, StepStatus.Succeeded, 0, 4)] : [],
            GraphBuilder.Build("Prep", "Train: Prep"), T0.AddHours(1));

        Assert.Equal(["Prep", "Train"], model.Rows.Select(r => r.StepName));
        Assert.Equal("source1", model.Rows[0].ReusedFrom);
        Assert.Empty(model.Rows[0].Segments);
        Assert.Equal(TimeSpan.FromSeconds(4), model.Axis.Span);
        Assert.Equal(["Train"], model.CriticalPath);
    }

    private static ExecutionRecord Execution(ExecutionStatus status, double? ended = null) =>
        new(Id, "demo", 1, status, new Dictionary<string, string>(), T0, ended is { } e ? T0.AddSeconds(e) : null);

    private static StepRecord Step(string name, StepStatus status, double? queued = null, double? started = null, double? ended = null, int attempts = 0) =>
        new(Id, name, "Processing", status, At(queued), At(started), At(ended), attempts);

    private static AttemptRecord Attempt(string step, int number, StepStatus status, double started, double? ended, string? reason = null) =>
        new(Id, step, number, status, T0.AddSeconds(started), At(ended), reason, reason is null ? null : "ClientError");

    private static DateTimeOffset? At(double? seconds) => seconds is { } s ? T0.AddSeconds(s) : null;
}
