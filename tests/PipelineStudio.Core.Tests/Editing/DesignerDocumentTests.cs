using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Editing;

public sealed class DesignerDocumentTests
{
    [Fact]
    public void CreateEmpty_HasNoStepsAndOnlyTheNoStepsIssue()
    {
        var document = DesignerDocument.CreateEmpty();

        var report = DefinitionValidator.Validate(document.ToJson());
        Assert.Equal(["PS010"], report.Issues.Select(i => i.Code));
        Assert.Empty(document.Definition.AllSteps);
        Assert.False(document.IsDirty);
        Assert.False(document.CanUndo);
    }

    [Fact]
    public void AddStep_TopLevel_AppendsStepAndKeepsThePosition()
    {
        var document = DesignerDocument.CreateEmpty();

        document.AddStep(EditingSteps.Processing("Prepare"), StepLocation.TopLevel, new NodePosition(120, 40));

        Assert.Equal(["Prepare"], document.Definition.Steps.Select(s => s.Name));
        Assert.Equal(new NodePosition(120, 40), document.Positions["Prepare"]);
        Assert.True(document.IsDirty);
        Assert.Equal("Add step Prepare", document.UndoLabel);
    }

    [Fact]
    public void AddStep_IntoElseBranch_PutsItInElseSteps()
    {
        var document = EditingSteps.WithCondition();

        document.AddStep(EditingSteps.Fail("TooLow"), StepLocation.InBranch("Check", ConditionBranch.Else));

        var check = document.Definition.FindStep("Check")!;
        Assert.Equal(["TooLow"], check.ElseSteps.Select(s => s.Name));
        Assert.Equal(StepLocation.InBranch("Check", ConditionBranch.Else), document.LocationOf("TooLow"));
        Assert.True(document.Positions.ContainsKey("TooLow"), "A step added without a position is placed.");
    }

    [Fact]
    public void AddStep_NameTaken_ThrowsAndChangesNothing()
    {
        var document = EditingSteps.WithCondition();
        var before = document.ToJson();

        var error = Assert.Throws<InvalidEditException>(() => document.AddStep(EditingSteps.Processing("Train"), StepLocation.TopLevel));

        Assert.Contains("already exists", error.Message);
        Assert.Equal(before, document.ToJson());
    }

    [Fact]
    public void AddStep_IntoANonConditionStep_ThrowsAndLeavesTheDocumentAsItWas()
    {
        var document = EditingSteps.WithCondition();
        var before = document.ToJson();
        var revision = document.Revision;

        Assert.Throws<InvalidEditException>(() => document.AddStep(EditingSteps.Fail("X"), StepLocation.InBranch("Train", ConditionBranch.If)));

        Assert.Equal(before, document.ToJson());
        Assert.Equal(revision, document.Revision);
        Assert.False(document.CanUndo);
    }

    [Fact]
    public void RemoveSteps_CleansDependsOnThatNamedThem()
    {
        var document = EditingSteps.WithCondition();

        document.RemoveSteps(["Prepare"]);

        Assert.Null(document.Definition.FindStep("Prepare"));
        Assert.Empty(document.Definition.FindStep("Train")!.DependsOn);
        Assert.False(document.Definition.FindStep("Train")!.Json.ContainsKey("DependsOn"), "An emptied DependsOn is dropped.");
        Assert.False(document.Positions.ContainsKey("Prepare"));
    }

    [Fact]
    public void RemoveSteps_Condition_RemovesItsBranchStepsAndTheirDependents()
    {
        var document = EditingSteps.WithCondition();
        document.AddStep(EditingSteps.Fail("TooLow"), StepLocation.InBranch("Check", ConditionBranch.Else));
        document.AddStep(EditingSteps.Processing("Report", dependsOn: "TooLow"), StepLocation.TopLevel);

        document.RemoveSteps(["Check"]);

        Assert.Equal(["Prepare", "Train", "Report"], document.Definition.AllSteps.Select(s => s.Name));
        Assert.Empty(document.Definition.FindStep("Report")!.DependsOn);
    }

