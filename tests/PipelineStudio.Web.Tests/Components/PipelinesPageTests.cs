using Bunit;
using MudBlazor;
using PipelineStudio.Web.Components.Pages;
using PipelineStudio.Web.Tests.Model;

namespace PipelineStudio.Web.Tests.Components;

public sealed class PipelinesPageTests : StudioComponentTestBase
{
    public PipelinesPageTests() => Render<MudPopoverProvider>();

    [Fact]
    public async Task Render_StoredPipelines_ShowsOneLinkedRowEach()
    {
        await SeedAsync("churn", TestDefinitions.Minimal);
        await SeedAsync("abalone", TestDefinitions.Condition);
        await SeedAsync("abalone", TestDefinitions.Condition);

        var cut = Render<PipelinesPage>();

        var rows = cut.FindAll("tr.pipeline-row");
        Assert.Equal(["abalone", "churn"], rows.Select(r => r.GetAttribute("data-pipeline")));
        var abalone = rows[0];
        Assert.Equal("/pipelines/abalone", abalone.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("v2", abalone.TextContent, StringComparison.Ordinal);
        Assert.Contains("Train and register when accurate", abalone.TextContent, StringComparison.Ordinal);
        Assert.Contains("just now", abalone.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TypedText_KeepsOnlyMatchingRowsLive()
    {
        await SeedAsync("churn", TestDefinitions.Minimal);
        await SeedAsync("abalone", TestDefinitions.Condition);
        var cut = Render<PipelinesPage>();

        cut.Find("#pipeline-search").Input("ACCURATE");

        Assert.Equal(["abalone"], cut.FindAll("tr.pipeline-row").Select(r => r.GetAttribute("data-pipeline")));
        Assert.Contains("1 of 2 pipelines", cut.Find("#pipelines-count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NothingMatches_SaysSoInsteadOfAnEmptyTable()
    {
        await SeedAsync("churn", TestDefinitions.Minimal);
        var cut = Render<PipelinesPage>();

        cut.Find("#pipeline-search").Input("zzz");

        Assert.Empty(cut.FindAll("tr.pipeline-row"));
        Assert.Contains("zzz", cut.Find("#pipelines-no-match").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoPipelines_ShowsTheEmptyStateWithAnImportButton()
    {
        var cut = Render<PipelinesPage>();

        Assert.Empty(cut.FindAll("tr.pipeline-row"));
        var empty = cut.Find("#pipelines-empty");
        Assert.Contains("No pipelines yet", empty.TextContent, StringComparison.Ordinal);
        Assert.NotNull(empty.QuerySelector("#import-button-empty"));
        Assert.NotNull(cut.Find("#import-button"));
    }
}
