using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Components.Pages;

namespace PipelineStudio.Web.Tests.Components;

public sealed class LaunchPageTests : RunPageTestBase
{
    private IRenderedComponent<LaunchPage> RenderLaunch(string query = "")
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/pipelines/train/launch" + query);
        var cut = Render<LaunchPage>(p => p.Add(x => x.Name, "train"));
        cut.WaitForElement("#launch-form");
        return cut;
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<LaunchPage> cut, string name) =>
        cut.Find($"#launch-form [data-parameter='{name}']");

    [Fact]
    public async Task Render_Parameters_GetInputsByTypeWithDefaultsPrefilled()
    {
        await SeedAsync("train", Parameters);

        var cut = RenderLaunch();

        Assert.Equal(["Epochs", "Rate", "Instance", "Shuffle", "InputUri"], cut.FindAll("#launch-form [data-parameter]").Select(f => f.GetAttribute("data-parameter")));
        Assert.Equal(["Integer", "Float", "Choice", "Boolean", "Text"], cut.FindAll("#launch-form [data-parameter]").Select(f => f.GetAttribute("data-kind")));
        Assert.Equal("10", Field(cut, "Epochs").QuerySelector("input")!.GetAttribute("value"));
        Assert.NotNull(Field(cut, "Epochs").QuerySelector(".parameter-default"));
        Assert.NotNull(Field(cut, "InputUri").QuerySelector(".parameter-required"));
        Assert.Contains("ml.m5.large", Field(cut, "Instance").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EnumParameter_OffersExactlyItsValues()
    {
        await SeedAsync("train", Parameters);
        var cut = RenderLaunch();

        await Field(cut, "Instance").QuerySelector(".mud-select .mud-input-control")!.MouseDownAsync(new());

        var options = Popovers.WaitForElements(".mud-popover-open .mud-list-item");
        Assert.Equal(["ml.m5.large", "ml.m5.xlarge"], options.Select(o => o.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_RequiredValueMissing_ShowsTheBindersMessageAndDisablesStart()
    {
        await SeedAsync("train", Parameters);

        var cut = RenderLaunch();

        Assert.Contains("Parameter 'InputUri' has no default value; supply one.", Field(cut, "InputUri").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", Field(cut, "InputUri").GetAttribute("data-invalid"));
        Assert.True(cut.Find("#launch-submit").HasAttribute("disabled"));
        Assert.Contains("Fix 1 value", cut.Find("#launch-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_RequiredValue_ClearsTheMessageAndEnablesStart()
    {
        await SeedAsync("train", Parameters);
        var cut = RenderLaunch();

        Field(cut, "InputUri").QuerySelector("input")!.Input("s3://bucket/in");

        cut.WaitForAssertion(() => Assert.False(cut.Find("#launch-submit").HasAttribute("disabled")));
        Assert.Equal("false", Field(cut, "InputUri").GetAttribute("data-invalid"));
        Assert.DoesNotContain("has no default value", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ValidForm_StartsTheShownVersionWithTheValuesAndOpensTheExecution()
    {
        await SeedAsync("train", Parameters);
        var cut = RenderLaunch();
        Field(cut, "InputUri").QuerySelector("input")!.Input("s3://bucket/in");
        Field(cut, "Epochs").QuerySelector("input")!.Input("25");
        cut.Find("#launch-display-name").Change("first try");

        await cut.Find("#launch-form").SubmitAsync();

        var request = Assert.Single(Backend.Started);
        Assert.Equal(1, request.PipelineVersion);
        Assert.Equal("first try", request.DisplayName);
        Assert.Equal("25", request.Parameters["Epochs"]);
        Assert.Equal("s3://bucket/in", request.Parameters["InputUri"]);
        Assert.Equal("ml.m5.large", request.Parameters["Instance"]);
        Assert.EndsWith("/executions/exec1", Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_EngineRefuses_ShowsItsProblemsAndStays()
    {
        await SeedAsync("train", Parameters);
        var cut = RenderLaunch();
        Field(cut, "InputUri").QuerySelector("input")!.Input("s3://bucket/in");
        Backend.RefuseWith = ["Step 'Work' has type 'EMR', which cannot run locally."];

        await cut.Find("#launch-form").SubmitAsync();

        Assert.Contains("cannot run locally", cut.Find("#launch-refused").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/pipelines/train/launch", Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_FromAnEarlierExecution_FillsItsValuesAndNamesWhatWasLeftOut()
    {
        await SeedAsync("train", Parameters);
        await Runs.CreateExecutionAsync(
            new ExecutionRecord("old1", "train", 1, ExecutionStatus.Succeeded,
                new Dictionary<string, string> { ["Epochs"] = "99", ["InputUri"] = "s3://b/old", ["Dropped"] = "x" }, Now.AddHours(-2)),
            []);

        var cut = RenderLaunch("?from=old1");

        Assert.Equal("99", Field(cut, "Epochs").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("s3://b/old", Field(cut, "InputUri").QuerySelector("input")!.GetAttribute("value"));
        Assert.Contains("old1", cut.Find("#clone-source").TextContent, StringComparison.Ordinal);
        Assert.Contains("Left out Dropped", cut.Find("#clone-note").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("#launch-submit").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_FromAnExecutionOfAnotherPipeline_KeepsTheDefaultsAndSaysWhy()
    {
        await SeedAsync("train", Parameters);
        await Runs.CreateExecutionAsync(
            new ExecutionRecord("other1", "other", 1, ExecutionStatus.Succeeded, new Dictionary<string, string> { ["Epochs"] = "99" }, Now), []);

        var cut = RenderLaunch("?from=other1");

        Assert.Equal("10", Field(cut, "Epochs").QuerySelector("input")!.GetAttribute("value"));
        Assert.Contains("belongs to pipeline “other”", cut.Find("#clone-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownPipeline_SaysSo()
    {
        var cut = Render<LaunchPage>(p => p.Add(x => x.Name, "ghost"));

        Assert.Contains("no pipeline named “ghost”", cut.Find("#pipeline-not-found").TextContent, StringComparison.Ordinal);
    }
}