    [Fact]
    public void RemoveSteps_KeepsPropertyReferencesSoValidationReportsThem()
    {
        var document = EditingSteps.WithCondition();

        document.RemoveSteps(["Train"]);

        var issues = DefinitionValidator.Validate(document.ToJson()).Issues;
        Assert.Contains(issues, i => i.IsError && i.StepName == "Check");
    }

    [Fact]
    public void MoveStep_IntoIfBranchAndBack_MovesTheObjectAndDropsTheRedundantDependsOn()
    {
        var document = EditingSteps.WithCondition();
        document.AddStep(EditingSteps.Processing("Deploy", dependsOn: "Check"), StepLocation.TopLevel);

        document.MoveStep("Deploy", StepLocation.InBranch("Check", ConditionBranch.If));

        var check = document.Definition.FindStep("Check")!;
        Assert.Equal(["Deploy"], check.IfSteps.Select(s => s.Name));
        Assert.DoesNotContain(document.Definition.Steps, s => s.Name == "Deploy");
        Assert.Empty(document.Definition.FindStep("Deploy")!.DependsOn);

        document.MoveStep("Deploy", StepLocation.TopLevel);

        Assert.Empty(document.Definition.FindStep("Check")!.IfSteps);
        Assert.Contains(document.Definition.Steps, s => s.Name == "Deploy");
    }

    [Fact]
    public void MoveStep_ConditionIntoItsOwnBranch_Throws()
    {
        var document = EditingSteps.WithCondition();
        document.AddStep(EditingSteps.Condition("Inner"), StepLocation.InBranch("Check", ConditionBranch.If));

        Assert.Throws<InvalidEditException>(() => document.MoveStep("Check", StepLocation.InBranch("Check", ConditionBranch.Else)));
        Assert.Throws<InvalidEditException>(() => document.MoveStep("Check", StepLocation.InBranch("Inner", ConditionBranch.If)));
    }

    [Fact]
    public void MoveStep_SameLocation_IsNotAnEdit()
    {
        var document = EditingSteps.WithCondition();

        Assert.False(document.MoveStep("Train", StepLocation.TopLevel));
        Assert.False(document.CanUndo);
    }

    [Fact]
    public void AddDependency_AddsToDependsOnOnce()
    {
        var document = EditingSteps.WithCondition();

        Assert.True(document.AddDependency("Prepare", "Check"));
        Assert.False(document.AddDependency("Prepare", "Check"));

        Assert.Equal(["Prepare"], document.Definition.FindStep("Check")!.DependsOn);
    }

    [Fact]
    public void AddDependency_ThatWouldMakeACycle_ThrowsWithBothNames()
    {
        var document = EditingSteps.WithCondition();

        var error = Assert.Throws<InvalidEditException>(() => document.AddDependency("Check", "Prepare"));

        Assert.Contains("cycle", error.Message);
        Assert.Contains("Prepare", error.Message);
        Assert.Throws<InvalidEditException>(() => document.AddDependency("Train", "Train"));
    }

    [Fact]
    public void RemoveDependency_RemovesOnlyThatEntry()
    {
        var document = EditingSteps.WithCondition();
        document.AddDependency("Prepare", "Check");

        Assert.True(document.RemoveDependency("Prepare", "Check"));
        Assert.False(document.RemoveDependency("Prepare", "Check"));

        Assert.Empty(document.Definition.FindStep("Check")!.DependsOn);
        Assert.Equal(["Prepare"], document.Definition.FindStep("Train")!.DependsOn);
    }

    [Fact]
    public void ReplaceStep_Rename_RewritesDependsOnReferencesAndPosition()
    {
        var document = EditingSteps.WithCondition();
        var position = document.Positions["Train"];
        var renamed = (JsonObject)document.Definition.FindStep("Train")!.Json.DeepClone();
        renamed["Name"] = "Fit";
        document.AddStep(EditingSteps.Processing("Evaluate", dependsOn: "Train"), StepLocation.TopLevel);

        document.ReplaceStep("Train", renamed);

        Assert.Null(document.Definition.FindStep("Train"));
        Assert.Equal(["Fit"], document.Definition.FindStep("Evaluate")!.DependsOn);
        var reference = document.Definition.FindStep("Check")!.Expressions.References.Single(r => r.Kind == Expressions.ReferenceKind.Step);
        Assert.Equal("Steps.Fit.FinalMetricDataList['auc'].Value", reference.Path);
        Assert.Equal(position, document.Positions["Fit"]);
        Assert.False(document.Positions.ContainsKey("Train"));
        Assert.DoesNotContain(DefinitionValidator.Validate(document.ToJson()).Issues, i => i.IsError);
    }

