using System.Diagnostics;
using System.Globalization;

namespace PageResponse;

/// <summary>Count, p50, p95 and max of a set of timings in milliseconds (nearest rank).</summary>
public sealed record Timings(int Count, double P50, double P95, double Max)
{
    public static Timings Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count == 0
            ? new Timings(0, double.NaN, double.NaN, double.NaN)
            : new Timings(sorted.Count, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    public override string ToString() => Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count}, p50 {P50:F0} ms, p95 {P95:F0} ms, max {Max:F0} ms");

    private static double Rank(List<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>The machine's 1-minute load average, sampled every two seconds while a phase runs: its range goes next to each figure.</summary>
public sealed class LoadWindow : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly List<double> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private LoadWindow()
    {
        _samples.Add(Current());
        _sampling = SampleAsync();
    }

    public static LoadWindow Start() => new();

    /// <summary>The 1-minute load average now, from /proc/loadavg.</summary>
    public static double Current() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    public override string ToString()
    {
        lock (_samples)
        {
            return string.Create(CultureInfo.InvariantCulture, $"load {_samples.Min():F1}-{_samples.Max():F1}");
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), _stop.Token);
                lock (_samples)
                {
                    _samples.Add(Current());
                }
            }
        }
        catch (OperationCanceledException)
        {
            lock (_samples)
            {
                _samples.Add(Current());
            }
        }
    }
}
