using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Web.Components.Pages;

namespace PipelineStudio.Web.Tests.Components;

public sealed class SweepFormPageTests : RunPageTestBase
{
    private async Task<IRenderedComponent<SweepFormPage>> RenderFormAsync()
    {
        await SeedAsync("train", Parameters);
        var cut = Render<SweepFormPage>(p => p.Add(x => x.Name, "train"));
        cut.WaitForElement("#sweep-form");
        cut.Find("[data-sweep-parameter='InputUri'] [data-parameter='InputUri'] input").Input("s3://b/in");
        return cut;
    }

    private static IElement Axis(IRenderedComponent<SweepFormPage> cut, string name) => cut.Find($"[data-sweep-parameter='{name}']");

    private static void Vary(IRenderedComponent<SweepFormPage> cut, string name) =>
        Axis(cut, name).QuerySelector(".sweep-vary input")!.Change(true);

    private static string Count(IRenderedComponent<SweepFormPage> cut) => cut.Find("#sweep-count").TextContent.Trim();

    [Fact]
    public async Task Render_NothingVaried_PreviewsNothingAndBlocksLaunch()
    {
        var cut = await RenderFormAsync();

        Assert.Equal("0", Count(cut));
        Assert.Contains("Choose at least one parameter to vary.", cut.Find(".sweep-blocker").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("#sweep-submit").HasAttribute("disabled"));
    }

    [Fact]
    public async Task VaryList_ThreeValues_PreviewsThreeExecutions()
    {
        var cut = await RenderFormAsync();

        Vary(cut, "Epochs");
        Axis(cut, "Epochs").QuerySelector(".sweep-values input")!.Input("1, 2, 3");

        cut.WaitForAssertion(() => Assert.Equal("3", Count(cut)));
        Assert.Equal(3, cut.FindAll(".sweep-preview-row").Count);
        Assert.Equal(["1", "2", "3"], cut.FindAll(".sweep-preview-row td:nth-child(2)").Select(c => c.TextContent.Trim()));
        Assert.False(cut.Find("#sweep-submit").HasAttribute("disabled"));
    }

    [Fact]
    public async Task VaryTwo_GridOfRangeAndEnum_PreviewsTheProduct()
    {
        var cut = await RenderFormAsync();

        Vary(cut, "Rate");
        await Axis(cut, "Rate").QuerySelector(".sweep-source-range")!.ClickAsync(new());
        Axis(cut, "Rate").QuerySelector(".sweep-range-start input")!.Input("0.1");
        Axis(cut, "Rate").QuerySelector(".sweep-range-stop input")!.Input("0.3");
        Axis(cut, "Rate").QuerySelector(".sweep-range-step input")!.Input("0.1");
        Vary(cut, "Instance");

        cut.WaitForAssertion(() => Assert.Equal("6", Count(cut)));
        Assert.Equal(6, cut.FindAll(".sweep-preview-row").Count);
        Assert.Equal(["0.1", "0.1", "0.2", "0.2", "0.3", "0.3"], cut.FindAll(".sweep-preview-row td:nth-child(2)").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task VaryWithABadValue_FlagsItsRowAndBlocksLaunch()
    {
        var cut = await RenderFormAsync();

        Vary(cut, "Epochs");
        Axis(cut, "Epochs").QuerySelector(".sweep-values input")!.Input("1, lots");

        cut.WaitForAssertion(() => Assert.Equal("2", Count(cut)));
        var bad = cut.Find(".sweep-preview-row[data-valid=false]");
        Assert.Equal("1", bad.GetAttribute("data-index"));
        Assert.Contains("'lots' is not an integer", bad.TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("#sweep-submit").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Zip_UnequalLists_SaysWhichLengthsDiffer()
    {
        var cut = await RenderFormAsync();
        await cut.Find("#sweep-mode-zip").ClickAsync(new());

        Vary(cut, "Epochs");
        Axis(cut, "Epochs").QuerySelector(".sweep-values input")!.Input("1, 2, 3");
        Vary(cut, "Rate");
        Axis(cut, "Rate").QuerySelector(".sweep-values input")!.Input("0.1, 0.2");

        cut.WaitForAssertion(() => Assert.Contains("Epochs has 3, Rate has 2", cut.Find(".sweep-blocker").TextContent, StringComparison.Ordinal));
        Assert.Equal("0", Count(cut));
        Assert.True(cut.Find("#sweep-submit").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Launch_ValidPlan_StartsTheSweepAndOpensItsPage()
    {
        var cut = await RenderFormAsync();
        Vary(cut, "Epochs");
        Axis(cut, "Epochs").QuerySelector(".sweep-values input")!.Input("1, 2");
        cut.Find("#sweep-concurrency").Input("1");

        await cut.Find("#sweep-submit").ClickAsync(new());

        var sweep = Assert.Single(await Sweeps.ListAsync());
        Assert.Equal(1, sweep.Sweep.Concurrency);
        Assert.Equal("train", sweep.Sweep.PipelineName);
        var members = await Sweeps.ListMembersAsync(sweep.Sweep.Id);
        Assert.Equal(["1", "2"], members.Select(m => m.Parameters["Epochs"]));
        Assert.All(members, m => Assert.Equal("s3://b/in", m.Parameters["InputUri"]));
        Assert.EndsWith($"/sweeps/{sweep.Sweep.Id}", Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal(SweepMode.Grid, SweepSpecJson.TryDeserialize(sweep.Sweep.SpecJson)!.Mode);
    }
}
