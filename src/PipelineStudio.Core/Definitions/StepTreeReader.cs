using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Definitions;

/// <summary>
/// Walks <c>Steps</c> and the IfSteps/ElseSteps of Condition steps. Iterative with an explicit stack,
/// so a pathological nesting of conditions cannot overflow the call stack.
/// </summary>
internal static class StepTreeReader
{
    public static IReadOnlyList<StepDefinition> Read(JsonArray? steps, string path, List<StepDefinition> all)
    {
        var topLevel = new List<StepDefinition>();
        if (steps is null)
        {
            return topLevel;
        }

        // Frames are pushed in reverse so that AllSteps comes out depth first in document order.
        var stack = new Stack<(JsonObject Json, string Path, StepDefinition? Parent, ConditionBranch? Branch, int Depth, List<StepDefinition> Sink)>();
        PushArray(stack, steps, path, null, null, 0, topLevel);
        while (stack.Count > 0)
        {
            var (json, stepPath, parent, branch, depth, sink) = stack.Pop();
            var step = new StepDefinition(json, stepPath, parent, branch, depth);
            sink.Add(step);
            all.Add(step);
            if (step.IsCondition && step.Arguments is JsonObject args)
            {
                var ifSteps = new List<StepDefinition>();
                var elseSteps = new List<StepDefinition>();
                step.IfSteps = ifSteps;
                step.ElseSteps = elseSteps;
                if (args["ElseSteps"] is JsonArray elseArray)
                {
                    PushArray(stack, elseArray, stepPath + ".Arguments.ElseSteps", step, ConditionBranch.Else, depth + 1, elseSteps);
                }

                if (args["IfSteps"] is JsonArray ifArray)
                {
                    PushArray(stack, ifArray, stepPath + ".Arguments.IfSteps", step, ConditionBranch.If, depth + 1, ifSteps);
                }
            }
        }

        return topLevel;
    }

    private static void PushArray(
        Stack<(JsonObject, string, StepDefinition?, ConditionBranch?, int, List<StepDefinition>)> stack,
        JsonArray array, string path, StepDefinition? parent, ConditionBranch? branch, int depth, List<StepDefinition> sink)
    {
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (array[i] is JsonObject obj)
            {
                stack.Push((obj, $"{path}[{i}]", parent, branch, depth, sink));
            }
        }
    }
}
