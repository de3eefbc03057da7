using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Editing;

/// <summary>
/// Rewrites what points at a step by name: <c>DependsOn</c> entries and <c>{"Get": "Steps.X..."}</c>
/// references. Iterative over the JSON tree, so deep documents cannot overflow the stack.
/// </summary>
public static class StepReferences
{
    /// <summary>Removes every DependsOn entry naming one of <paramref name="names"/>; an emptied DependsOn is dropped.</summary>
    public static void RemoveDependsOn(JsonObject root, IReadOnlySet<string> names)
    {
        foreach (var slot in StepTree.All(root).ToList())
        {
            if (slot.Step["DependsOn"] is not JsonArray dependsOn)
            {
                continue;
            }

            for (var i = dependsOn.Count - 1; i >= 0; i--)
            {
                if (JsonRead.AsString(dependsOn[i]) is { } target && names.Contains(target))
                {
                    dependsOn.RemoveAt(i);
                }
            }

            if (dependsOn.Count == 0)
            {
                slot.Step.Remove("DependsOn");
            }
        }
    }

    /// <summary>Renames step <paramref name="from"/> to <paramref name="to"/> in every DependsOn and step reference under <paramref name="scope"/>.</summary>
    public static void Rename(JsonNode scope, string from, string to) =>
        Rename(scope, new Dictionary<string, string>(StringComparer.Ordinal) { [from] = to });

    /// <summary>Applies several renames at once (a paste renames every pasted step).</summary>
    public static void Rename(JsonNode scope, IReadOnlyDictionary<string, string> renames)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(scope);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    if (obj.Count == 1 && obj[ExpressionScanner.GetKey] is JsonValue get && JsonRead.AsString(get) is { } path
                        && RenamedPath(path, renames) is { } renamed)
                    {
                        obj[ExpressionScanner.GetKey] = renamed;
                        continue;
                    }

                    if (obj["DependsOn"] is JsonArray dependsOn && obj.ContainsKey("Name") && obj.ContainsKey("Type"))
                    {
                        for (var i = 0; i < dependsOn.Count; i++)
                        {
                            if (JsonRead.AsString(dependsOn[i]) is { } target && renames.TryGetValue(target, out var newName))
                            {
                                dependsOn[i] = newName;
                            }
                        }
                    }

                    foreach (var (_, value) in obj)
                    {
                        if (value is not null)
                        {
                            stack.Push(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            stack.Push(item);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The names of steps this step object refers to with <c>Get</c> (branch steps of a condition excluded).</summary>
    public static IReadOnlySet<string> ReferencedSteps(JsonObject step)
    {
        var skip = JsonRead.String(step, "Type") == StepTypes.Condition && step["Arguments"] is JsonObject args
            ? new HashSet<JsonNode?>(ReferenceEqualityComparer.Instance) { args["IfSteps"], args["ElseSteps"] }
            : null;
        return ExpressionScanner.Scan(step, "$", skip).References
            .Where(r => r.Kind == ReferenceKind.Step)
            .Select(r => r.Target)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string? RenamedPath(string path, IReadOnlyDictionary<string, string> renames)
    {
        var reference = ExpressionReference.Parse(path, "$");
        if (reference.Kind != ReferenceKind.Step || !renames.TryGetValue(reference.Target, out var newName))
        {
            return null;
        }

        // Everything after the name ("." or "[" onwards) is kept as written.
        return "Steps." + newName + path["Steps.".Length..][reference.Target.Length..];
    }
}
