using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Core.Tests.Editing;

public sealed class DesignerClipboardTests
{
    [Fact]
    public void Paste_GivesFreshNamesAndRewiresLinksAmongThePastedSteps()
    {
        var document = EditingSteps.WithCondition();

        var pasted = document.Paste(document.Copy(["Train", "Check"]), new NodePosition(40, 40));

        Assert.Equal(["Train2", "Check2"], pasted);
        var check2 = document.Definition.FindStep("Check2")!;
        Assert.Equal("Train2", check2.Expressions.References.Single(r => r.Kind == Expressions.ReferenceKind.Step).Target);
        // Train2 still waits for the original Prepare, which was not copied but exists.
        Assert.Equal(["Prepare"], document.Definition.FindStep("Train2")!.DependsOn);
        Assert.Equal(document.Positions["Train"].X + 40, document.Positions["Train2"].X);
        Assert.DoesNotContain(DefinitionValidator.Validate(document.ToJson()).Issues, i => i.IsError);
    }

    [Fact]
    public void Paste_AfterTheDependencyWasDeleted_DropsTheDanglingDependsOn()
    {
        var document = EditingSteps.WithCondition();
        var clipboard = document.Copy(["Train"]);
        document.RemoveSteps(["Prepare"]);

        document.Paste(clipboard, new NodePosition(0, 80));

        Assert.Empty(document.Definition.FindStep("Train2")!.DependsOn);
    }

    [Fact]
    public void Copy_ConditionWithBranch_CopiesTheBranchOnceAndRenamesItsSteps()
    {
        var document = EditingSteps.WithCondition();
        document.AddStep(EditingSteps.Fail("TooLow"), StepLocation.InBranch("Check", ConditionBranch.Else));

        var clipboard = document.Copy(["Check", "TooLow"]);
        var pasted = document.Paste(clipboard, new NodePosition(0, 200));

        Assert.Single(clipboard.Steps);
        Assert.Equal(["Check2", "TooLow2"], pasted);
        Assert.Equal(["TooLow2"], document.Definition.FindStep("Check2")!.ElseSteps.Select(s => s.Name));
    }

    [Fact]
    public void Paste_IsOneUndoableEdit()
    {
        var document = EditingSteps.WithCondition();
        var before = document.ToJson();
        document.Paste(document.Copy(["Prepare", "Train"]), new NodePosition(10, 10));

        document.Undo();

        Assert.Equal(before, document.ToJson());
    }

    [Fact]
    public void Unique_CountsUpFromATrailingNumber()
    {
        var taken = new HashSet<string>(["Train", "Train2", "Step"]);

        Assert.Equal("Prepare", StepNames.Unique("Prepare", taken));
        Assert.Equal("Train3", StepNames.Unique("Train", taken));
        Assert.Equal("Train3", StepNames.Unique("Train2", taken));
        Assert.Equal("Step2", StepNames.Unique("!!!", taken));
        Assert.Equal("Loop", StepNames.ForType("PipelineStudio:Loop"));
    }
}
