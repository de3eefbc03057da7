using PipelineStudio.Core.Graph;
using static PipelineStudio.Core.Tests.Graph.TestDefinitions;

namespace PipelineStudio.Core.Tests.Graph;

public class PipelineGraphOrderingTests
{
    [Fact]
    public void TopologicalOrder_ReadyStepsTie_KeepsDefinitionOrder()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("X", ["Z"])},{Step("A")},{Step("Z")},{Step("B")}]"));

        Assert.Equal(["A", "Z", "X", "B"], graph.TopologicalOrder());
    }

    [Fact]
    public void TopologicalOrder_StepDeclaredBeforeItsDependency_PutsDependencyFirst()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("Train", arguments: ReadsFrom("Prep"))},{Step("Prep")}]"));

        Assert.Equal(["Prep", "Train"], graph.TopologicalOrder());
    }

    [Fact]
    public void TopologicalOrder_Cycle_ReturnsNull() =>
        Assert.Null(PipelineGraph.Build(FromSteps($"[{Step("A", ["B"])},{Step("B", ["A"])}]")).TopologicalOrder());

    [Fact]
    public void FindCycle_DependsOnCycle_NamesStepsInEdgeOrderWithFirstRepeated()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A", ["C"])},{Step("B", ["A"])},{Step("C", ["B"])}]"));

        Assert.Equal(["A", "B", "C", "A"], graph.FindCycle());
    }

    [Fact]
    public void FindCycle_ReferenceCycleAfterAcyclicPart_NamesOnlyTheCycle()
    {
        var graph = PipelineGraph.Build(FromSteps(
            $"[{Step("Start")},{Step("P", ["Start"], ReadsFrom("Q"))},{Step("Q", arguments: ReadsFrom("P"))}]"));

        Assert.Equal(["P", "Q", "P"], graph.FindCycle());
    }

    [Fact]
    public void FindCycle_CycleThroughConditionBranch_IsFound()
    {
        var graph = PipelineGraph.Build(FromSteps($$$"""
            [{"Name":"C","Type":"Condition","Arguments":{"Conditions":[{"Type":"Equals","LeftValue":{"Get":"Steps.X.TrainingJobName"},"RightValue":1}],
              "IfSteps":[{{{Step("X")}}}]}}]
            """));

        Assert.Equal(["C", "X", "C"], graph.FindCycle());
    }

    [Fact]
    public void FindCycle_DiamondWithoutCycle_ReturnsNull()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A")},{Step("B", ["A"])},{Step("C", ["A"])},{Step("D", ["B", "C"])}]"));

        Assert.Null(graph.FindCycle());
    }

    [Fact]
    public void Layers_DiamondWithLongEdge_UsesLongestPath()
    {
        var graph = PipelineGraph.Build(FromSteps(
            $"[{Step("A")},{Step("C", ["A"])},{Step("B", ["A"])},{Step("D", ["B"])},{Step("E", ["A", "D"])},{Step("Lone")}]"));

        var layers = graph.Layers();

        Assert.Equal(4, layers.Count);
        Assert.Equal(["A", "Lone"], layers[0]);
        Assert.Equal(["C", "B"], layers[1]);
        Assert.Equal(["D"], layers[2]);
        Assert.Equal(["E"], layers[3]);
    }

    [Fact]
    public void Layers_Cycle_PlacesEveryStepExactlyOnce()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A", ["C"])},{Step("B", ["A"])},{Step("C", ["B"])},{Step("D", ["C"])}]"));

        var layers = graph.Layers();

        Assert.Equal(["A", "B", "C", "D"], layers.SelectMany(l => l).Order());
        Assert.Equal([["A"], ["B"], ["C"], ["D"]], layers);
    }

    [Fact]
    public void Layers_EmptyDefinition_ReturnsNoLayers() =>
        Assert.Empty(PipelineGraph.Build(FromSteps("[]")).Layers());

    [Fact]
    public void UpstreamAndDownstream_Diamond_ReturnTransitiveSteps()
    {
        var graph = PipelineGraph.Build(FromSteps(
            $"[{Step("A")},{Step("B", ["A"])},{Step("C", ["A"])},{Step("D", ["B", "C"])},{Step("Side")}]"));

        Assert.Equal(["A", "B", "C"], graph.Upstream("D").Order());
        Assert.Equal(["B", "C", "D"], graph.Downstream("A").Order());
        Assert.Equal(["D"], graph.Downstream("B"));
        Assert.Empty(graph.Upstream("Side"));
        Assert.Empty(graph.Downstream("Ghost"));
    }

    [Fact]
    public void Upstream_StepOnCycle_ExcludesTheStepItself()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A", ["B"])},{Step("B", ["A"])}]"));

        Assert.Equal(["B"], graph.Upstream("A"));
        Assert.Equal(["B"], graph.Downstream("A"));
    }

    [Fact]
    public void Algorithms_LongChain_RunWithoutRecursion()
    {
        // 20,000 steps deep would overflow a recursive depth-first search.
        var graph = PipelineGraph.Build(Chain(20_000));

        Assert.Null(graph.FindCycle());
        Assert.Equal("S19999", graph.TopologicalOrder()![^1]);
        Assert.Equal(20_000, graph.Layers().Count);
        Assert.Equal(19_999, graph.Upstream("S19999").Count);
        Assert.Equal(19_999, graph.Downstream("S0").Count);
    }

    [Fact]
    public void FindCycle_LongCycle_NamesEveryStep()
    {
        var steps = Enumerable.Range(0, 5_000).Select(i => Step($"S{i}", [$"S{(i + 4_999) % 5_000}"]));
        var graph = PipelineGraph.Build(FromSteps("[" + string.Join(",", steps) + "]"));

        var cycle = graph.FindCycle();

        Assert.NotNull(cycle);
        Assert.Equal(5_001, cycle.Count);
        Assert.Equal("S0", cycle[0]);
        Assert.Equal("S0", cycle[^1]);
        Assert.Equal("S4999", cycle[^2]);
    }
}
