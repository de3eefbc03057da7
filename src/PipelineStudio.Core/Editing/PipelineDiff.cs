using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Editing;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One changed value: <see cref="Path"/> is relative to the step or parameter (e.g. <c>Arguments.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri</c>).</summary>
public sealed record FieldChange(string Path, JsonNode? Old, JsonNode? New)
{
    public ChangeKind Kind => Old is null ? ChangeKind.Added : New is null ? ChangeKind.Removed : ChangeKind.Changed;
}

/// <summary>A step added, removed or changed between two versions; <see cref="Fields"/> lists what changed in a changed step.</summary>
public sealed record StepChange(string Name, string? Type, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);

/// <summary>A parameter added, removed or changed; <see cref="Fields"/> lists changed members (Type, DefaultValue, EnumValues...).</summary>
public sealed record ParameterChange(string Name, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);

/// <summary>The structural difference between two definitions.</summary>
/// <param name="Steps">Changed steps in the newer version's order, then removed steps in the older version's order.</param>
/// <param name="Parameters">Same ordering, for parameters.</param>
/// <param name="Document">Changes of the other top-level members (Version, Metadata, PipelineExperimentConfig...).</param>
public sealed record PipelineDiffResult(IReadOnlyList<StepChange> Steps, IReadOnlyList<ParameterChange> Parameters, IReadOnlyList<FieldChange> Document)
{
    public bool IsEmpty => Steps.Count == 0 && Parameters.Count == 0 && Document.Count == 0;
}

/// <summary>
/// Compares two definitions by meaning rather than text: steps and parameters are matched by name
/// (branch steps included, wherever they sit), key order is ignored, lists of named items (outputs,
/// inputs, channels...) are matched by name, and expressions are compared as whole values. A Condition's
/// branches appear as the list of step names in each, so moving a step between branches shows on the condition.
/// </summary>
public static class PipelineDiff
{
    public static PipelineDiffResult Compare(PipelineDefinition from, PipelineDefinition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return new PipelineDiffResult(CompareSteps(from, to), CompareParameters(from, to), CompareDocument(from, to));
    }

    private static List<StepChange> CompareSteps(PipelineDefinition from, PipelineDefinition to)
    {
        var oldSteps = ByKey(from.AllSteps, s => s.Name ?? s.JsonPath);
        var newSteps = ByKey(to.AllSteps, s => s.Name ?? s.JsonPath);
        var changes = new List<StepChange>();
        foreach (var (key, step) in newSteps)
        {
            if (!oldSteps.TryGetValue(key, out var old))
            {
                changes.Add(new StepChange(key, step.Type, ChangeKind.Added, []));
                continue;
            }

            var fields = new List<FieldChange>();
            JsonDiff.Compare(Comparable(old), Comparable(step), "", fields);
            if (fields.Count > 0)
            {
                changes.Add(new StepChange(key, step.Type, ChangeKind.Changed, fields));
            }
        }

        changes.AddRange(oldSteps.Where(p => !newSteps.ContainsKey(p.Key)).Select(p => new StepChange(p.Key, p.Value.Type, ChangeKind.Removed, [])));
        return changes;
    }

    private static List<ParameterChange> CompareParameters(PipelineDefinition from, PipelineDefinition to)
    {
        var oldParameters = ByKey(from.Parameters, p => p.Name ?? p.JsonPath);
        var newParameters = ByKey(to.Parameters, p => p.Name ?? p.JsonPath);
        var changes = new List<ParameterChange>();
        foreach (var (key, parameter) in newParameters)
        {
            if (!oldParameters.TryGetValue(key, out var old))
            {
                changes.Add(new ParameterChange(key, ChangeKind.Added, []));
                continue;
            }

            var fields = new List<FieldChange>();
            JsonDiff.Compare(Entry(from, old.JsonPath), Entry(to, parameter.JsonPath), "", fields);
            if (fields.Count > 0)
            {
                changes.Add(new ParameterChange(key, ChangeKind.Changed, fields));
            }
        }

        changes.AddRange(oldParameters.Where(p => !newParameters.ContainsKey(p.Key)).Select(p => new ParameterChange(p.Key, ChangeKind.Removed, [])));
        return changes;
    }

    private static List<FieldChange> CompareDocument(PipelineDefinition from, PipelineDefinition to)
    {
        var changes = new List<FieldChange>();
        JsonDiff.Compare(WithoutStepsAndParameters(from.Json), WithoutStepsAndParameters(to.Json), "", changes);
        return changes;
    }

    /// <summary>The step with its branch steps replaced by their names: they are compared as steps of their own.</summary>
    private static JsonObject Comparable(StepDefinition step)
    {
        if (!step.IsCondition || step.Arguments is not JsonObject args)
        {
            return step.Json;
        }

        var copy = new JsonObject();
        foreach (var (key, value) in step.Json)
        {
            copy[key] = key == "Arguments" ? null : value?.DeepClone();
        }

        var arguments = new JsonObject();
        foreach (var (key, value) in args)
        {
            arguments[key] = key is "IfSteps" or "ElseSteps" && value is JsonArray branch
                ? new JsonArray(branch.Select(s => (JsonNode?)(s is JsonObject o ? JsonRead.String(o, "Name") : null)).ToArray())
                : value?.DeepClone();
        }

        copy["Arguments"] = arguments;
        return copy;
    }

    private static JsonNode? Entry(PipelineDefinition definition, string jsonPath)
    {
        // Parameter paths are "$.Parameters[i]".
        var index = int.Parse(jsonPath["$.Parameters[".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        return (definition.Json["Parameters"] as JsonArray)?[index];
    }

    private static JsonObject WithoutStepsAndParameters(JsonObject json)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in json)
        {
            if (key is not ("Steps" or "Parameters"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>First occurrence wins (duplicates are a validation error), in document order.</summary>
    private static Dictionary<string, T> ByKey<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            result.TryAdd(key(item), item);
        }

        return result;
    }
}
