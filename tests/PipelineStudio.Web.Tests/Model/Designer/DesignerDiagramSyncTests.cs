using Blazor.Diagrams;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;
using PipelineStudio.TestSupport;
using PipelineStudio.Web.Model.Designer;

namespace PipelineStudio.Web.Tests.Model.Designer;

public sealed class DesignerDiagramSyncTests
{
    [Fact]
    public void Apply_DrawsEveryStepAndEdgeWithItsKind()
    {
        var document = DesignerDocument.Parse(SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone)).Document!;
        var diagram = new BlazorDiagram();

        DesignerDiagramSync.Apply(diagram, document, []);

        Assert.Equal(document.Definition.AllSteps.Count, diagram.Nodes.Count);
        var links = diagram.Links.OfType<DesignerLinkModel>().ToList();
        Assert.Equal(PipelineGraph.Build(document.Definition).Edges.Count, links.Count);
        var reference = Assert.Single(links, l => l.Id == DesignerLinkModel.KeyOf("AbaloneProcess", "AbaloneTrain", EdgeKind.Reference));
        Assert.True(reference.Locked, "References are edited in the step, not deleted on the canvas.");
        var branch = Assert.Single(links, l => l.Id == DesignerLinkModel.KeyOf("AbaloneMSECond", "AbaloneMSEFail", EdgeKind.ElseBranch));
        Assert.Equal(PortRole.Else, ((DesignerPortModel)branch.Source.Model!).Role);
    }

    [Fact]
    public void Apply_AfterAnEdit_KeepsUnchangedNodesAndReplacesOnlyWhatChanged()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        var a = session.AddStep(StepTypes.Processing, new NodePosition(0, 0));
        var b = session.AddStep(StepTypes.Training, new NodePosition(300, 0));
        var diagram = new BlazorDiagram();
        DesignerDiagramSync.Apply(diagram, session.Document, session.Issues);
        var nodeA = diagram.Nodes.OfType<DesignerNodeModel>().Single(n => n.StepName == a);

        session.Connect(a, PortRole.Output, b);
        session.Document.SetPositions(new Dictionary<string, NodePosition> { [a] = new(5, 60) });
        DesignerDiagramSync.Apply(diagram, session.Document, session.Issues);

        Assert.Same(nodeA, diagram.Nodes.OfType<DesignerNodeModel>().Single(n => n.StepName == a));
        Assert.Equal((5.0, 60.0), (nodeA.Position.X, nodeA.Position.Y));
        Assert.Single(diagram.Links.OfType<DesignerLinkModel>(), l => l.Id == DesignerLinkModel.KeyOf(a, b, EdgeKind.DependsOn));

        session.Document.Undo();
        session.Document.Undo();
        DesignerDiagramSync.Apply(diagram, session.Document, session.Issues);
        Assert.Empty(diagram.Links);
    }

    [Fact]
    public void Apply_IssuesOfAStep_ShowAsItsBadgeCounts()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        var step = session.AddStep(StepTypes.Processing, new NodePosition(0, 0));
        var broken = (System.Text.Json.Nodes.JsonObject)session.Document.Definition.FindStep(step)!.Json.DeepClone();
        broken["DependsOn"] = new System.Text.Json.Nodes.JsonArray("Nowhere");
        session.ApplyStep(step, broken);
        var diagram = new BlazorDiagram();

        DesignerDiagramSync.Apply(diagram, session.Document, session.Issues);

        var node = diagram.Nodes.OfType<DesignerNodeModel>().Single();
        Assert.True(node.ErrorCount >= 1);
        Assert.Contains("Nowhere", node.FirstIssue);
    }

    [Fact]
    public void Draft_SerializesAndReadsBack()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        session.AddStep(StepTypes.Processing, new NodePosition(12.5, 40));
        var draft = DesignerDraft.From(session.Document, 3, new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

        var read = DesignerDraft.TryRead(draft.Serialize());

        Assert.NotNull(read);
        Assert.Equal(session.Document.ToJson(indented: false), read.Json);
        Assert.Equal(3, read.BaseVersion);
        Assert.Equal(new NodePosition(12.5, 40), read.NodePositions["Processing"]);
        Assert.Null(DesignerDraft.TryRead("{not json"));
    }
}
