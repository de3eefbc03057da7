using System.Text.Json.Nodes;
using Bunit;
using MudBlazor;
using PipelineStudio.Core.Definitions;
using PipelineStudio.TestSupport;
using PipelineStudio.Web.Components.Designer;

namespace PipelineStudio.Web.Tests.Components.Designer;

public sealed class ParametersEditorTests : StudioComponentTestBase
{
    private static readonly PipelineDefinition Churn =
        PipelineDefinition.Parse(SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample)).Definition!;

    private readonly List<JsonObject> _raised = [];

    public ParametersEditorTests() => Render<MudPopoverProvider>();

    private IRenderedComponent<ParametersEditor> RenderEditor(PipelineDefinition? definition = null) =>
        Render<ParametersEditor>(p => p
            .Add(x => x.Definition, definition ?? Churn)
            .Add(x => x.OnDefinitionChanged, (JsonObject d) => _raised.Add(d)));

    [Fact]
    public void Render_ListsEveryParameterWithTypeDefaultAndUse()
    {
        var cut = RenderEditor();

        Assert.Equal(Churn.Parameters.Select(p => p.Name), cut.FindAll(".parameter-row").Select(r => r.GetAttribute("data-parameter")));
        var row = cut.Find(".parameter-row[data-parameter=ProcessingInstanceType]").TextContent;
        Assert.Contains("default ml.m5.large", row, StringComparison.Ordinal);
        Assert.Contains("one of ml.t3.medium, ml.m5.large, ml.m5.xlarge", row, StringComparison.Ordinal);
        Assert.Contains("used by 3", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Rename_RewritesEveryReferenceInTheRaisedDefinition()
    {
        var cut = RenderEditor();
        cut.Find(".parameter-row[data-parameter=AucThreshold] .parameter-row__edit").Click();

        cut.Find("#parameter-name").Input("MinAuc");
        Assert.Contains("CheckChurnAuc", cut.Find("#parameter-rename-note").TextContent, StringComparison.Ordinal);
        cut.Find("#parameter-save").Click();

        cut.WaitForAssertion(() => Assert.Single(_raised));
        var text = Assert.Single(_raised).ToJsonString();
        Assert.DoesNotContain("Parameters.AucThreshold", text, StringComparison.Ordinal);
        Assert.Contains("\"Get\":\"Parameters.MinAuc\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"MinAuc\",\"Type\":\"Float\",\"DefaultValue\":0.75", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_TypedParameterWithEnum_IsAppended()
    {
        var cut = RenderEditor();
        cut.Find("#parameter-add").Click();

        cut.Find("#parameter-name").Input("Region");
        cut.Find("#parameter-default").Input("us-east-1");
        cut.Find("#parameter-enum").Input("us-east-1\neu-west-1");
        cut.Find("#parameter-save").Click();

        cut.WaitForAssertion(() => Assert.Single(_raised));
        var added = Assert.Single(_raised)["Parameters"]!.AsArray().Last()!;
        Assert.Equal("""{"Name":"Region","Type":"String","DefaultValue":"us-east-1","EnumValues":["us-east-1","eu-west-1"]}""", added.ToJsonString());
    }

    [Fact]
    public void Add_DuplicateName_ShowsTheProblemAndRaisesNothing()
    {
        var cut = RenderEditor();
        cut.Find("#parameter-add").Click();

        cut.Find("#parameter-name").Input("Seed");
        cut.Find("#parameter-save").Click();

        Assert.Empty(_raised);
        Assert.Contains("already a parameter named 'Seed'", cut.Find("#parameter-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_ReferencedParameter_WarnsNamingTheStepsBeforeDeleting()
    {
        var cut = RenderEditor();

        cut.Find(".parameter-row[data-parameter=Seed] .parameter-row__delete").Click();

        Assert.Empty(_raised);
        var warning = cut.Find("#parameter-delete-warning").TextContent;
        Assert.Contains("GenerateCustomers", warning, StringComparison.Ordinal);
        Assert.Contains("PreprocessCustomers", warning, StringComparison.Ordinal);

        cut.Find("#parameter-delete-confirm").Click();

        Assert.DoesNotContain(Assert.Single(_raised)["Parameters"]!.AsArray(), p => (string?)p!["Name"] == "Seed");
    }

    [Fact]
    public void Delete_UnusedParameter_DeletesAtOnce()
    {
        var definition = PipelineDefinition.Parse("""
            {"Version":"2020-12-01","Parameters":[{"Name":"Unused","Type":"Integer","DefaultValue":1}],"Steps":[{"Name":"F","Type":"Fail","Arguments":{}}]}
            """).Definition!;
        var cut = RenderEditor(definition);

        cut.Find(".parameter-row[data-parameter=Unused] .parameter-row__delete").Click();

        Assert.Empty(Assert.Single(_raised)["Parameters"]!.AsArray());
    }

    [Fact]
    public void Render_NoParameters_ShowsTheEmptyState()
    {
        var definition = PipelineDefinition.Parse("""{"Version":"2020-12-01","Steps":[{"Name":"F","Type":"Fail","Arguments":{}}]}""").Definition!;

        Assert.NotNull(RenderEditor(definition).Find("#parameters-empty"));
    }
}
