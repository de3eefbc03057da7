using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>The kinds of bar a timeline row draws.</summary>
public enum TimelineSegmentKind
{
    /// <summary>Ready to run, waiting for a free slot (QueuedAt to StartedAt).</summary>
    Queued,

    /// <summary>The step's whole life from start to end, drawn thin under its attempts (it shows retry waits).</summary>
    Span,

    /// <summary>One attempt; failed ones before a later attempt are the retries.</summary>
    Attempt,

    /// <summary>A step whose outputs came from the cache: it started and ended without an attempt.</summary>
    CacheHit,
}

/// <summary>One bar of a row, placed in percent of the timeline's width.</summary>
/// <param name="Live">Still growing: its end is "now".</param>
/// <param name="Tooltip">Exact times for hovering.</param>
public sealed record TimelineSegment(
    TimelineSegmentKind Kind, double Left, double Width, StepStatus Status, int? Attempt, bool Live, string Tooltip);

/// <summary>One step's row of the timeline.</summary>
/// <param name="ReusedFrom">The execution a selective run took this step's outputs from (it did not run here).</param>
/// <param name="Summary">A short text at the row's end: the duration, "cache hit", "not executed"...</param>
public sealed record TimelineRow(
    string StepName,
    string StepType,
    StepStatus Status,
    int AttemptCount,
    bool IsCritical,
    string? CacheHitSource,
    string? ReusedFrom,
    IReadOnlyList<TimelineSegment> Segments,
    string Summary,
    string Tooltip);

/// <summary>Everything the Gantt timeline draws for one execution at one moment.</summary>
/// <param name="NowPercent">Where "now" is while the execution runs; null once it ended.</param>
public sealed record ExecutionTimelineModel(
    TimelineAxis Axis, IReadOnlyList<TimelineRow> Rows, double? NowPercent, IReadOnlyList<string> CriticalPath)
{
    public bool HasCriticalPath => CriticalPath.Count > 0;
}