    [Fact]
    public void ReplaceStep_RenameToATakenName_Throws()
    {
        var document = EditingSteps.WithCondition();
        var renamed = (JsonObject)document.Definition.FindStep("Train")!.Json.DeepClone();
        renamed["Name"] = "Prepare";

        Assert.Throws<InvalidEditException>(() => document.ReplaceStep("Train", renamed));
        Assert.NotNull(document.Definition.FindStep("Train"));
    }

    [Fact]
    public void ReplaceStep_Unchanged_IsNotAnEdit()
    {
        var document = EditingSteps.WithCondition();
        var same = (JsonObject)document.Definition.FindStep("Train")!.Json.DeepClone();

        Assert.False(document.ReplaceStep("Train", same));
        Assert.False(document.CanUndo);
    }

    [Fact]
    public void ReplaceDefinition_KeepsPositionsOfStepsThatStay()
    {
        var document = EditingSteps.WithCondition();
        var trainAt = document.Positions["Train"];
        var root = (JsonObject)document.Root.DeepClone();
        ((JsonArray)root["Steps"]!).RemoveAt(0);

        document.ReplaceDefinition(root);

        Assert.Equal(trainAt, document.Positions["Train"]);
        Assert.False(document.Positions.ContainsKey("Prepare"));
    }

    [Fact]
    public void SetPositions_Unchanged_IsNotAnEdit()
    {
        var document = EditingSteps.WithCondition();

        Assert.False(document.SetPositions(new Dictionary<string, NodePosition> { ["Train"] = document.Positions["Train"] }));
        Assert.True(document.SetPositions(new Dictionary<string, NodePosition> { ["Train"] = new(5, 5), ["Check"] = new(9, 9) }));
        Assert.Equal("Move steps", document.UndoLabel);
    }

    [Fact]
    public void SetPositions_LeavesTheDefinitionAndItsDerivedViewsAlone_UndoOfTheMoveDoesNot()
    {
        var document = EditingSteps.WithCondition();
        var definition = document.Definition;
        var content = document.ContentRevision;
        var revision = document.Revision;
        var dirty = document.IsDirty;

        document.SetPositions(new Dictionary<string, NodePosition> { ["Train"] = new(5, 5) });

        Assert.Equal(revision + 1, document.Revision);
        Assert.Equal(content, document.ContentRevision);
        Assert.Same(definition, document.Definition);
        Assert.Equal(dirty, document.IsDirty);

        // Undo restores a snapshot of the whole document, so views must re-read it.
        document.Undo();
        Assert.NotEqual(content, document.ContentRevision);
        Assert.NotSame(definition, document.Definition);
    }

    [Fact]
    public void AutoLayout_PlacesStepsLeftToRightAlongDependencies()
    {
        var document = EditingSteps.WithCondition();
        document.SetPositions(new Dictionary<string, NodePosition> { ["Prepare"] = new(900, 0), ["Train"] = new(0, 0), ["Check"] = new(450, 0) });

        document.AutoLayout();

        Assert.True(document.Positions["Prepare"].X < document.Positions["Train"].X);
        Assert.True(document.Positions["Train"].X < document.Positions["Check"].X);
    }

    [Fact]
    public void Open_WithoutPositions_LaysOutEveryStepIncludingBranches()
    {
        var document = DesignerDocument.Parse(SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone)).Document!;

        Assert.Equal(document.Definition.AllSteps.Count, document.Positions.Count);
    }

    [Fact]
    public void Parse_MalformedText_ReturnsPS001()
    {
        var (document, issue) = DesignerDocument.Parse("{\"Steps\": [,]}");

        Assert.Null(document);
        Assert.Equal(IssueCodes.MalformedJson, issue!.Code);
    }
}
