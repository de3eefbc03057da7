using System.Globalization;

namespace PipelineStudio.Web.Model;

/// <summary>Humanized times for lists ("5 minutes ago"); the exact time goes into a tooltip.</summary>
public static class TimeAgo
{
    public static string Format(DateTimeOffset then, DateTimeOffset now)
    {
        var elapsed = now - then;
        if (elapsed < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        if (elapsed < TimeSpan.FromHours(1))
        {
            return Plural((int)elapsed.TotalMinutes, "minute");
        }

        if (elapsed < TimeSpan.FromDays(1))
        {
            return Plural((int)elapsed.TotalHours, "hour");
        }

        if (elapsed < TimeSpan.FromDays(2))
        {
            return "yesterday";
        }

        return elapsed < TimeSpan.FromDays(30)
            ? Plural((int)elapsed.TotalDays, "day")
            : then.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>The exact time in UTC, for tooltips and titles.</summary>
    public static string Exact(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit} ago" : $"{count} {unit}s ago";
}
