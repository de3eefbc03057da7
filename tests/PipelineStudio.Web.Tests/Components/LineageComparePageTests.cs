using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Components.Pages;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>
/// Two registered churn models whose runs used the same generated data and script but trained different models with a
/// different threshold: the page pairs their upstream and marks what differs. Also the registry's entry point.
/// </summary>
public sealed class LineageComparePageTests : RegistryComponentTestBase
{
    public LineageComparePageTests() => Render<MudPopoverProvider>();

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    [Fact]
    public async Task Open_TwoPackageIds_HighlightsTheDifferingParameterAndShowsTheSharedDataAsSame()
    {
        await TwoRunsAsync();

        var cut = Open("?a=churn-models-2&b=churn-models-1");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#compare-summary")));
        var threshold = cut.Find("#compare-parameters tr[data-parameter='Threshold']");
        Assert.Contains("differs", threshold.ClassList);
        Assert.Equal(["Threshold", "0.7", "0.75"], threshold.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Empty(cut.FindAll("#compare-parameters tr[data-parameter='Seed']")); // unchanged: behind the toggle
        Assert.Equal("Same", cut.Find("#compare-artifacts tr[data-name='raw.csv']").GetAttribute("data-change"));
        Assert.Equal("Same", cut.Find("#compare-artifacts tr[data-name='train.py']").GetAttribute("data-change"));
        Assert.Equal("Differs", cut.Find("#compare-artifacts tr[data-name='model.tar.gz']").GetAttribute("data-change"));
        Assert.Equal("Same", cut.Find("#compare-steps tr[data-step='Train']").GetAttribute("data-change")); // same data and script in
        Assert.Equal("Differs", cut.Find("#compare-steps tr[data-step='Register']").GetAttribute("data-change")); // another model in
        Assert.Equal("Same", cut.Find("#compare-steps tr[data-step='Generate']").GetAttribute("data-change"));
        Assert.Equal("/compare?executions=exec-2,exec-1", cut.Find("#compare-executions-link").GetAttribute("href"));
        Assert.Equal(Package(2), cut.Find("#compare-side-a").GetAttribute("data-entity"));
    }

    [Fact]
    public async Task ShowAll_Toggle_WritesItIntoTheUrlAndListsUnchangedParameters()
    {
        await TwoRunsAsync();
        var cut = Open("?a=churn-models-2&b=churn-models-1");
        cut.WaitForElement("input#compare-show-all");

        cut.Find("input#compare-show-all").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("all=true", Navigation.Uri, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains("upstream-row--same", cut.Find("#compare-parameters tr[data-parameter='Seed']").ClassList));
    }

    [Fact]
    public async Task Open_OneSide_AsksForTheOtherAndPickingOneWritesItIntoTheUrl()
    {
        await TwoRunsAsync();
        var cut = Open($"?a={Package(2)}");
        cut.WaitForElement("#compare-pick-hint");

        cut.Find("#compare-search-b").Input("churn-models v1");
        cut.WaitForElement($"#compare-picker-b .upstream-picker__result[data-entity='{Package(1)}']").Click();

        cut.WaitForAssertion(() => Assert.Equal($"/lineage/compare?a={Package(2)}&b={Package(1)}", new Uri(Navigation.Uri).PathAndQuery));
    }

    [Fact]
    public async Task Open_IdThatNamesNothing_SaysSoAndOffersTheSearch()
    {
        await TwoRunsAsync();

        var cut = Open("?a=churn-models-1&b=no-such-thing");

        cut.WaitForAssertion(() => Assert.Contains("Nothing found for “no-such-thing”", cut.Find("#compare-side-b").TextContent, StringComparison.Ordinal));
        Assert.NotNull(cut.Find("#compare-search-b"));
        Assert.Empty(cut.FindAll("#compare-summary"));
    }

    [Fact]
    public async Task PackagePage_AnotherVersionApproved_LinksToWhatChangedUpstreamSinceThen()
    {
        await TwoRunsAsync();
        await Registry.ChangeApprovalAsync(ArnOf(1), ModelApprovalStatus.Approved, "ana", "baseline");

        var cut = Render<ModelPackagePage>(p => p.Add(x => x.Group, Group).Add(x => x.Version, 2));

        var link = cut.WaitForElement("#compare-upstream-approved");
        Assert.Equal("/lineage/compare?a=churn-models-2&b=churn-models-1", link.GetAttribute("href"));
        Assert.Contains("approved v1", link.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The page reads a and b from the address, as in the browser.</summary>
    private IRenderedComponent<LineageComparePage> Open(string query)
    {
        Navigation.NavigateTo("/lineage/compare" + query);
        return Render<LineageComparePage>();
    }

    private static string ArnOf(int version) => $"arn:aws:sagemaker:local:000000000000:model-package/{Group}/{version}";

    private static string Package(int version) => LineageIds.Artifact(LineageTypes.ModelPackage, ArnOf(version));

    /// <summary>Two executions registering v1 and v2: same generated data and script (one entity each), different models.</summary>
    private async Task TwoRunsAsync()
    {
        for (var version = 1; version <= 2; version++)
        {
            var execution = $"exec-{version}";
            await RegisterAsync(execution, auc: 0.8, parameters: new() { ["Seed"] = "42", ["Threshold"] = version == 1 ? "0.75" : "0.7" });
            LineageEntity Run(string step) => new(LineageIds.StepRun(execution, step), LineageKind.Action, "ProcessingJob", step, Now, ExecutionId: execution, StepName: step);
            LineageEntity Artifact(string type, string name, string hash) =>
                new(LineageIds.Artifact(type, hash), LineageKind.Artifact, type, name, Now, $"s3://bucket/{execution}/{name}", hash, ExecutionId: execution);
            var (generate, train, register) = (Run("Generate"), Run("Train"), Run("Register"));
            var raw = Artifact(LineageTypes.DataSet, "raw.csv", "raw");
            var script = Artifact(LineageTypes.Code, "train.py", "train-script");
            var model = Artifact(LineageTypes.Model, "model.tar.gz", $"model-{version}");
            var package = new LineageEntity(Package(version), LineageKind.Artifact, LineageTypes.ModelPackage, $"{Group} v{version}", Now, ArnOf(version), ExecutionId: execution);
            await Lineage.RecordAsync(
                [generate, train, register, raw, script, model, package],
                [
                    new(generate.Id, raw.Id, AssociationTypes.Produced),
                    new(raw.Id, train.Id, AssociationTypes.ContributedTo),
                    new(script.Id, train.Id, AssociationTypes.ContributedTo),
                    new(train.Id, model.Id, AssociationTypes.Produced),
                    new(model.Id, register.Id, AssociationTypes.ContributedTo),
                    new(register.Id, package.Id, AssociationTypes.Produced),
                ]);
        }
    }
}
