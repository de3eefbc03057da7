using System.Text.Json.Nodes;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PipelineStudio.TestSupport;
using PipelineStudio.Web.Components.Graph;
using PipelineStudio.Web.Components.Pages;

namespace PipelineStudio.Web.Tests.Components;

public sealed class PipelineDiffPageTests : StudioComponentTestBase
{
    private static readonly string Churn = SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample);

    public PipelineDiffPageTests() => Render<MudPopoverProvider>();

    private IRenderedComponent<PipelineDiffPage> RenderAt(string url)
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo(url);
        return Render<PipelineDiffPage>(p => p.Add(x => x.Name, "churn"));
    }

    private static string Edited(Action<JsonObject> edit)
    {
        var json = (JsonObject)JsonNode.Parse(Churn)!;
        edit(json);
        return json.ToJsonString();
    }

    [Fact]
    public async Task Render_TwoVersions_ShowsChangedFieldsAddedParameterAndTheLineDiff()
    {
        await SeedAsync("churn", Churn, message: "import");
        await SeedAsync("churn", Edited(json =>
        {
            json["Steps"]![0]!["Arguments"]!["AppSpecification"]!["ImageUri"] = "my-registry/generate:2";
            json["Parameters"]!.AsArray().Add(new JsonObject { ["Name"] = "Region", ["Type"] = "String", ["DefaultValue"] = "eu-west-1" });
        }), message: "new image");

        var cut = RenderAt("/pipelines/churn/diff?from=1&to=2");

        var step = cut.Find(".structural-change[data-step=GenerateCustomers]");
        Assert.Equal("changed", step.GetAttribute("data-kind"));
        var field = step.QuerySelector(".field-change[data-path='Arguments.AppSpecification.ImageUri']")!;
        Assert.Contains("sagemaker-scikit-learn", field.QuerySelector(".field-change__old")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("my-registry/generate:2", field.QuerySelector(".field-change__new")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("added", cut.Find(".structural-change[data-parameter=Region]").GetAttribute("data-kind"));
        Assert.Single(cut.FindAll(".structural-change[data-step]"));

        Assert.Contains(cut.FindAll(".diff-line--added"), l => l.TextContent.Contains("my-registry/generate:2", StringComparison.Ordinal));
        Assert.Contains(cut.FindAll(".diff-line--removed"), l => l.TextContent.Contains("sagemaker-scikit-learn", StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll(".diff-line--folded"));
    }

    [Fact]
    public async Task Render_NoQuery_ComparesTheLatestWithTheOneBefore()
    {
        await SeedAsync("churn", Churn, message: "first");
        await SeedAsync("churn", Edited(json => json["Metadata"]!["Owner"] = "a"), message: "second");
        await SeedAsync("churn", Edited(json => json["Metadata"]!["Owner"] = "b"), message: "third");

        var cut = RenderAt("/pipelines/churn/diff");

        Assert.Equal(("2", "3"), (cut.Find("#diff-from").GetAttribute("value"), cut.Find("#diff-to").GetAttribute("value")));
        Assert.Contains("v2 · second", cut.Find("#diff-pickers").TextContent, StringComparison.Ordinal);
        var change = cut.Find(".structural-change[data-kind=document] .field-change");
        Assert.Equal("Metadata.Owner", change.GetAttribute("data-path"));
    }

    [Fact]
    public async Task Render_SameDefinitionTwice_SaysSo()
    {
        await SeedAsync("churn", Churn, message: "first");
        await SeedAsync("churn", Churn, message: "again");

        var cut = RenderAt("/pipelines/churn/diff?from=1&to=2");

        Assert.NotNull(cut.Find("#diff-identical"));
        Assert.Empty(cut.FindAll(".diff-line--added"));
    }

    [Fact]
    public async Task Render_UnknownVersion_SaysWhich()
    {
        await SeedAsync("churn", Churn);
        await SeedAsync("churn", Churn);

        var cut = RenderAt("/pipelines/churn/diff?from=1&to=9");

        Assert.Contains("has no version 9", cut.Find("#diff-version-not-found").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_SingleVersion_ExplainsThereIsNothingToCompare()
    {
        await SeedAsync("churn", Churn);

        Assert.NotNull(RenderAt("/pipelines/churn/diff").Find("#diff-single-version"));
    }

    [Fact]
    public void Render_UnknownPipeline_ShowsNotFound() =>
        Assert.NotNull(RenderAt("/pipelines/churn/diff?from=1&to=2").Find("#diff-pipeline-not-found"));

    [Fact]
    public async Task VersionHistory_EveryVersionButTheFirst_LinksToItsComparisonWithThePrevious()
    {
        await SeedAsync("churn", Churn);
        await SeedAsync("churn", Churn);
        var versions = await Store.ListVersionsAsync("churn");

        var cut = Render<VersionHistory>(p => p
            .Add(x => x.PipelineName, "churn").Add(x => x.Versions, versions).Add(x => x.CurrentVersion, 2).Add(x => x.Now, Now));

        var link = Assert.Single(cut.FindAll("a[data-compare-to]"));
        Assert.Equal("/pipelines/churn/diff?from=1&to=2", link.GetAttribute("href"));
    }
}
