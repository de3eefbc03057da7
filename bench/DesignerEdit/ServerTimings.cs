using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PipelineStudio.Web.Model.Designer;

namespace DesignerEdit;

/// <summary>
/// Listens, inside the studio's process, to Blazor's event and render metrics and to the designer's edit histogram,
/// and turns one drag's measurements into figures.
/// </summary>
internal sealed class ServerTimings : IDisposable
{
    private const string HandleEvent = "aspnetcore.components.handle_event.duration";
    private const string RenderDiff = "aspnetcore.components.render_diff.duration";
    private const string AttributeTag = "aspnetcore.components.attribute.name";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentDictionary<string, byte> _events = new();

    public ServerTimings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is HandleEvent or RenderDiff or DesignerMetrics.EditDurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Clear() => _measurements.Clear();

    public IEnumerable<string> EventNames() => _events.Keys.Order();

    /// <summary>
    /// The drag since <see cref="Clear"/>: server wall time from the pointer-up handler's start to the end of the
    /// last render diff after it (the batch goes out right after its diff), the designer's own edit time, the sum of
    /// render diffs after pointer-up, and each pointer-move's handler plus the render diff that followed it.
    /// </summary>
    public DragResult Drag(double browserRoundTrip)
    {
        var all = _measurements.ToList();
        var up = all.FindIndex(m => m.Instrument == HandleEvent && m.Event == "onpointerup");
        if (up < 0)
        {
            throw new InvalidOperationException($"No pointer-up event was measured; saw {all.Count} measurements.");
        }

        var upStart = all[up].EndedAt - Ticks(all[up].Milliseconds);
        var afterUp = all.Skip(up).ToList();
        var lastRender = afterUp.LastOrDefault(m => m.Instrument == RenderDiff) ?? all[up];
        // The move edit runs inside the pointer-up handler, so it is recorded before that handler's own duration.
        var edit = all.Where(m => m.Instrument == DesignerMetrics.EditDurationName).Sum(m => m.Milliseconds);
        var moves = new List<double>();
        for (var i = 0; i < up; i++)
        {
            if (all[i].Instrument == HandleEvent && all[i].Event == "onpointermove")
            {
                var render = all.Skip(i + 1).Take(up - i - 1).TakeWhile(m => m.Instrument != HandleEvent).Where(m => m.Instrument == RenderDiff);
                moves.Add(all[i].Milliseconds + render.Sum(m => m.Milliseconds));
            }
        }

        return new DragResult(
            all[up].Milliseconds,
            Stopwatch.GetElapsedTime(upStart, lastRender.EndedAt).TotalMilliseconds,
            edit,
            afterUp.Where(m => m.Instrument == RenderDiff).Sum(m => m.Milliseconds),
            moves,
            browserRoundTrip);
    }

    public void Dispose() => _listener.Dispose();

    private static long Ticks(double milliseconds) => (long)(milliseconds * Stopwatch.Frequency / 1000);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? name = null;
        foreach (var tag in tags)
        {
            if (tag.Key == AttributeTag)
            {
                name = tag.Value?.ToString();
            }
        }

        if (name is not null)
        {
            _events.TryAdd(name, 0);
        }

        var milliseconds = instrument.Unit == "s" ? value * 1000 : value;
        _measurements.Enqueue(new Measurement(instrument.Name, name, milliseconds, Stopwatch.GetTimestamp()));
    }

    private sealed record Measurement(string Instrument, string? Event, double Milliseconds, long EndedAt);
}
