using System.Text.Json.Nodes;
using Bunit;
using MudBlazor;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Web.Components.Graph;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Tests.Model;

namespace PipelineStudio.Web.Tests.Components;

public sealed class StepDetailsPanelTests : StudioComponentTestBase
{
    private static readonly PipelineDefinition Definition =
        PipelineDefinition.FromJson(JsonNode.Parse(TestDefinitions.Condition)!.AsObject());

    public StepDetailsPanelTests() => Render<MudPopoverProvider>();

    private IRenderedComponent<StepDetailsPanel> RenderStep(string step) =>
        Render<StepDetailsPanel>(p => p.Add(x => x.Details, StepDetailsViewModel.Create(Definition, step, [])!));

    [Fact]
    public void Render_StepReference_NamesTheStepTypeAndProperty()
    {
        var cut = RenderStep("Register");

        var reference = cut.Find("#step-references .step-reference[data-target=Train]");
        Assert.Equal("Step", reference.GetAttribute("data-kind"));
        Assert.Contains("Training step; property ModelArtifacts.S3ModelArtifacts", reference.TextContent, StringComparison.Ordinal);
        Assert.Contains("Arguments.InferenceSpecification.Containers[0].ModelDataUrl", reference.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ParameterReference_ShowsTypeAndDefault()
    {
        var cut = RenderStep("Prep");

        var reference = cut.Find(".step-reference[data-target=InstanceType]");
        Assert.Equal("Parameter", reference.GetAttribute("data-kind"));
        Assert.Contains("String, default \"ml.m5.xlarge\"", reference.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExecutionVariable_IsExplained()
    {
        var cut = RenderStep("Stop");

        var reference = cut.Find(".step-reference[data-target=PipelineExecutionId]");
        Assert.Equal("Execution", reference.GetAttribute("data-kind"));
        Assert.Contains("Else branch of Check", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReferenceToAMissingStep_IsMarkedUnresolved()
    {
        var definition = PipelineDefinition.FromJson(JsonNode.Parse("""
            {"Version": "2020-12-01", "Steps": [{"Name": "A", "Type": "Processing", "Arguments": {"X": {"Get": "Steps.Ghost.Outcome"}}}]}
            """)!.AsObject());

        var cut = Render<StepDetailsPanel>(p => p.Add(x => x.Details, StepDetailsViewModel.Create(definition, "A", [])!));

        var reference = cut.Find(".step-reference[data-target=Ghost]");
        Assert.Contains("step-reference--unresolved", reference.ClassList);
        Assert.Contains("unknown step", reference.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Step_ShowsTypeDependsOnAndPrettyArguments()
    {
        var cut = RenderStep("Check");

        Assert.Contains("Condition step", cut.Find(".step-details__type").TextContent, StringComparison.Ordinal);
        Assert.Contains("Train", cut.Find("#step-details-depends-on").TextContent, StringComparison.Ordinal);
        var arguments = cut.Find("#step-arguments").TextContent;
        Assert.Contains("\n", arguments, StringComparison.Ordinal);
        Assert.Contains("\"GreaterThanOrEqualTo\"", arguments, StringComparison.Ordinal);
    }
}
