using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// A training job's MetricDefinitions ({Name, Regex}) applied to its log lines as they come; the last match of
/// each metric wins, as in the FinalMetricDataList SageMaker reports. The value is the regex's first group.
/// </summary>
public sealed class MetricDefinitions
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly IReadOnlyList<(string Name, Regex Pattern)> _definitions;
    private readonly Dictionary<string, (double Value, DateTimeOffset At)> _latest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private MetricDefinitions(IReadOnlyList<(string, Regex)> definitions)
    {
        _definitions = definitions;
    }

    /// <summary>Builds from the MetricDefinitions array; a definition without a name or with a bad regex throws naming it.</summary>
    public static MetricDefinitions From(JsonNode? metricDefinitions)
    {
        var definitions = new List<(string, Regex)>();
        foreach (var definition in JsonRead.Objects(metricDefinitions))
        {
            var name = JsonRead.String(definition, "Name");
            var regex = JsonRead.String(definition, "Regex");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(regex))
            {
                throw new ArgumentException("Each MetricDefinitions entry needs a Name and a Regex.");
            }

            try
            {
                definitions.Add((name, new Regex(regex, RegexOptions.CultureInvariant, MatchTimeout)));
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"MetricDefinitions '{name}': '{regex}' is not a valid regular expression: {ex.Message}", ex);
            }
        }

        return new MetricDefinitions(definitions);
    }

    public int Count => _definitions.Count;

    /// <summary>Reads one log line; may be called from the process's output threads.</summary>
    public void Observe(string line, DateTimeOffset at)
    {
        foreach (var (name, pattern) in _definitions)
        {
            Match match;
            try
            {
                match = pattern.Match(line);
            }
            catch (RegexMatchTimeoutException)
            {
                continue; // a pathological line must not stall the job's output
            }

            var text = match.Success && match.Groups.Count > 1 ? match.Groups[1].Value : null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                lock (_gate)
                {
                    _latest[name] = (value, at);
                }
            }
        }
    }

    /// <summary>The last value of a metric, or null when the log never matched it.</summary>
    public double? Latest(string name)
    {
        lock (_gate)
        {
            return _latest.TryGetValue(name, out var entry) ? entry.Value : null;
        }
    }

    /// <summary>FinalMetricDataList: [{MetricName, Value, Timestamp}] in definition order, matched metrics only.</summary>
    public JsonArray ToFinalMetricDataList()
    {
        var list = new JsonArray();
        lock (_gate)
        {
            foreach (var (name, _) in _definitions)
            {
                if (_latest.TryGetValue(name, out var entry))
                {
                    list.Add(new JsonObject
                    {
                        ["MetricName"] = name,
                        ["Value"] = entry.Value,
                        ["Timestamp"] = ExecutionVariables.FormatDateTime(entry.At),
                    });
                }
            }
        }

        return list;
    }
}
