using System.Globalization;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Sweeps;

/// <summary>
/// Expands a <see cref="SweepSpec"/> into parameter sets. Pure and never throws: a spec that cannot be expanded
/// (unequal zip lists, an endless range, too many executions) becomes problems naming the parameter, and each
/// member is checked with <see cref="ParameterBinder"/>, the same check the engine makes before it starts one.
/// </summary>
public static class SweepPlanner
{
    /// <summary>More executions than this in one sweep is almost surely a typo in a range.</summary>
    public const int DefaultMaxSize = 1000;

    public static SweepPlan Plan(SweepSpec spec, PipelineDefinition? definition = null, int maxSize = DefaultMaxSize)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        if (spec.Axes.Count == 0)
        {
            return new SweepPlan([], ["Choose at least one parameter to vary."]);
        }

        var types = TypesOf(definition);
        var axes = new List<(string Name, IReadOnlyList<string> Values)>();
        foreach (var axis in spec.Axes)
        {
            if (axes.Any(a => a.Name == axis.Parameter))
            {
                problems.Add($"Parameter '{axis.Parameter}' is varied twice; vary each parameter once.");
                continue;
            }

            var values = ValuesOf(axis, types.GetValueOrDefault(axis.Parameter), maxSize, problems);
            if (values is not null)
            {
                axes.Add((axis.Parameter, values));
            }
        }

        if (problems.Count > 0)
        {
            return new SweepPlan([], problems);
        }

        if (SizeProblem(spec.Mode, axes, maxSize) is { } sizeProblem)
        {
            return new SweepPlan([], [sizeProblem]);
        }

        var combinations = spec.Mode == SweepMode.Zip ? Zip(axes) : Grid(axes);
        var members = combinations.Select((values, index) => Member(index, spec.Fixed, axes, values, definition)).ToList();
        return new SweepPlan(members, []);
    }

    /// <summary>The values of a range as parameter text, without float drift; null with a problem when it cannot be expanded.</summary>
    public static IReadOnlyList<string>? Expand(string parameter, SweepRange range, ParameterType? type, int maxSize, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(problems);
        if (type is ParameterType.String or ParameterType.Boolean)
        {
            problems.Add($"Parameter '{parameter}' is {type}; a range needs an Integer or Float parameter, so list its values instead.");
            return null;
        }

        if (type == ParameterType.Integer && (!IsWhole(range.Start) || !IsWhole(range.Stop) || !IsWhole(range.Step)))
        {
            problems.Add($"Parameter '{parameter}' is Integer; its range needs whole numbers (start {range.Start}, stop {range.Stop}, step {range.Step}).");
            return null;
        }

        if (range.Step == 0)
        {
            problems.Add($"Parameter '{parameter}': the step of a range cannot be 0.");
            return null;
        }

        if (range.Start != range.Stop && (range.Stop > range.Start) != (range.Step > 0))
        {
            problems.Add($"Parameter '{parameter}': a step of {range.Step} never gets from {range.Start} to {range.Stop}.");
            return null;
        }

        decimal count;
        try
        {
            count = decimal.Floor((range.Stop - range.Start) / range.Step) + 1;
        }
        catch (OverflowException)
        {
            count = decimal.MaxValue;
        }

        if (count > maxSize)
        {
            problems.Add($"Parameter '{parameter}': the range from {range.Start} to {range.Stop} by {range.Step} has more than {maxSize:N0} values.");
            return null;
        }

        var values = new List<string>((int)count);
        for (var i = 0; i < (int)count; i++)
        {
            // start + i*step rather than repeated addition: no error builds up, even in decimal's last digit.
            values.Add(Format(range.Start + (i * range.Step)));
        }

        return values;
    }

    /// <summary>Splits "1, 2, 3" into values; entries are trimmed and empty entries dropped.</summary>
    public static IReadOnlyList<string> ParseList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // "0.30" -> "0.3", "2.0" -> "2": decimal keeps trailing zeros of its inputs, parameter text should not.
    private static string Format(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static bool IsWhole(decimal value) => decimal.Truncate(value) == value;

    private static Dictionary<string, ParameterType?> TypesOf(PipelineDefinition? definition)
    {
        var types = new Dictionary<string, ParameterType?>(StringComparer.Ordinal);
        foreach (var parameter in definition?.Parameters ?? [])
        {
            if (parameter.Name is not null)
            {
                types.TryAdd(parameter.Name, parameter.Type);
            }
        }

        return types;
    }

    private static IReadOnlyList<string>? ValuesOf(SweepAxis axis, ParameterType? type, int maxSize, List<string> problems)
    {
        if (axis.Range is { } range)
        {
            return Expand(axis.Parameter, range, type, maxSize, problems);
        }

        if (axis.Values is not { Count: > 0 } values)
        {
            problems.Add($"Parameter '{axis.Parameter}' has no values to sweep; enter at least one.");
            return null;
        }

        if (values.Count > maxSize)
        {
            problems.Add($"Parameter '{axis.Parameter}' has {values.Count:N0} values; the limit is {maxSize:N0}.");
            return null;
        }

        return values;
    }

    private static string? SizeProblem(SweepMode mode, List<(string Name, IReadOnlyList<string> Values)> axes, int maxSize)
    {
        if (mode == SweepMode.Zip)
        {
            return axes.Select(a => a.Values.Count).Distinct().Count() == 1
                ? null
                : "Zip pairs the i-th values of each parameter, so every list needs the same length; here "
                    + string.Join(", ", axes.Select(a => $"{a.Name} has {a.Values.Count}")) + ". Use grid for every combination.";
        }

        // Multiply in long and stop early: ten ranges of 1,000 values would overflow an int.
        long size = 1;
        foreach (var (_, values) in axes)
        {
            size *= values.Count;
            if (size > maxSize)
            {
                return $"The grid has more than {maxSize:N0} combinations ({string.Join(" × ", axes.Select(a => a.Values.Count))}); "
                    + "vary fewer parameters or fewer values.";
            }
        }

        return null;
    }

    private static IEnumerable<IReadOnlyList<string>> Zip(List<(string Name, IReadOnlyList<string> Values)> axes)
    {
        for (var i = 0; i < axes[0].Values.Count; i++)
        {
            yield return axes.Select(a => a.Values[i]).ToList();
        }
    }

    private static IEnumerable<IReadOnlyList<string>> Grid(List<(string Name, IReadOnlyList<string> Values)> axes)
    {
        IEnumerable<IReadOnlyList<string>> combinations = [[]];
        foreach (var (_, values) in axes)
        {
            combinations = combinations.SelectMany(prefix => values.Select(v => (IReadOnlyList<string>)[.. prefix, v])).ToList();
        }

        return combinations;
    }

    private static SweepMemberPlan Member(
        int index, IReadOnlyDictionary<string, string> fixedValues, List<(string Name, IReadOnlyList<string> Values)> axes,
        IReadOnlyList<string> values, PipelineDefinition? definition)
    {
        var parameters = new Dictionary<string, string>(fixedValues, StringComparer.Ordinal);
        for (var i = 0; i < axes.Count; i++)
        {
            parameters[axes[i].Name] = values[i];
        }

        var problems = definition is null ? [] : ParameterBinder.Bind(definition, parameters).Problems;
        return new SweepMemberPlan(index, parameters, problems);
    }
}
