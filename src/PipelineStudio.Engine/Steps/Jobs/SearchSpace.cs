using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>One of a tuning job's ParameterRanges.</summary>
public sealed record ParameterRange(string Name, ParameterKind Kind, double Min, double Max, string ScalingType, IReadOnlyList<string> Values);

public enum ParameterKind
{
    Integer,
    Continuous,
    Categorical,
}

/// <summary>
/// The hyperparameter sets a tuning job tries. Grid enumerates every combination of categorical values (and
/// of integer ranges, one value per integer); Random samples each range (Linear, Logarithmic and
/// ReverseLogarithmic scaling; Auto is Linear). Values are strings, as TunedHyperParameters holds them.
/// </summary>
public static class SearchSpace
{
    private const int MaxGridSize = 10_000;

    /// <summary>Reads HyperParameterTuningJobConfig.ParameterRanges; a malformed range throws <see cref="ArgumentException"/> naming it.</summary>
    public static IReadOnlyList<ParameterRange> Read(JsonNode? parameterRanges)
    {
        var ranges = new List<ParameterRange>();
        if (parameterRanges is not JsonObject obj)
        {
            return ranges;
        }

        foreach (var range in JsonRead.Objects(obj["IntegerParameterRanges"]))
        {
            ranges.Add(ReadNumeric(range, ParameterKind.Integer));
        }

        foreach (var range in JsonRead.Objects(obj["ContinuousParameterRanges"]))
        {
            ranges.Add(ReadNumeric(range, ParameterKind.Continuous));
        }

        foreach (var range in JsonRead.Objects(obj["CategoricalParameterRanges"]))
        {
            var name = RequireName(range);
            var values = (range["Values"] as JsonArray ?? []).Select(ValueText).OfType<string>().ToList();
            if (values.Count == 0)
            {
                throw new ArgumentException($"Categorical parameter range '{name}' has no Values.");
            }

            ranges.Add(new ParameterRange(name, ParameterKind.Categorical, 0, 0, "Auto", values));
        }

        return ranges;
    }

    /// <summary>Every combination, first range varying slowest, at most <paramref name="maxJobs"/> of them when given.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Grid(IReadOnlyList<ParameterRange> ranges, int? maxJobs)
    {
        var axes = ranges.Select(r => (r.Name, Values: GridValues(r))).ToList();
        long size = axes.Aggregate(1L, (product, axis) => Math.Min(product * axis.Values.Count, long.MaxValue / 2));
        if (size > MaxGridSize)
        {
            throw new ArgumentException($"The grid has {size} combinations; at most {MaxGridSize} are run locally. Narrow the ranges.");
        }

        IEnumerable<Dictionary<string, string>> combinations = [new Dictionary<string, string>(StringComparer.Ordinal)];
        foreach (var (name, values) in axes)
        {
            combinations = combinations.SelectMany(c => values.Select(v => new Dictionary<string, string>(c, StringComparer.Ordinal) { [name] = v }));
        }

        var all = combinations.ToList<IReadOnlyDictionary<string, string>>();
        return maxJobs is { } max && max < all.Count ? all.Take(max).ToList() : all;
    }

    /// <summary><paramref name="count"/> independent random draws over the ranges.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Random(IReadOnlyList<ParameterRange> ranges, int count, Random random)
    {
        var sets = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 0; i < count; i++)
        {
            sets.Add(ranges.ToDictionary(r => r.Name, r => Draw(r, random), StringComparer.Ordinal));
        }

        return sets;
    }

    private static string Draw(ParameterRange range, Random random)
    {
        switch (range.Kind)
        {
            case ParameterKind.Categorical:
                return range.Values[random.Next(range.Values.Count)];
            case ParameterKind.Integer:
                var drawn = Scale(range, random.NextDouble(), range.Min, range.Max + 1);
                return ((long)Math.Min(Math.Floor(drawn), range.Max)).ToString(CultureInfo.InvariantCulture);
            default:
                return Scale(range, random.NextDouble(), range.Min, range.Max).ToString("R", CultureInfo.InvariantCulture);
        }
    }

    // u is uniform in [0,1); the scaling decides how it spreads over [min, max).
    private static double Scale(ParameterRange range, double u, double min, double max) => range.ScalingType switch
    {
        "Logarithmic" when min > 0 => Math.Exp(Math.Log(min) + (u * (Math.Log(max) - Math.Log(min)))),
        "ReverseLogarithmic" when max < 1 => 1 - Math.Exp(Math.Log(1 - min) + (u * (Math.Log(1 - max) - Math.Log(1 - min)))),
        _ => min + (u * (max - min)),
    };

    private static IReadOnlyList<string> GridValues(ParameterRange range) => range.Kind switch
    {
        ParameterKind.Categorical => range.Values,
        ParameterKind.Integer when range.Max - range.Min < MaxGridSize =>
            [.. Enumerable.Range(0, (int)(range.Max - range.Min) + 1).Select(i => ((long)range.Min + i).ToString(CultureInfo.InvariantCulture))],
        ParameterKind.Integer => throw new ArgumentException($"Integer range '{range.Name}' is too wide for a grid search."),
        _ => throw new ArgumentException(
            $"Grid search cannot enumerate the continuous range '{range.Name}'; use categorical values or the Random strategy."),
    };

    private static ParameterRange ReadNumeric(JsonObject range, ParameterKind kind)
    {
        var name = RequireName(range);
        var min = Number(range["MinValue"]);
        var max = Number(range["MaxValue"]);
        if (min is null || max is null || min > max)
        {
            throw new ArgumentException($"{kind} parameter range '{name}' needs numeric MinValue <= MaxValue.");
        }

        if (kind == ParameterKind.Integer && (min != Math.Floor(min.Value) || max != Math.Floor(max.Value)))
        {
            throw new ArgumentException($"Integer parameter range '{name}' needs whole-number bounds.");
        }

        return new ParameterRange(name, kind, min.Value, max.Value, JsonRead.String(range, "ScalingType") ?? "Auto", []);
    }

    private static string RequireName(JsonObject range) =>
        JsonRead.String(range, "Name") is { Length: > 0 } name ? name : throw new ArgumentException("A parameter range has no Name.");

    private static string? ValueText(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static double? Number(JsonNode? node) =>
        ValueText(node) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
