using System.Text;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>
/// Turns an execution's stored records into the Gantt timeline: rows in start order, bars for queueing,
/// attempts (failed ones in the error colour) and cache hits, the critical path, and a range that keeps
/// growing while the execution runs.
/// </summary>
public static class ExecutionTimelineBuilder
{
    // Bars narrower than this would vanish; a 5 ms step in a 10 minute run still gets a visible sliver.
    private const double MinimumWidthPercent = 0.4;

    /// <param name="attemptsOf">The attempts of a step, in attempt order.</param>
    /// <param name="graph">The pipeline's graph, for the critical path and a stable order; null when the definition is unreadable.</param>
    public static ExecutionTimelineModel Build(
        ExecutionRecord execution,
        IReadOnlyList<StepRecord> steps,
        Func<string, IReadOnlyList<AttemptRecord>> attemptsOf,
        PipelineGraph? graph,
        DateTimeOffset now)
    {
        var running = !execution.Status.IsFinished();
        var end = running ? now : execution.EndedAt ?? LatestTime(steps) ?? execution.CreatedAt;
        var spans = SpansOf(steps, end);
        var axis = running
            ? TimelineAxis.Growing(execution.CreatedAt, now)
            : TimelineAxis.Create(execution.CreatedAt, spans.Values.Select(s => s.End).Append(end).Max());
        var critical = graph is null ? [] : CriticalPath.Compute(graph, spans);
        var onCriticalPath = critical.ToHashSet(StringComparer.Ordinal);
        var order = OrderIndex(steps, graph);

        var rows = steps
            .OrderBy(s => SortTime(s))
            .ThenBy(s => order.GetValueOrDefault(s.StepName, int.MaxValue))
            .Select(s => BuildRow(s, attemptsOf(s.StepName), axis, end, running, onCriticalPath.Contains(s.StepName)))
            .ToList();
        return new ExecutionTimelineModel(axis, rows, running ? axis.PercentOf(now) : null, critical);
    }

    /// <summary>When each step that ran here was busy (from queued, or started, to its end); reused steps ran elsewhere.</summary>
    public static Dictionary<string, StepSpan> SpansOf(IEnumerable<StepRecord> steps, DateTimeOffset now)
    {
        var spans = new Dictionary<string, StepSpan>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (step.SelectiveSourceExecutionId is null && step.StartedAt is { } started)
            {
                spans[step.StepName] = new StepSpan(step.QueuedAt ?? started, EndOf(step, now));
            }
        }

