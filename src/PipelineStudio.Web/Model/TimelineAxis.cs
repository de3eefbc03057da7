using System.Globalization;

namespace PipelineStudio.Web.Model;

/// <summary>A tick of the timeline's time axis: where it sits (percent of the width) and its label.</summary>
public sealed record TimelineTick(double Percent, string Label);

/// <summary>The time range a timeline shows and the ticks along it, at round steps (1 s, 5 s, 1 min, ...).</summary>
public sealed record TimelineAxis(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<TimelineTick> Ticks)
{
    private const int MaxTicks = 8;

    /// <summary>The shortest range shown, so a run of a few milliseconds does not draw one bar across the whole width.</summary>
    public static readonly TimeSpan MinimumSpan = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan[] Steps =
    [
        .. new[] { 100, 200, 500 }.Select(ms => TimeSpan.FromMilliseconds(ms)),
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(s => TimeSpan.FromSeconds(s)),
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(m => TimeSpan.FromMinutes(m)),
        .. new[] { 1, 2, 3, 6, 12, 24, 48 }.Select(h => TimeSpan.FromHours(h)),
    ];

    public TimeSpan Span => End - Start;

    /// <summary>Where <paramref name="time"/> falls, in percent of the width, clamped to the range.</summary>
    public double PercentOf(DateTimeOffset time) =>
        Math.Clamp((time - Start).TotalMilliseconds / Span.TotalMilliseconds * 100, 0, 100);

    /// <summary>An axis from <paramref name="start"/> to <paramref name="end"/> (at least <see cref="MinimumSpan"/>).</summary>
    public static TimelineAxis Create(DateTimeOffset start, DateTimeOffset end)
    {
        if (end - start < MinimumSpan)
        {
            end = start + MinimumSpan;
        }

        var span = end - start;
        var step = StepFor(span);
        var ticks = new List<TimelineTick>();
        for (var offset = TimeSpan.Zero; offset <= span; offset += step)
        {
            ticks.Add(new TimelineTick(offset / span * 100, FormatOffset(offset)));
        }

        return new TimelineAxis(start, end, ticks);
    }

    /// <summary>
    /// An axis for a running execution: the range reaches past <paramref name="now"/> to a round step, so
    /// the "now" line walks right as time passes instead of everything being squeezed on every tick.
    /// </summary>
    public static TimelineAxis Growing(DateTimeOffset start, DateTimeOffset now)
    {
        var elapsed = now - start;
        var headroom = elapsed < MinimumSpan ? MinimumSpan : elapsed * 1.2;
        var step = StepFor(headroom);
        var rounded = TimeSpan.FromTicks((long)Math.Ceiling((double)headroom.Ticks / step.Ticks) * step.Ticks);
        return Create(start, start + rounded);
    }

    /// <summary>"0 s", "500 ms", "15 s", "1 min 30 s", "2 h": offsets from the execution's start.</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "0 s";
        }

        if (offset < TimeSpan.FromSeconds(1))
        {
            return $"{(int)offset.TotalMilliseconds} ms";
        }

        if (offset < TimeSpan.FromMinutes(1))
        {
            return offset.TotalSeconds.ToString("0.# 's'", CultureInfo.InvariantCulture);
        }

        if (offset < TimeSpan.FromHours(1))
        {
            return offset.Seconds == 0 ? $"{(int)offset.TotalMinutes} min" : $"{(int)offset.TotalMinutes} min {offset.Seconds} s";
        }

        return offset.Minutes == 0 ? $"{(int)offset.TotalHours} h" : $"{(int)offset.TotalHours} h {offset.Minutes} min";
    }

    private static TimeSpan StepFor(TimeSpan span)
    {
        foreach (var step in Steps)
        {
            if (span / step <= MaxTicks)
            {
                return step;
            }
        }

        // Past the table (runs of weeks): whole days.
        return TimeSpan.FromDays(Math.Ceiling(span.TotalDays / MaxTicks));
    }
}
