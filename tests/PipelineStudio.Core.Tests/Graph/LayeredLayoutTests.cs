using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;
using PipelineStudio.TestSupport;
using static PipelineStudio.Core.Tests.Graph.TestDefinitions;

namespace PipelineStudio.Core.Tests.Graph;

public class LayeredLayoutTests
{
    private static readonly LayoutOptions Options = new(NodeWidth: 200, NodeHeight: 50, LayerGap: 100, NodeGap: 50);

    [Fact]
    public void Compute_Diamond_GivesEveryStepADistinctPosition()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A")},{Step("B", ["A"])},{Step("C", ["A"])},{Step("D", ["B", "C"])}]"));

        var positions = LayeredLayout.Compute(graph);

        Assert.Equal(["A", "B", "C", "D"], positions.Keys.Order());
        Assert.Equal(4, positions.Values.Distinct().Count());
    }

    [Fact]
    public void Compute_Chain_PlacesColumnsByLayerLeftToRight()
    {
        var positions = LayeredLayout.Compute(PipelineGraph.Build(Chain(3)), Options);

        Assert.Equal([0d, 300d, 600d], new[] { "S0", "S1", "S2" }.Select(s => positions[s].X));
        Assert.All(positions.Values, p => Assert.Equal(0, p.Y));
    }

    [Fact]
    public void Compute_LayersOfDifferentHeight_CentresTheShorterLayer()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A")},{Step("B", ["A"])},{Step("C", ["A"])},{Step("D", ["A"])}]"));

        var positions = LayeredLayout.Compute(graph, Options);

        Assert.Equal([0d, 100d, 200d], new[] { "B", "C", "D" }.Select(s => positions[s].Y));
        Assert.Equal(100, positions["A"].Y);
    }

    [Fact]
    public void Compute_CrossingEdges_ReordersChildrenToUncross()
    {
        // Declared order puts A's child below B's child, which crosses the two edges.
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A")},{Step("B")},{Step("FromB", ["B"])},{Step("FromA", ["A"])}]"));

        var positions = LayeredLayout.Compute(graph, Options);

        Assert.True(positions["A"].Y < positions["B"].Y);
        Assert.True(positions["FromA"].Y < positions["FromB"].Y);
    }

    [Fact]
    public void Compute_CyclicGraph_StillPlacesEveryStep()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A", ["B"])},{Step("B", ["A"])}]"));

        var positions = LayeredLayout.Compute(graph, Options);

        Assert.Equal(new NodePosition(0, 0), positions["A"]);
        Assert.Equal(new NodePosition(300, 0), positions["B"]);
    }

    [Fact]
    public void Compute_EmptyGraph_ReturnsNoPositions() =>
        Assert.Empty(LayeredLayout.Compute(PipelineGraph.Build(FromSteps("[]"))));

    [Fact]
    public void Compute_GeneratedDefinitionOf2000Steps_PlacesEveryStepApartLayerByLayer()
    {
        var (json, _) = DefinitionJson.Parse(DefinitionGenerator.Layered(2_000, 8, seed: 7));
        var graph = PipelineGraph.Build(PipelineDefinition.FromJson(json!));
        var positions = LayeredLayout.Compute(graph);

        Assert.Equal(2_000, positions.Count);
        Assert.Equal(2_000, positions.Values.Distinct().Count());
        var layers = graph.Layers();
        for (var i = 1; i < layers.Count; i++)
        {
            Assert.True(positions[layers[i][0]].X > positions[layers[i - 1][0]].X);
        }
    }
}
