using System.Globalization;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>The time windows the executions list offers.</summary>
public enum TimeWindow
{
    All,
    LastHour,
    LastDay,
    LastWeek,
    Custom,
}

/// <summary>
/// What the executions list shows: one pipeline or all, some statuses or all, a time window. It round-trips
/// through the query string (<c>?pipeline=&amp;status=Failed,Stopped&amp;range=day</c>) so a filtered list can be
/// bookmarked and linked to.
/// </summary>
public sealed record ExecutionFilter(
    string? Pipeline = null,
    IReadOnlySet<ExecutionStatus>? Statuses = null,
    TimeWindow Window = TimeWindow.All,
    DateOnly? From = null,
    DateOnly? To = null)
{
    private static readonly Dictionary<TimeWindow, string> WindowNames = new()
    {
        [TimeWindow.All] = "all",
        [TimeWindow.LastHour] = "hour",
        [TimeWindow.LastDay] = "day",
        [TimeWindow.LastWeek] = "week",
        [TimeWindow.Custom] = "custom",
    };

    public IReadOnlySet<ExecutionStatus> StatusSet => Statuses ?? new HashSet<ExecutionStatus>();

    public bool IsEmpty => Pipeline is null && StatusSet.Count == 0 && Window == TimeWindow.All;

    public static string LabelOf(TimeWindow window) => window switch
    {
        TimeWindow.LastHour => "Last hour",
        TimeWindow.LastDay => "Last 24 hours",
        TimeWindow.LastWeek => "Last 7 days",
        TimeWindow.Custom => "Between dates",
        _ => "Any time",
    };

    /// <summary>The creation-time bounds at <paramref name="now"/>: after is exclusive, before exclusive (the day after To).</summary>
    public (DateTimeOffset? After, DateTimeOffset? Before) Bounds(DateTimeOffset now) => Window switch
    {
        TimeWindow.LastHour => (now.AddHours(-1), null),
        TimeWindow.LastDay => (now.AddDays(-1), null),
        TimeWindow.LastWeek => (now.AddDays(-7), null),
        TimeWindow.Custom => (
            From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1) : null,
            To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null),
        _ => (null, null),
    };

    public ExecutionQuery ToQuery(DateTimeOffset now, int limit, int offset)
    {
        var (after, before) = Bounds(now);
        return new ExecutionQuery(Pipeline, StatusSet.Count > 0 ? StatusSet.ToList() : null, after, before, limit, offset);
    }

    /// <summary>Whether an execution that appeared after loading belongs in the list.</summary>
    public bool Matches(ExecutionRecord execution, DateTimeOffset now)
    {
        var (after, before) = Bounds(now);
        return (Pipeline is null || execution.PipelineName == Pipeline)
            && (StatusSet.Count == 0 || StatusSet.Contains(execution.Status))
            && (after is null || execution.CreatedAt > after)
            && (before is null || execution.CreatedAt < before);
    }

    /// <summary>The query string for this filter (empty for no filter), without the leading '?'.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Pipeline is not null)
        {
            parts.Add("pipeline=" + Uri.EscapeDataString(Pipeline));
        }

        if (StatusSet.Count > 0)
        {
            parts.Add("status=" + string.Join(",", StatusSet.Order()));
        }

        if (Window != TimeWindow.All)
        {
            parts.Add("range=" + WindowNames[Window]);
        }

        if (Window == TimeWindow.Custom)
        {
            if (From is { } from)
            {
                parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (To is { } to)
            {
                parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return string.Join("&", parts);
    }

    /// <summary>Reads the query-string values; anything unreadable is ignored rather than refused.</summary>
    public static ExecutionFilter Parse(string? pipeline, string? status, string? range, string? from, string? to)
    {
        var statuses = new HashSet<ExecutionStatus>();
        foreach (var part in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<ExecutionStatus>(part, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                statuses.Add(parsed);
            }
        }

        var window = WindowNames.FirstOrDefault(w => string.Equals(w.Value, range, StringComparison.OrdinalIgnoreCase)).Key;
        return new ExecutionFilter(
            string.IsNullOrWhiteSpace(pipeline) ? null : pipeline.Trim(), statuses, window, ParseDate(from), ParseDate(to));
    }

    public bool SameAs(ExecutionFilter other) =>
        Pipeline == other.Pipeline && StatusSet.SetEquals(other.StatusSet) && Window == other.Window
        && (Window != TimeWindow.Custom || (From == other.From && To == other.To));

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
