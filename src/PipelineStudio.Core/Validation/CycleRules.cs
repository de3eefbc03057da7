using PipelineStudio.Core.Graph;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// Cycles through DependsOn, property references and branches (PS018), found by the pipeline graph.
/// A step depending on itself is PS017 (the graph keeps no self edges), so the shortest cycle
/// reported here is A -> B -> A.
/// </summary>
internal static class CycleRules
{
    public static void Check(ValidationContext context)
    {
        var cycle = PipelineGraph.Build(context.Definition).FindCycle();
        if (cycle is null || cycle.Count < 2)
        {
            return;
        }

        var first = context.StepsByName.GetValueOrDefault(cycle[0]);
        context.Error(IssueCodes.Cycle, first?.JsonPath ?? "$.Steps",
            $"The steps form a cycle: {string.Join(" -> ", cycle)}. A pipeline must be acyclic; remove one of these dependencies.", first);
    }
}
