using System.Globalization;

namespace PipelineStudio.Web.Model;

/// <summary>Exact run times for hover texts: to the millisecond, in UTC like every stored time.</summary>
public static class RunTimes
{
    public static string Exact(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    public static string Exact(DateTimeOffset? time) => time is { } t ? Exact(t) : "—";
}
