using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public sealed class PipelineDiagramMapperTests
{
    private static PipelineDefinition Parse(string json) => PipelineDefinition.FromJson(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void Map_ConditionDefinition_HasOneNodePerStepIncludingBranches()
    {
        var model = PipelineDiagramMapper.Map(Parse(TestDefinitions.Condition), []);

        Assert.Equal(["Check", "Prep", "Register", "Stop", "Train"], model.Nodes.Select(n => n.StepName).Order());
        var train = model.FindNode("Train")!;
        Assert.Equal("Training", train.StepType);
        Assert.Equal("Train model", train.Label);
        Assert.Equal(StepTypeIcons.For("Training"), train.Style);
    }

    [Fact]
    public void Map_ConditionDefinition_LabelsBranchLinksIfAndElse()
    {
        var model = PipelineDiagramMapper.Map(Parse(TestDefinitions.Condition), []);

        var toRegister = Assert.Single(model.Links, l => l is { SourceStep: "Check", TargetStep: "Register" });
        Assert.Equal(EdgeKind.IfBranch, toRegister.Kind);
        Assert.Equal("if", Assert.Single(toRegister.Labels).Content);
        var toStop = Assert.Single(model.Links, l => l is { SourceStep: "Check", TargetStep: "Stop" });
        Assert.Equal(EdgeKind.ElseBranch, toStop.Kind);
        Assert.Equal("else", Assert.Single(toStop.Labels).Content);
    }

    [Fact]
    public void Map_ConditionDefinition_StylesDependsOnAndReferenceLinksApart()
    {
        var model = PipelineDiagramMapper.Map(Parse(TestDefinitions.Condition), []);

        var dependsOn = Assert.Single(model.Links, l => l is { SourceStep: "Train", TargetStep: "Check" });
        Assert.Equal(EdgeKind.DependsOn, dependsOn.Kind);
        Assert.Equal("depends-on", dependsOn.CssModifier);
        Assert.Empty(dependsOn.Labels);
        var reference = Assert.Single(model.Links, l => l is { SourceStep: "Prep", TargetStep: "Train" });
        Assert.Equal(EdgeKind.Reference, reference.Kind);
        Assert.Equal("reference", reference.CssModifier);
        Assert.Contains(model.Links, l => l is { SourceStep: "Train", TargetStep: "Register", Kind: EdgeKind.Reference });
    }

    [Fact]
    public void Map_ConditionDefinition_PlacesNodesWhereTheLayeredLayoutSays()
    {
        var definition = Parse(TestDefinitions.Condition);
        var expected = LayeredLayout.Compute(PipelineGraph.Build(definition), PipelineDiagramMapper.Layout);

        var model = PipelineDiagramMapper.Map(definition, []);

        foreach (var node in model.Nodes)
        {
            Assert.Equal(expected[node.StepName].X, node.Position.X);
            Assert.Equal(expected[node.StepName].Y, node.Position.Y);
        }

        // Left to right: every edge points to a later layer.
        var x = model.Nodes.ToDictionary(n => n.StepName, n => n.Position.X);
        Assert.True(x["Prep"] < x["Train"] && x["Train"] < x["Check"] && x["Check"] < x["Register"] && x["Check"] < x["Stop"]);
    }

    [Fact]
    public void Map_IssuesPinnedToSteps_CountOnTheirNodes()
    {
        ValidationIssue[] issues =
        [
            new(IssueCodes.UnknownStepProperty, IssueSeverity.Error, "$.Steps[1]", "bad") { StepName = "Train" },
            new(IssueCodes.UnknownStepType, IssueSeverity.Warning, "$.Steps[1]", "odd") { StepName = "Train" },
            new(IssueCodes.UnknownStepType, IssueSeverity.Warning, "$.Steps[0]", "odd") { StepName = "Prep" },
        ];

        var model = PipelineDiagramMapper.Map(Parse(TestDefinitions.Condition), issues);

        Assert.Equal((1, 1), (model.FindNode("Train")!.ErrorCount, model.FindNode("Train")!.WarningCount));
        Assert.Equal((0, 1), (model.FindNode("Prep")!.ErrorCount, model.FindNode("Prep")!.WarningCount));
        Assert.Equal((0, 0), (model.FindNode("Check")!.ErrorCount, model.FindNode("Check")!.WarningCount));
    }

    [Fact]
    public void Map_DuplicateStepNames_DrawsTheFirstOnly()
    {
        var definition = Parse("""
            {"Version": "2020-12-01", "Steps": [
              {"Name": "A", "Type": "Processing", "Arguments": {}},
              {"Name": "A", "Type": "Training", "Arguments": {}},
              {"Type": "Fail", "Arguments": {}}]}
            """);

        var model = PipelineDiagramMapper.Map(definition, []);

        Assert.Equal("Processing", Assert.Single(model.Nodes).StepType);
    }
}
