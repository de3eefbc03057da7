using System.Diagnostics;
using System.Net;

namespace PageResponse;

/// <summary>
/// Loads one page over and over as a browser's first request does: a full GET of the prerendered HTML, timed to the
/// last byte, one at a time with a pause between, on its own keep-alive connection (as a browser tab has).
/// </summary>
public sealed class PageSampler(Uri address, string label)
{
    private readonly List<double> _samples = [];
    private readonly List<long> _sizes = [];

    public string Label { get; } = label;

    public int Errors { get; private set; }

    public string? LastError { get; private set; }

    public Timings Timings => Timings.Of(_samples);

    public long MedianBytes => _sizes.Count == 0 ? 0 : _sizes.Order().ElementAt(_sizes.Count / 2);

    /// <summary>Requests the page <paramref name="path"/> gives (asked afresh each time) until <paramref name="stop"/>.</summary>
    public async Task RunAsync(Func<string?> path, TimeSpan pause, CancellationToken stop)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        while (!stop.IsCancellationRequested)
        {
            if (path() is { } target)
            {
                await SampleAsync(client, target);
            }

            try
            {
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One timed load; returns its time in ms, or null when it failed.</summary>
    public async Task<double?> SampleAsync(HttpClient client, string target)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(target, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Fail($"{target}: {(int)response.StatusCode}");
                return null;
            }

            _samples.Add(elapsed);
            _sizes.Add(body.LongLength);
            return elapsed;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Fail($"{target}: {ex.Message}");
            return null;
        }
    }

    private void Fail(string error)
    {
        Errors++;
        LastError = error;
    }
}
