using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Definitions;

/// <summary>
/// Walks <c>Steps</c> and the IfSteps/ElseSteps of Condition steps. Iterative with an explicit stack,
/// so a pathological nesting of conditions cannot overflow the call stack. When the definition was read
/// from text, each step also gets its parsed element (same structure, read in step with the nodes).
/// </summary>
internal static class StepTreeReader
{
    private readonly record struct Frame(
        JsonObject Json, JsonElement? Element, string Path, StepDefinition? Parent, ConditionBranch? Branch, int Depth, List<StepDefinition> Sink);

    public static IReadOnlyList<StepDefinition> Read(JsonArray? steps, JsonElement? stepsElement, string path, List<StepDefinition> all)
    {
        var topLevel = new List<StepDefinition>();
        if (steps is null)
        {
            return topLevel;
        }

        // Frames are pushed in reverse so that AllSteps comes out depth first in document order.
        var stack = new Stack<Frame>();
        PushArray(stack, steps, stepsElement, path, null, null, 0, topLevel);
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            var step = new StepDefinition(frame.Json, frame.Element, frame.Path, frame.Parent, frame.Branch, frame.Depth);
            frame.Sink.Add(step);
            all.Add(step);
            if (step.IsCondition && step.Arguments is JsonObject args)
            {
                var ifSteps = new List<StepDefinition>();
                var elseSteps = new List<StepDefinition>();
                step.IfSteps = ifSteps;
                step.ElseSteps = elseSteps;
                var argsElement = frame.Element is { } e && e.TryGetProperty("Arguments", out var a) ? a : (JsonElement?)null;
                if (args["ElseSteps"] is JsonArray elseArray)
                {
                    PushArray(stack, elseArray, Child(argsElement, "ElseSteps"), frame.Path + ".Arguments.ElseSteps", step, ConditionBranch.Else, frame.Depth + 1, elseSteps);
                }

                if (args["IfSteps"] is JsonArray ifArray)
                {
                    PushArray(stack, ifArray, Child(argsElement, "IfSteps"), frame.Path + ".Arguments.IfSteps", step, ConditionBranch.If, frame.Depth + 1, ifSteps);
                }
            }
        }

        return topLevel;
    }

    private static JsonElement? Child(JsonElement? parent, string key) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(key, out var child) ? child : null;

    private static void PushArray(
        Stack<Frame> stack, JsonArray array, JsonElement? arrayElement, string path,
        StepDefinition? parent, ConditionBranch? branch, int depth, List<StepDefinition> sink)
    {
        // The element array mirrors the node array only while nobody has edited the nodes; otherwise go without.
        var elements = arrayElement is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() == array.Count
            ? a.EnumerateArray().ToList()
            : null;
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (array[i] is JsonObject obj)
            {
                var element = elements is not null && elements[i].ValueKind == JsonValueKind.Object ? elements[i] : (JsonElement?)null;
                stack.Push(new Frame(obj, element, $"{path}[{i}]", parent, branch, depth, sink));
            }
        }
    }
}