        return spans;
    }

    private static TimelineRow BuildRow(
        StepRecord step, IReadOnlyList<AttemptRecord> attempts, TimelineAxis axis, DateTimeOffset now, bool running, bool critical)
    {
        var segments = new List<TimelineSegment>();
        if (step.SelectiveSourceExecutionId is null)
        {
            AddQueued(segments, step, axis, now, running);
            if (step.StartedAt is { } started)
            {
                var kind = step.CacheHitSourceExecutionId is not null ? TimelineSegmentKind.CacheHit : TimelineSegmentKind.Span;
                var live = running && step.EndedAt is null && step.Status.IsActive();
                segments.Add(Segment(kind, started, EndOf(step, now), step.Status, null, live, axis, RowTooltip(step, now)));
            }

            foreach (var attempt in attempts)
            {
                var live = running && attempt.EndedAt is null && attempt.Status.IsActive();
                var ended = attempt.EndedAt ?? (live ? now : attempt.StartedAt);
                segments.Add(Segment(
                    TimelineSegmentKind.Attempt, attempt.StartedAt, ended, attempt.Status, attempt.Attempt, live, axis, AttemptTooltip(step, attempt, ended)));
            }
        }

        return new TimelineRow(
            step.StepName, step.StepType, step.Status, step.AttemptCount, critical, step.CacheHitSourceExecutionId,
            step.SelectiveSourceExecutionId, segments, Summarize(step, now), RowTooltip(step, now));
    }

    private static void AddQueued(List<TimelineSegment> segments, StepRecord step, TimelineAxis axis, DateTimeOffset now, bool running)
    {
        if (step.QueuedAt is not { } queued)
        {
            return;
        }

        var waiting = step.StartedAt is null && step.Status == StepStatus.Pending && running;
        var until = step.StartedAt ?? (waiting ? now : queued);
        if (until > queued || waiting)
        {
            var tooltip = $"{step.StepName} · queued\nReady at {RunTimes.Exact(queued)}\n"
                + (step.StartedAt is { } s ? $"Started at {RunTimes.Exact(s)}\n" : "Still waiting for a free slot\n")
                + $"Waited {RunStatusStyles.FormatDuration(until - queued)}";
            segments.Add(Segment(TimelineSegmentKind.Queued, queued, until, StepStatus.Pending, null, waiting, axis, tooltip));
        }
    }

    private static TimelineSegment Segment(
        TimelineSegmentKind kind, DateTimeOffset from, DateTimeOffset to, StepStatus status, int? attempt, bool live, TimelineAxis axis, string tooltip)
    {
        var left = axis.PercentOf(from);
        var width = Math.Max(axis.PercentOf(to) - left, MinimumWidthPercent);
        return new TimelineSegment(kind, left, Math.Min(width, 100 - left), status, attempt, live, tooltip);
    }

    private static DateTimeOffset EndOf(StepRecord step, DateTimeOffset now) =>
        step.EndedAt ?? (step.Status.IsActive() ? now : step.StartedAt ?? now);

    private static DateTimeOffset SortTime(StepRecord step) =>
        step.SelectiveSourceExecutionId is not null ? DateTimeOffset.MinValue : step.QueuedAt ?? step.StartedAt ?? DateTimeOffset.MaxValue;

    private static DateTimeOffset? LatestTime(IEnumerable<StepRecord> steps) =>
        steps.Select(s => s.EndedAt ?? s.StartedAt).Where(t => t is not null).Max();

    private static Dictionary<string, int> OrderIndex(IReadOnlyList<StepRecord> steps, PipelineGraph? graph)
    {
        var names = graph?.TopologicalOrder() ?? steps.Select(s => s.StepName).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            index.TryAdd(name, index.Count);
        }

        return index;
    }

    private static string Summarize(StepRecord step, DateTimeOffset now)
    {
        if (step.SelectiveSourceExecutionId is not null)
        {
            return "reused";
        }

        if (step.CacheHitSourceExecutionId is not null)
        {
            return "cache hit";
        }

        if (step.StartedAt is { } started)
        {
            return RunStatusStyles.FormatDuration(EndOf(step, now) - started);
        }

        return step.Status == StepStatus.Pending ? (step.QueuedAt is null ? "waiting" : "queued") : RunStatusStyles.LabelOf(step.Status).ToLowerInvariant();
    }

    private static string RowTooltip(StepRecord step, DateTimeOffset now)
    {
        var text = new StringBuilder($"{step.StepName} ({step.StepType}) · {RunStatusStyles.LabelOf(step.Status)}");
        if (step.SelectiveSourceExecutionId is { } source)
        {
            return text.Append($"\nOutputs reused from execution {source}; it did not run here.").ToString();
        }

        text.Append($"\nQueued at {RunTimes.Exact(step.QueuedAt)}\nStarted at {RunTimes.Exact(step.StartedAt)}\nEnded at {RunTimes.Exact(step.EndedAt)}");
        if (step.StartedAt is { } started)
        {
            text.Append($"\nDuration {RunStatusStyles.FormatDuration(EndOf(step, now) - started)}");
        }

        if (step.AttemptCount > 1)
        {
            text.Append($"\n{step.AttemptCount} attempts");
        }

        if (step.CacheHitSourceExecutionId is { } cache)
        {
            text.Append($"\nCache hit: outputs of execution {cache}");
        }

        return text.ToString();
    }

    private static string AttemptTooltip(StepRecord step, AttemptRecord attempt, DateTimeOffset ended)
    {
        var text = new StringBuilder($"{step.StepName} · attempt {attempt.Attempt} · {RunStatusStyles.LabelOf(attempt.Status)}");
        text.Append($"\nStarted at {RunTimes.Exact(attempt.StartedAt)}\nEnded at {RunTimes.Exact(attempt.EndedAt)}");
        text.Append($"\nDuration {RunStatusStyles.FormatDuration(ended - attempt.StartedAt)}");
        if (attempt.FailureReason is { } reason)
        {
            text.Append($"\n{(attempt.FailureKind is { } kind ? kind + ": " : "")}{reason}");
        }

        return text.ToString();
    }
}
