using PipelineStudio.Core.Graph;
using static PipelineStudio.Core.Tests.Graph.TestDefinitions;

namespace PipelineStudio.Core.Tests.Graph;

public class PipelineGraphEdgeTests
{
    [Fact]
    public void Build_DependsOnExistingStep_AddsDependsOnEdge()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A")},{Step("B", ["A"])}]"));

        Assert.Equal([new GraphEdge("A", "B", EdgeKind.DependsOn)], graph.Edges);
    }

    [Fact]
    public void Build_DependsOnUnknownOrItself_AddsNoEdge()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A", ["A", "Ghost"])}]"));

        Assert.Empty(graph.Edges);
    }

    [Fact]
    public void Build_ReferenceNestedInFunction_AddsReferenceEdge()
    {
        var arguments = """{"Uri":{"Std:Join":{"On":"/","Values":[{"Get":"Steps.Prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"},"x"]}}}""";
        var graph = PipelineGraph.Build(FromSteps($"[{Step("Prep", type: "Processing")},{Step("Train", arguments: arguments)}]"));

        Assert.Equal([new GraphEdge("Prep", "Train", EdgeKind.Reference)], graph.Edges);
    }

    [Fact]
    public void Build_ReferenceToUnknownStepOrItself_AddsNoEdge()
    {
        var arguments = """{"A":{"Get":"Steps.Ghost.TrainingJobName"},"B":{"Get":"Steps.T.TrainingJobName"},"C":{"Get":"Parameters.T"}}""";
        var graph = PipelineGraph.Build(FromSteps($"[{Step("T", arguments: arguments)}]"));

        Assert.Empty(graph.Edges);
    }

    [Fact]
    public void Build_NestedConditions_AddsBranchEdgesToDirectChildrenOnly()
    {
        var graph = PipelineGraph.Build(FromSteps("""
            [{"Name":"Outer","Type":"Condition","Arguments":{"Conditions":[],
              "IfSteps":[{"Name":"Inner","Type":"Condition","Arguments":{"Conditions":[],
                 "IfSteps":[{"Name":"Deep","Type":"Training","Arguments":{}}]}}],
              "ElseSteps":[{"Name":"Other","Type":"Training","Arguments":{}}]}}]
            """));

        Assert.Equal(
            [
                new GraphEdge("Outer", "Inner", EdgeKind.IfBranch),
                new GraphEdge("Outer", "Other", EdgeKind.ElseBranch),
                new GraphEdge("Inner", "Deep", EdgeKind.IfBranch),
            ],
            graph.Edges);
    }

    [Fact]
    public void Build_ReferenceInsideBranchStep_BelongsToTheBranchStepNotTheCondition()
    {
        var graph = PipelineGraph.Build(FromSteps($$$"""
            [{{{Step("Train")}}},
             {"Name":"Check","Type":"Condition","Arguments":{"Conditions":[],
               "IfSteps":[{"Name":"Register","Type":"RegisterModel","Arguments":{{{ReadsFrom("Train", "ModelArtifacts.S3ModelArtifacts")}}}}]}}]
            """));

        Assert.Contains(new GraphEdge("Train", "Register", EdgeKind.Reference), graph.Edges);
        Assert.DoesNotContain(graph.Edges, e => e is { From: "Train", To: "Check" });
    }

    [Fact]
    public void Build_DependsOnAndReferenceToSameStep_KeepsOneDependsOnEdge()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A")},{Step("B", ["A"], ReadsFrom("A"))}]"));

        Assert.Equal([new GraphEdge("A", "B", EdgeKind.DependsOn)], graph.Edges);
    }

    [Fact]
    public void Build_WeakerEdgeFoundFirst_UpgradesToDependsOnInPlace()
    {
        // Only a duplicated name makes a reference come before a DependsOn for the same pair.
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A")},{Step("Z")},{Step("B", arguments: ReadsFrom("A"))},{Step("B", ["Z", "A"])}]"));

        Assert.Equal([new GraphEdge("A", "B", EdgeKind.DependsOn), new GraphEdge("Z", "B", EdgeKind.DependsOn)], graph.Edges);
    }

    [Fact]
    public void Build_BranchStepAlsoDependingOnItsCondition_KeepsBranchKind()
    {
        var graph = PipelineGraph.Build(FromSteps($$$"""
            [{"Name":"C","Type":"Condition","Arguments":{"Conditions":[],"IfSteps":[{{{Step("X", ["C"], ReadsFrom("C", "Outcome"))}}}]}}]
            """));

        Assert.Equal([new GraphEdge("C", "X", EdgeKind.IfBranch)], graph.Edges);
    }

    [Fact]
    public void Build_UnnamedAndDuplicateSteps_ListsEachNameOnceInDefinitionOrder()
    {
        var graph = PipelineGraph.Build(FromSteps($$$"""
            [{{{Step("B")}}},{"Type":"Training","Arguments":{}},
             {"Name":"C","Type":"Condition","Arguments":{"Conditions":[],"IfSteps":[{{{Step("Inner")}}}]}},{{{Step("B")}}},{{{Step("A")}}}]
            """));

        Assert.Equal(["B", "C", "Inner", "A"], graph.Nodes);
    }

    [Fact]
    public void EdgesIntoAndOutOf_Diamond_ReturnTheStepsEdges()
    {
        var graph = PipelineGraph.Build(FromSteps($"[{Step("A")},{Step("B", ["A"])},{Step("C", ["A"])},{Step("D", ["B"], ReadsFrom("C"))}]"));

        Assert.Equal(["B", "C"], graph.EdgesOutOf("A").Select(e => e.To));
        Assert.Equal(
            [new GraphEdge("B", "D", EdgeKind.DependsOn), new GraphEdge("C", "D", EdgeKind.Reference)],
            graph.EdgesInto("D"));
        Assert.Empty(graph.EdgesInto("A"));
        Assert.Empty(graph.EdgesOutOf("Ghost"));
    }
}
