using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;

namespace PipelineStudio.Core.Tests.Editing;

public sealed class DesignerDocumentUndoTests
{
    [Fact]
    public void UndoRedo_EveryKindOfEdit_RestoresEachStateInTurn()
    {
        var document = DesignerDocument.CreateEmpty();
        var states = new List<(string Json, IReadOnlyDictionary<string, NodePosition> Positions)> { State(document) };
        var edits = new Action[]
        {
            () => document.AddStep(EditingSteps.Processing("Prepare"), StepLocation.TopLevel, new NodePosition(0, 0)),
            () => document.AddStep(EditingSteps.Training("Train"), StepLocation.TopLevel, new NodePosition(300, 0)),
            () => document.AddDependency("Prepare", "Train"),
            () => document.AddStep(EditingSteps.Condition("Check"), StepLocation.TopLevel),
            () => document.AddStep(EditingSteps.Fail("TooLow"), StepLocation.InBranch("Check", ConditionBranch.Else)),
            () => document.MoveStep("TooLow", StepLocation.InBranch("Check", ConditionBranch.If)),
            () => document.SetPositions(new Dictionary<string, NodePosition> { ["Train"] = new(320, 40) }),
            () => document.ReplaceStep("Train", Renamed(document, "Train", "Fit")),
            () => document.RemoveDependency("Prepare", "Fit"),
            () => document.Paste(document.Copy(["Prepare"]), new NodePosition(40, 40)),
            () => document.RemoveSteps(["Check"]),
            () => document.AutoLayout(),
        };

        foreach (var edit in edits)
        {
            edit();
            states.Add(State(document));
        }

        for (var i = states.Count - 2; i >= 0; i--)
        {
            Assert.True(document.Undo());
            AssertState(states[i], document);
        }

        Assert.False(document.CanUndo);
        Assert.False(document.Undo());
        for (var i = 1; i < states.Count; i++)
        {
            Assert.True(document.Redo());
            AssertState(states[i], document);
        }

        Assert.False(document.CanRedo);
    }

    [Fact]
    public void NewEdit_AfterUndo_ClearsRedo()
    {
        var document = DesignerDocument.CreateEmpty();
        document.AddStep(EditingSteps.Processing("A"), StepLocation.TopLevel);
        document.Undo();

        document.AddStep(EditingSteps.Processing("B"), StepLocation.TopLevel);

        Assert.False(document.CanRedo);
        Assert.Equal(["B"], document.Definition.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Undo_BackToOpenedState_IsNotDirty()
    {
        var document = EditingSteps.WithCondition();
        document.RemoveSteps(["Train"]);
        Assert.True(document.IsDirty);

        document.Undo();

        Assert.False(document.IsDirty);
    }

    [Fact]
    public void MarkClean_MakesTheCurrentStateTheSavedOne()
    {
        var document = EditingSteps.WithCondition();
        document.RemoveSteps(["Train"]);

        document.MarkClean();

        Assert.False(document.IsDirty);
        document.Undo();
        Assert.True(document.IsDirty);
    }

    [Fact]
    public void Changed_IsRaisedForEditsUndoAndRedoButNotForNoOps()
    {
        var document = EditingSteps.WithCondition();
        var count = 0;
        document.Changed += () => count++;

        document.AddDependency("Prepare", "Check");
        document.AddDependency("Prepare", "Check");
        document.Undo();
        document.Redo();

        Assert.Equal(3, count);
    }

    [Fact]
    public void UndoStack_IsBounded()
    {
        var document = DesignerDocument.CreateEmpty();
        document.AddStep(EditingSteps.Processing("X"), StepLocation.TopLevel, new NodePosition(-1, 0));
        for (var i = 0; i < DesignerDocument.MaxUndo + 5; i++)
        {
            document.SetPositions(new Dictionary<string, NodePosition> { ["X"] = new(i, 0) });
        }

        var undone = 0;
        while (document.Undo())
        {
            undone++;
        }

        Assert.Equal(DesignerDocument.MaxUndo, undone);
    }

    private static System.Text.Json.Nodes.JsonObject Renamed(DesignerDocument document, string from, string to)
    {
        var step = (System.Text.Json.Nodes.JsonObject)document.Definition.FindStep(from)!.Json.DeepClone();
        step["Name"] = to;
        return step;
    }

    private static (string Json, IReadOnlyDictionary<string, NodePosition> Positions) State(DesignerDocument document) =>
        (document.ToJson(), new Dictionary<string, NodePosition>(document.Positions));

    private static void AssertState((string Json, IReadOnlyDictionary<string, NodePosition> Positions) expected, DesignerDocument document)
    {
        Assert.Equal(expected.Json, document.ToJson());
        Assert.Equal(expected.Positions.OrderBy(p => p.Key), document.Positions.OrderBy(p => p.Key));
    }
}
