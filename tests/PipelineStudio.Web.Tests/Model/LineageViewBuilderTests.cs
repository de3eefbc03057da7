using PipelineStudio.Core.Lineage;
using PipelineStudio.TestSupport.Fakes;
using PipelineStudio.Web.Model.Lineage;
using static PipelineStudio.TestSupport.LineageSamples;

namespace PipelineStudio.Web.Tests.Model;

public class LineageViewBuilderTests
{
    private readonly InMemoryLineageStore _store = new();

    public LineageViewBuilderTests() => RecordChurnAsync(_store).GetAwaiter().GetResult();

    [Fact]
    public async Task Build_PackageUpstream_PutsUpstreamOnTheLeft()
    {
        var view = await ViewAsync(Package, new LineageViewState(LineageDirection.Both, 2));

        AssertIds([Group, ModelArtifact, Package, Register], view.Nodes.Select(n => n.Id));
        Assert.True(X(view, ModelArtifact) < X(view, Register));
        Assert.True(X(view, Register) < X(view, Package));
        Assert.True(X(view, Package) < X(view, Group));
    }

    [Fact]
    public async Task Build_DerivedFromEdge_IsLaidOutWithTheFlow()
    {
        var view = await ViewAsync(Train, new LineageViewState(LineageDirection.Both, 2));

        Assert.Contains(view.Edges, e => e.Type == AssociationTypes.DerivedFrom && e.From == ModelArtifact && e.To == TrainSplit);
        Assert.True(X(view, TrainSplit) < X(view, ModelArtifact));
    }

    [Fact]
    public async Task Build_HiddenType_DropsItsNodesAndEdgesButNeverTheRoot()
    {
        var state = new LineageViewState(LineageDirection.Both, 2, Types: ["ProcessingJob"]);

        var view = await ViewAsync(TrainSplit, state);

        AssertIds([Preprocess, TrainSplit], view.Nodes.Select(n => n.Id));
        Assert.Contains(LineageTypes.DataSet, view.Types);
        Assert.Contains("TrainingJob", view.Types);
    }

    [Fact]
    public async Task Build_Expanded_AddsTheNeighboursOfThatNode()
    {
        var state = new LineageViewState(LineageDirection.Upstream, 1, Expanded: [Register]);

        var view = await ViewAsync(Package, state);

        AssertIds([Execution, ModelArtifact, Package, Register], view.Nodes.Select(n => n.Id));
        Assert.Equal(2, view.Find(Execution)!.Depth);
    }

    [Fact]
    public async Task Build_GroupArtifacts_CollapsesOneRunsOutputsButKeepsRootAndSelection()
    {
        var grouped = await ViewAsync(Raw, new LineageViewState(LineageDirection.Downstream, 2, GroupArtifacts: true));
        var selectedOne = await ViewAsync(Raw, new LineageViewState(LineageDirection.Downstream, 2, Selected: [TestSplit], GroupArtifacts: true));

        var group = Assert.Single(grouped.Nodes, n => n.IsGroup);
        Assert.Equal("group-" + Preprocess, group.Id);
        AssertIds([TestSplit, TrainSplit], group.Members.Select(m => m.Id));
        Assert.Equal(group.Id, grouped.NodeIdOf(TrainSplit));
        Assert.Contains(grouped.Edges, e => e.From == Preprocess && e.To == group.Id && e.Type == AssociationTypes.Produced);
        Assert.Single(grouped.Edges, e => e.To == group.Id);
        Assert.DoesNotContain(selectedOne.Nodes, n => n.IsGroup);
    }

    [Fact]
    public async Task Path_BetweenTwoDrawnNodes_FollowsEdgesEitherWay()
    {
        var view = await ViewAsync(Package, new LineageViewState(LineageDirection.Upstream, 4));

        var path = LineagePath.Find(view, Package, TrainSplit);

        // Model DerivedFrom TrainSplit is the short way round, not back through Train.
        AssertIds([ModelArtifact, Package, Register, TrainSplit], path.NodeIds);
        Assert.Equal(3, path.EdgeKeys.Count);
        Assert.True(LineagePath.Find(view, Package, "artifact-not-drawn").IsEmpty);
    }

    [Fact]
    public async Task Mark_SecondSelection_ChangesOnlyTheNodesAndEdgesWhoseLookChanged()
    {
        var view = await ViewAsync(Package, new LineageViewState(LineageDirection.Upstream, 4));
        var model = LineageDiagramMapper.Map(view);
        var first = new LineageViewState(LineageDirection.Upstream, 4, Selected: [Package]);
        LineageDiagramMapper.Mark(model, view, first, LineagePath.None);

        var changed = LineageDiagramMapper.Mark(model, view, first.Select(Register, addToPath: true), LineagePath.Find(view, Package, Register));

        Assert.Equal(3, changed.Count); // package and register (now selected too) go on the path, and the edge layer draws the one edge between them
        Assert.All(model.Nodes.Where(n => n.Id != Package && n.Id != Register), n => Assert.False(n.IsOnPath));
        Assert.Contains(model.Edges, changed);
        Assert.Equal([Register], model.Edges.OnPath.Select(e => e.Edge.From));
    }

    private async Task<LineageView> ViewAsync(string root, LineageViewState state) =>
        LineageViewBuilder.Build(await LineageGraphData.LoadAsync(_store, root, state), root, state);

    private static void AssertIds(string[] expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

    private static double X(LineageView view, string id) => view.Find(id)!.X;
}
