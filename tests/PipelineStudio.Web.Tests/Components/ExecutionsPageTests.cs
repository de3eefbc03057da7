using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Components.Pages;

namespace PipelineStudio.Web.Tests.Components;

public sealed class ExecutionsPageTests : RunPageTestBase
{
    // A shared 2-core machine under load can take a while to run a continuation.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private IRenderedComponent<ExecutionsPage> RenderList(string query = "")
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/executions" + query);
        var cut = Render<ExecutionsPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#executions-loading")), Patience);
        return cut;
    }

    private static List<string?> RowIds(IRenderedComponent<ExecutionsPage> cut) =>
        cut.FindAll("tr.execution-row").Select(r => r.GetAttribute("data-execution")).ToList();

    private async Task SeedThreeAsync()
    {
        await AddExecutionAsync("old", "train", ExecutionStatus.Failed, TimeSpan.FromDays(3), StepStatus.Succeeded, StepStatus.Failed, StepStatus.NotExecuted);
        await AddExecutionAsync("mid", "score", ExecutionStatus.Succeeded, TimeSpan.FromHours(5), StepStatus.Succeeded);
        await AddExecutionAsync("new", "train", ExecutionStatus.Executing, TimeSpan.FromMinutes(10), StepStatus.Succeeded, StepStatus.Executing, StepStatus.Pending);
    }

    [Fact]
    public async Task Render_NoFilter_ListsNewestFirstWithStatusAndStepProgress()
    {
        await SeedThreeAsync();

        var cut = RenderList();

        Assert.Equal(["new", "mid", "old"], RowIds(cut));
        var newest = cut.Find("tr.execution-row[data-execution=new]");
        Assert.Equal("Executing", newest.QuerySelector(".run-status-chip")!.GetAttribute("data-status"));
        Assert.Contains("1/3 done", newest.TextContent, StringComparison.Ordinal);
        Assert.Contains("10 min 00 s", newest.TextContent, StringComparison.Ordinal);
        Assert.Contains("3/3 done · 1 failed", cut.Find("tr.execution-row[data-execution=old]").TextContent, StringComparison.Ordinal);
        Assert.Contains("42 s", cut.Find("tr.execution-row[data-execution=old]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareSelected_EnabledFromTwoTicks_LinksThemOldestFirst()
    {
        await SeedThreeAsync();
        var cut = RenderList();
        Assert.Null(cut.Find("#executions-compare").GetAttribute("href"));

        cut.Find("tr.execution-row[data-execution=new] input[type=checkbox]").Change(true);
        Assert.Null(cut.Find("#executions-compare").GetAttribute("href"));
        cut.Find("tr.execution-row[data-execution=old] input[type=checkbox]").Change(true);

        // The checkbox reports its change asynchronously.
        cut.WaitForAssertion(() => Assert.Equal("/compare?executions=old,new", cut.Find("#executions-compare").GetAttribute("href")), Patience);
        Assert.Contains("Compare selected (2)", cut.Find("#executions-compare").TextContent, StringComparison.Ordinal);

        cut.Find("tr.execution-row[data-execution=new] input[type=checkbox]").Change(false);
        cut.WaitForAssertion(() => Assert.Null(cut.Find("#executions-compare").GetAttribute("href")), Patience);
    }

    [Theory]
    [InlineData("?pipeline=train", new[] { "new", "old" })]
    [InlineData("?status=Failed,Succeeded", new[] { "mid", "old" })]
    [InlineData("?range=day", new[] { "new", "mid" })]
    [InlineData("?range=hour", new[] { "new" })]
    [InlineData("?pipeline=train&status=Failed", new[] { "old" })]
    public async Task Render_FilterInTheAddress_ListsOnlyMatchingExecutions(string query, string[] expected)
    {
        await SeedThreeAsync();

        var cut = RenderList(query);

        Assert.Equal(expected, RowIds(cut));
        Assert.NotNull(cut.Find("#filter-clear"));
    }

    [Fact]
    public async Task ChoosePipeline_InTheSelect_FiltersAndPutsTheFilterInTheAddress()
    {
        await SeedAsync("score", TestDefinitionsForRuns.OneStep);
        await SeedAsync("train", TestDefinitionsForRuns.OneStep);
        await SeedThreeAsync();
        var cut = RenderList();

        await cut.Find("#filter-pipeline .mud-input-control").MouseDownAsync(new());
        Popovers.WaitForElements(".mud-popover-open .mud-list-item").Single(o => o.TextContent.Trim() == "score").Click();

        cut.WaitForAssertion(() => Assert.Equal(["mid"], RowIds(cut)));
        Assert.EndsWith("/executions?pipeline=score", Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_FilterMatchingNothing_OffersToClearIt()
    {
        await SeedThreeAsync();

        var cut = RenderList("?status=Stopped");

        Assert.Empty(RowIds(cut));
        Assert.NotNull(cut.Find("#executions-no-match"));
    }

    [Fact]
    public void Render_EmptyStore_ShowsTheEmptyState()
    {
        var cut = RenderList();

        Assert.Contains("No executions yet", cut.Find("#executions-empty").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEvents_NewExecutionAndStepChange_ShowUpWithoutReload()
    {
        await SeedThreeAsync();
        var cut = RenderList("?pipeline=train");

        var started = await AddExecutionAsync("newer", "train", ExecutionStatus.Executing, TimeSpan.Zero, StepStatus.Pending);
        Hub.Publish(new ExecutionChanged(started, 1, Now));
        Hub.Publish(new StepChanged(new StepRecord("new", "Step1", "Processing", StepStatus.Succeeded), 7, Now));
        var other = await AddExecutionAsync("elsewhere", "score", ExecutionStatus.Executing, TimeSpan.Zero, StepStatus.Pending);
        Hub.Publish(new ExecutionChanged(other, 1, Now));

        cut.WaitForAssertion(() => Assert.Equal(["newer", "new", "old"], RowIds(cut)), TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.Contains("2/3 done", cut.Find("tr.execution-row[data-execution=new]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_MoreThanAPage_LoadsTheRestOnRequest()
    {
        for (var i = 0; i < 52; i++)
        {
            await AddExecutionAsync($"e{i:00}", "train", ExecutionStatus.Succeeded, TimeSpan.FromMinutes(i + 1));
        }

        var cut = RenderList();
        Assert.Equal(50, RowIds(cut).Count);

        await cut.Find("#executions-more").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(52, RowIds(cut).Count));
        Assert.Empty(cut.FindAll("#executions-more"));
        Assert.Equal("e51", RowIds(cut)[^1]);
    }
}

/// <summary>A definition the pipelines store accepts, for pages that only need the pipeline to exist.</summary>
internal static class TestDefinitionsForRuns
{
    public const string OneStep = """{"Version":"2020-12-01","Parameters":[],"Steps":[{"Name":"Stop","Type":"Fail","Arguments":{"ErrorMessage":"x"}}]}""";
}
