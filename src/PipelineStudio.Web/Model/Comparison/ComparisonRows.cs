using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model.Comparison;

/// <summary>One parameter across the compared executions; a value is null where that execution's pipeline has no such parameter.</summary>
public sealed record ParameterRow(string Name, IReadOnlyList<string?> Values)
{
    public bool Differs => Values.Distinct().Skip(1).Any();

    /// <summary>Whether this column's value differs from the first (baseline) column's.</summary>
    public bool DiffersFromBaseline(int column) => column > 0 && Values[column] != Values[0];
}

/// <summary>One metric across the compared executions; a value is null where that execution did not produce it.</summary>
/// <param name="Source">Where the first execution that has it read it from (step, property file or model package).</param>
public sealed record MetricRow(string Name, string Source, bool HigherIsBetter, IReadOnlyList<double?> Values)
{
    /// <summary>
    /// The columns holding the best value. Empty when fewer than two executions have the metric or all have the
    /// same value: a star on every cell would say nothing.
    /// </summary>
    public IReadOnlySet<int> Best { get; } = FindBest(Values, HigherIsBetter);

    /// <summary>This column's value minus the baseline's, when both exist.</summary>
    public double? DifferenceFromBaseline(int column) =>
        column > 0 && Values[column] is { } value && Values[0] is { } baseline ? value - baseline : null;

    private static HashSet<int> FindBest(IReadOnlyList<double?> values, bool higherIsBetter)
    {
        var present = values.Select((v, i) => (Value: v, Index: i)).Where(x => x.Value is not null).ToList();
        if (present.Count < 2 || present.Select(x => x.Value).Distinct().Count() == 1)
        {
            return [];
        }

        var best = higherIsBetter ? present.Max(x => x.Value) : present.Min(x => x.Value);
        return [.. present.Where(x => x.Value == best).Select(x => x.Index)];
    }
}

/// <summary>How one step went in one execution.</summary>
/// <param name="Duration">From start to end; null while running or when it never started.</param>
/// <param name="CacheHitSource">The earlier execution whose outputs it reused, for a cache hit.</param>
public sealed record StepCell(StepStatus Status, TimeSpan? Duration, string? CacheHitSource, int Attempts)
{
    public bool IsCacheHit => CacheHitSource is not null;

    public static StepCell Of(StepRecord step) => new(
        step.Status,
        step.StartedAt is { } start && step.EndedAt is { } end && end >= start ? end - start : null,
        step.CacheHitSourceExecutionId,
        step.AttemptCount);
}

/// <summary>One step name across the compared executions; a cell is null where that execution has no such step.</summary>
public sealed record StepRow(string Name, string StepType, IReadOnlyList<StepCell?> Cells);

/// <summary>How many of an execution's steps reused cached outputs, of those that ran or were reused.</summary>
public sealed record CacheSummary(int Hits, int Steps);
