using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Editing;

/// <summary>One step object in the document and the array that holds it.</summary>
/// <param name="Step">The step object itself.</param>
/// <param name="Container">The <c>Steps</c>, <c>IfSteps</c> or <c>ElseSteps</c> array it sits in.</param>
/// <param name="Location">Where that array is.</param>
public sealed record StepSlot(JsonObject Step, JsonArray Container, StepLocation Location)
{
    public string? Name => JsonRead.String(Step, "Name");
}

/// <summary>
/// Walks the step objects of a definition document, branches included, without the typed view: edits
/// change the document in place, and the typed view is rebuilt from it afterwards.
/// </summary>
public static class StepTree
{
    /// <summary>Every step object, depth first in document order. Iterative: nesting depth cannot overflow the stack.</summary>
    public static IEnumerable<StepSlot> All(JsonObject root) =>
        root["Steps"] is JsonArray top ? Walk(top, StepLocation.TopLevel) : [];

    /// <summary>The step itself and every step nested in its branches, however deep.</summary>
    public static IEnumerable<StepSlot> Subtree(StepSlot slot)
    {
        yield return slot;
        if (slot.Name is not { } name)
        {
            yield break;
        }

        foreach (var branch in new[] { ConditionBranch.If, ConditionBranch.Else })
        {
            if (BranchOf(slot.Step, branch) is { } steps)
            {
                foreach (var nested in Walk(steps, StepLocation.InBranch(name, branch)))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<StepSlot> Walk(JsonArray start, StepLocation startLocation)
    {
        var stack = new Stack<(JsonArray Array, StepLocation Location, int Index)>();
        stack.Push((start, startLocation, 0));
        while (stack.Count > 0)
        {
            var (array, location, index) = stack.Pop();
            if (index >= array.Count)
            {
                continue;
            }

            stack.Push((array, location, index + 1));
            if (array[index] is not JsonObject step)
            {
                continue;
            }

            var slot = new StepSlot(step, array, location);
            yield return slot;
            if (slot.Name is { } name)
            {
                // Pushed in reverse so the if branch is walked first.
                if (BranchOf(step, ConditionBranch.Else) is { } elseSteps)
                {
                    stack.Push((elseSteps, StepLocation.InBranch(name, ConditionBranch.Else), 0));
                }

                if (BranchOf(step, ConditionBranch.If) is { } ifSteps)
                {
                    stack.Push((ifSteps, StepLocation.InBranch(name, ConditionBranch.If), 0));
                }
            }
        }
    }

    /// <summary>A Condition step's IfSteps or ElseSteps array; null for other steps or when absent.</summary>
    public static JsonArray? BranchOf(JsonObject step, ConditionBranch branch) =>
        JsonRead.String(step, "Type") == StepTypes.Condition && step["Arguments"] is JsonObject args
            ? args[branch == ConditionBranch.Else ? "ElseSteps" : "IfSteps"] as JsonArray
            : null;

    public static StepSlot? Find(JsonObject root, string name) => All(root).FirstOrDefault(s => s.Name == name);

    public static IReadOnlyList<string> Names(JsonObject root) => All(root).Select(s => s.Name).OfType<string>().ToList();

    /// <summary>The array a step at <paramref name="location"/> goes into; creates IfSteps/ElseSteps when missing.</summary>
    public static JsonArray ContainerFor(JsonObject root, StepLocation location)
    {
        if (location.IsTopLevel)
        {
            if (root["Steps"] is not JsonArray steps)
            {
                steps = [];
                root["Steps"] = steps;
            }

            return steps;
        }

        var condition = Find(root, location.Condition!) ?? throw new InvalidEditException($"There is no step named '{location.Condition}'.");
        if (JsonRead.String(condition.Step, "Type") != StepTypes.Condition)
        {
            throw new InvalidEditException($"'{location.Condition}' is not a Condition step, so it has no branches.");
        }

        if (condition.Step["Arguments"] is not JsonObject args)
        {
            args = [];
            condition.Step["Arguments"] = args;
        }

        var key = location.Branch == ConditionBranch.Else ? "ElseSteps" : "IfSteps";
        if (args[key] is not JsonArray branch)
        {
            branch = [];
            args[key] = branch;
        }

        return branch;
    }
}
