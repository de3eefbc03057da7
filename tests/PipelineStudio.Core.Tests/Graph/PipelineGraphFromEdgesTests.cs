using PipelineStudio.Core.Graph;

namespace PipelineStudio.Core.Tests.Graph;

public class PipelineGraphFromEdgesTests
{
    [Fact]
    public void FromEdges_DropsUnknownSelfAndRepeatedEdges_KeepsNodeOrder()
    {
        var graph = PipelineGraph.FromEdges(["b", "a", "c", "a"], [("a", "b"), ("a", "b"), ("b", "b"), ("a", "zz"), ("b", "c")]);

        Assert.Equal(["b", "a", "c"], graph.Nodes);
        Assert.Equal([("a", "b"), ("b", "c")], graph.Edges.Select(e => (e.From, e.To)));
    }

    [Fact]
    public void FromEdges_FeedsTheLayeredLayout_LeftToRightAlongEdges()
    {
        var graph = PipelineGraph.FromEdges(["model", "train", "data"], [("data", "train"), ("train", "model")]);

        var positions = LayeredLayout.Compute(graph, new LayoutOptions(NodeWidth: 100, LayerGap: 50));

        Assert.Equal([0d, 150d, 300d], new[] { "data", "train", "model" }.Select(n => positions[n].X));
    }
}
