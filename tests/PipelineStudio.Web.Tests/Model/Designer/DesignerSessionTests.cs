using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;
using PipelineStudio.TestSupport;
using PipelineStudio.Web.Model.Designer;

namespace PipelineStudio.Web.Tests.Model.Designer;

public sealed class DesignerSessionTests
{
    [Fact]
    public void AddStep_GivesTheTypesDefaultsAUniqueNameAndSelectsIt()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());

        var first = session.AddStep(StepTypes.Processing, new NodePosition(10, 20));
        var second = session.AddStep(StepTypes.Processing, new NodePosition(300, 20));

        Assert.Equal(("Processing", "Processing2"), (first, second));
        Assert.Equal([second], session.Selected);
        Assert.NotNull(session.Document.Definition.FindStep(first)!.Arguments);
        Assert.DoesNotContain(session.Issues, i => i.IsError);
    }

    [Fact]
    public void Connect_FromOutputPort_AddsDependsOn_FromIfPort_MovesIntoTheBranch()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        var prepare = session.AddStep(StepTypes.Processing, new NodePosition(0, 0));
        var check = session.AddStep(StepTypes.Condition, new NodePosition(300, 0));
        var fail = session.AddStep(StepTypes.Fail, new NodePosition(600, 0));

        session.Connect(prepare, PortRole.Output, check);
        session.Connect(check, PortRole.If, fail);

        Assert.Equal([prepare], session.Document.Definition.FindStep(check)!.DependsOn);
        Assert.Equal(StepLocation.InBranch(check, ConditionBranch.If), session.Document.LocationOf(fail));
    }

    [Fact]
    public void Disconnect_Reference_IsRefusedWithAMessageNamingTheSteps()
    {
        var session = new DesignerSession(DesignerDocument.Parse(SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone)).Document!);

        var error = Assert.Throws<InvalidEditException>(() => session.Disconnect("AbaloneProcess", "AbaloneTrain", EdgeKind.Reference));

        Assert.Contains("AbaloneTrain", error.Message);
        Assert.False(session.Document.CanUndo);
    }

    [Fact]
    public void Disconnect_BranchLink_MovesTheStepToTheTopLevel()
    {
        var session = new DesignerSession(DesignerDocument.Parse(SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone)).Document!);

        session.Disconnect("AbaloneMSECond", "AbaloneMSEFail", EdgeKind.ElseBranch);

        Assert.Equal(StepLocation.TopLevel, session.Document.LocationOf("AbaloneMSEFail"));
    }

    [Fact]
    public void Issues_FollowEveryEdit_AppearingAndDisappearingWithUndo()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        Assert.Contains(session.Issues, i => i.Code == IssueCodes.MissingSteps);
        var step = session.AddStep(StepTypes.Processing, new NodePosition(0, 0));
        Assert.DoesNotContain(session.Issues, i => i.Code == IssueCodes.MissingSteps);

        var broken = (System.Text.Json.Nodes.JsonObject)session.Document.Definition.FindStep(step)!.Json.DeepClone();
        broken["DependsOn"] = new System.Text.Json.Nodes.JsonArray("Nowhere");
        session.ApplyStep(step, broken);
        Assert.Contains(session.Issues, i => i.IsError && i.StepName == step);

        session.Document.Undo();
        Assert.DoesNotContain(session.Issues, i => i.IsError);
    }

    [Fact]
    public void ApplyJson_Unparseable_ReturnsPS001AndKeepsTheDocument()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        session.AddStep(StepTypes.Fail, new NodePosition(0, 0));
        var before = session.Document.ToJson();

        var issue = session.ApplyJson("{\"Steps\": [");

        Assert.Equal(IssueCodes.MalformedJson, issue!.Code);
        Assert.Equal(before, session.Document.ToJson());
    }

    [Fact]
    public void ApplyJson_Valid_ReplacesTheDocumentAsOneUndoableEdit()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        var text = SampleDefinitions.ReadCorpus(SampleDefinitions.LambdaCallback);

        Assert.Null(session.ApplyJson(text));

        Assert.Equal("Edit JSON", session.Document.UndoLabel);
        Assert.NotEmpty(session.Document.Definition.AllSteps);
    }

    [Fact]
    public void ApplyStep_Rename_KeepsTheStepSelectedUnderItsNewName()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        var name = session.AddStep(StepTypes.Fail, new NodePosition(0, 0));
        var renamed = (System.Text.Json.Nodes.JsonObject)session.Document.Definition.FindStep(name)!.Json.DeepClone();
        renamed["Name"] = "Stop";

        session.ApplyStep(name, renamed);

        Assert.Equal(["Stop"], session.Selected);
    }

    [Fact]
    public void CopyPaste_SelectsThePastedStepsAndEachPasteMovesFurther()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        session.AddStep(StepTypes.Processing, new NodePosition(0, 0));

        Assert.True(session.CopySelected());
        var first = session.Paste();
        var second = session.Paste();

        Assert.Equal(["Processing2"], first);
        Assert.Equal(["Processing3"], session.Selected);
        Assert.Equal(new NodePosition(2 * DesignerSession.PasteOffset.X, 2 * DesignerSession.PasteOffset.Y), session.Document.Positions[second[0]]);
    }

    [Fact]
    public void DeleteSelected_RemovesTheStepsAndClearsTheSelection()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        session.AddStep(StepTypes.Processing, new NodePosition(0, 0));
        session.AddStep(StepTypes.Training, new NodePosition(300, 0));
        session.SelectAll();

        Assert.True(session.DeleteSelected());

        Assert.Empty(session.Selected);
        Assert.Empty(session.Document.Definition.AllSteps);
    }

    [Fact]
    public void Nudge_MovesEverySelectedStepInOneEdit()
    {
        var session = new DesignerSession(DesignerDocument.CreateEmpty());
        var a = session.AddStep(StepTypes.Processing, new NodePosition(0, 0));
        var b = session.AddStep(StepTypes.Processing, new NodePosition(300, 0));
        session.Select([a, b]);

        session.Nudge(10, -50);

        Assert.Equal(new NodePosition(10, -50), session.Document.Positions[a]);
        Assert.Equal(new NodePosition(310, -50), session.Document.Positions[b]);
        session.Document.Undo();
        Assert.Equal(new NodePosition(0, 0), session.Document.Positions[a]);
    }
}
