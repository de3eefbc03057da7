using System.Globalization;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Tests.Model;

public class LineageEdgePathsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Draw_EdgeWithTheFlow_RunsFromTheSourcesRightSideToAnArrowAtTheTargetsLeftSide()
    {
        var view = View([Node("data", 0, 0), Node("run", 400, 100)], [new LineageViewEdge("data", "run", AssociationTypes.ContributedTo)]);

        var drawn = LineageEdgePaths.Draw(view, view.Edges[0])!;

        var curve = Numbers(drawn.Curve);
        Assert.Equal((LineageView.NodeWidth, LineageView.NodeHeight / 2), (curve[0], curve[1]));
        Assert.Equal(curve[1], curve[3]); // leaves horizontally
        Assert.Equal(100 + (LineageView.NodeHeight / 2), curve[5]); // arrives horizontally
        var arrow = Numbers(drawn.Arrowhead);
        Assert.Equal((400, 100 + (LineageView.NodeHeight / 2)), (arrow[2], arrow[3])); // the tip touches the target
        Assert.Equal(arrow[0], arrow[4]); // a base square to the horizontal: it points right
        Assert.True(curve[^2] < 400 && curve[^2] > 400 - LineageEdgePaths.ArrowLength, "The curve ends under the arrowhead.");
    }

    [Fact]
    public void Draw_EdgeAgainstTheFlow_DipsBelowTheRowInsteadOfCrossingTheNodesBetween()
    {
        var view = View([Node("data", 0, 0), Node("run", 300, 0), Node("model", 600, 0)], [new LineageViewEdge("model", "data", AssociationTypes.DerivedFrom)]);

        var curve = Numbers(LineageEdgePaths.Draw(view, view.Edges[0])!.Curve);

        var row = LineageView.NodeHeight / 2;
        Assert.True(curve[3] > row + LineageView.NodeHeight && curve[5] > row + LineageView.NodeHeight, $"Control points {curve[3]}, {curve[5]} stay in the row.");
    }

    [Fact]
    public void Group_EdgesOfAView_OneGroupPerStyleAndNoEdgeWhoseEndIsNotDrawn()
    {
        var view = View(
            [Node("a", 0, 0), Node("b", 300, 0), Node("c", 600, 0)],
            [
                new LineageViewEdge("a", "b", AssociationTypes.ContributedTo),
                new LineageViewEdge("b", "c", AssociationTypes.Produced),
                new LineageViewEdge("b", "elsewhere", AssociationTypes.Produced),
                new LineageViewEdge("c", "a", AssociationTypes.DerivedFrom),
                new LineageViewEdge("a", "c", AssociationTypes.ContributedTo),
            ]);

        var groups = LineageEdgePaths.Group(view);

        Assert.Equal(["derived-from", "contributed-to", "produced"], groups.Select(g => g.Modifier));
        Assert.Equal([1, 2, 1], groups.Select(g => g.Curves.Count));
        Assert.All(groups, g => Assert.Equal(g.Curves.Count, g.Arrowheads.Split('Z', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    private static LineageView View(IReadOnlyList<LineageViewNode> nodes, IReadOnlyList<LineageViewEdge> edges) =>
        new(nodes[0].Id, nodes, edges, [LineageTypes.DataSet], truncated: false);

    private static LineageViewNode Node(string id, double x, double y) =>
        new(id, new LineageEntity(id, LineageKind.Artifact, LineageTypes.DataSet, id, At), [], 0, x, y);

    private static double[] Numbers(string path) =>
        [.. path.Split([' ', ',', 'M', 'C', 'L', 'Z'], StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, CultureInfo.InvariantCulture))];
}
