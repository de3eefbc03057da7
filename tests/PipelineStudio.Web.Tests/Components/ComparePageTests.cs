using System.Text.RegularExpressions;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.TestSupport.Fakes;
using PipelineStudio.Web.Components.Pages;
using PipelineStudio.Web.Model.Registry;
using PipelineStudio.Web.Services;
using PipelineStudio.Web.Tests.Model.Comparison;

namespace PipelineStudio.Web.Tests.Components;

public sealed class ComparePageTests : StudioComponentTestBase
{
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryModelRegistry _registry = new();
    private readonly InMemoryArtifactStore _artifacts = new();

    private ComparisonSeed Seed => new(Store, _runs, _registry, _artifacts);

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IRunStore>(_runs);
        services.AddSingleton<IModelRegistry>(_registry);
        services.AddSingleton<IArtifactStore>(_artifacts);
        services.AddSingleton<ModelMetricsReader>();
        services.AddSingleton<ExecutionComparisonLoader>();
    }

    private async Task SeedTwoAsync()
    {
        await Seed.SavePipelineAsync();
        await Seed.AddAsync("e1", "0.1", objective: 0.80, auc: 0.82, accuracy: 0.75, register: true, minutesAgo: 90);
        await Seed.AddAsync("e2", "0.5", objective: 0.85, auc: 0.79, accuracy: 0.77, tuneCachedFrom: "e1");
    }

    private IRenderedComponent<ComparePage> RenderCompare(string query)
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/compare" + query);
        var cut = Render<ComparePage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#compare-loading")), TimeSpan.FromSeconds(10));
        return cut;
    }

    private static List<string?> ParameterRows(IRenderedComponent<ComparePage> cut) =>
        [.. cut.FindAll(".compare-parameter").Select(r => r.GetAttribute("data-parameter"))];

    [Fact]
    public async Task Parameters_ByDefault_OnlyTheDifferingOnesUntilShowAllIsOn()
    {
        await SeedTwoAsync();
        var cut = RenderCompare("?executions=e1,e2");

        Assert.Equal(["Rate"], ParameterRows(cut));
        var rate = cut.Find(".compare-parameter[data-parameter=Rate]");
        Assert.Equal(["0.1", "0.5"], rate.QuerySelectorAll(".compare-value").Select(c => c.TextContent.Trim()));
        Assert.False(rate.QuerySelector(".compare-value[data-column='0']")!.ClassList.Contains("compare-value--differs"));
        Assert.True(rate.QuerySelector(".compare-value[data-column='1']")!.ClassList.Contains("compare-value--differs"));
        Assert.Contains("1 of 2 differs", cut.Find("#compare-parameters-summary").TextContent, StringComparison.Ordinal);

        cut.Find("input#compare-show-all").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["Rate", "Seed"], ParameterRows(cut)), TimeSpan.FromSeconds(10));
        Assert.Equal("false", cut.Find(".compare-parameter[data-parameter=Seed]").GetAttribute("data-differs"));
        Assert.EndsWith("/compare?executions=e1,e2&all=true", Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_LeavingOneOut_LinksTheRestInOrderKeepingShowAll()
    {
        await SeedTwoAsync();
        await Seed.AddAsync("e3", "0.9", objective: 0.7, auc: 0.7, accuracy: 0.7);
        var cut = RenderCompare("?executions=e1,e2,e3&all=true");

        Assert.Equal("/compare?executions=e1,e3&all=true", cut.Find(".compare-card[data-execution=e2] .compare-card__remove").GetAttribute("href"));
        Assert.Equal(3, cut.FindAll(".compare-card__remove").Count);
        Assert.Equal(["Rate", "Seed"], ParameterRows(cut));
    }

    [Fact]
    public async Task Cards_TwoExecutions_NoneCanBeLeftOut()
    {
        await SeedTwoAsync();
        var cut = RenderCompare("?executions=e1,e2");

        Assert.Empty(cut.FindAll(".compare-card__remove"));
    }

    [Fact]
    public async Task Parameters_AllTheSame_SaysSoInsteadOfAnEmptyTable()
    {
        await Seed.SavePipelineAsync();
        await Seed.AddAsync("e1", "0.1", objective: 0.80, auc: 0.82, accuracy: 0.75);
        await Seed.AddAsync("e2", "0.1", objective: 0.80, auc: 0.82, accuracy: 0.75);

        var cut = RenderCompare("?executions=e1,e2");

        Assert.Contains("same 2 parameter values", cut.Find("#compare-same-parameters").TextContent, StringComparison.Ordinal);
        Assert.Empty(ParameterRows(cut));
    }

    [Fact]
    public async Task Metrics_EveryMetricWithTheBestMarkedAndAChartEach()
    {
        await SeedTwoAsync();
        var cut = RenderCompare("?executions=e1,e2");

        Assert.Equal(["val_auc", "auc", "accuracy"], cut.FindAll(".compare-metric").Select(r => r.GetAttribute("data-metric")));
        string? BestColumn(string metric) => cut.Find($".compare-metric[data-metric='{metric}'] td[data-best=true]").GetAttribute("data-column");
        Assert.Equal("1", BestColumn("val_auc"));
        Assert.Equal("0", BestColumn("auc"));
        Assert.Equal("1", BestColumn("accuracy"));
        Assert.Contains("−0.03", cut.Find(".compare-metric[data-metric='auc'] td[data-column='1']").TextContent, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("#compare-metric-charts .compare-chart").Count);
        Assert.NotEmpty(cut.FindAll("#compare-metric-charts svg"));
    }

    [Fact]
    public async Task Steps_DurationsStatusesAndTheCacheHit()
    {
        await SeedTwoAsync();
        var cut = RenderCompare("?executions=e1,e2");

        Assert.Equal(["Tune", "Evaluate"], cut.FindAll(".compare-step").Select(r => r.GetAttribute("data-step")));
        var tune = cut.Find(".compare-step[data-step=Tune]");
        Assert.Equal("false", tune.QuerySelector("td[data-column='0']")!.GetAttribute("data-cache-hit"));
        Assert.Equal("true", tune.QuerySelector("td[data-column='1']")!.GetAttribute("data-cache-hit"));
        Assert.Contains("40 s", tune.QuerySelector("td[data-column='0']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("e2: 1 of 2 cached", cut.Find("#compare-cache-summary").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("#compare-duration-chart svg"));
        Assert.Equal("1", cut.Find(".compare-card[data-execution=e2] .compare-card__cache").GetAttribute("data-hits"));
    }

    [Fact]
    public async Task Cards_SayWhichPipelineVersionAndLinkTheExecutionAndItsModel()
    {
        await SeedTwoAsync();
        var cut = RenderCompare("?executions=e1,e2");

        var first = cut.Find(".compare-card[data-execution=e1]");
        Assert.Contains("churn", first.QuerySelector(".compare-card__pipeline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("v1", first.QuerySelector(".compare-card__pipeline")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("a[href='/executions/e1']"));
        Assert.NotNull(first.QuerySelector("a[href='/models/churn-models/1']"));
        Assert.NotNull(first.QuerySelector(".compare-card__baseline"));
        Assert.Contains("2 executions of churn v1", cut.Find("#compare-subtitle").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIds_AreNamedAndTheOthersStillCompared()
    {
        await SeedTwoAsync();
        var cut = RenderCompare("?executions=e1,nope,e2,gone");

        var warning = cut.Find("#compare-unknown");
        Assert.Equal(["nope", "gone"], warning.QuerySelectorAll(".compare-unknown-id").Select(e => e.TextContent));
        Assert.Contains("leaves them out", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll(".compare-card").Count);
    }

    [Fact]
    public async Task OneId_AsksForAtLeastTwo()
    {
        await SeedTwoAsync();
        var cut = RenderCompare("?executions=e1");

        Assert.Contains("names only e1", cut.Find("#compare-too-few").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".compare-card"));
    }

    [Fact]
    public void OnlyUnknownIds_NamesThemAndComparesNothing()
    {
        var cut = RenderCompare("?executions=x1,x2");

        // As the browser shows it: runs of whitespace collapse to one space.
        var warning = Regex.Replace(cut.Find("#compare-unknown").TextContent, @"\s+", " ").Trim();
        Assert.Equal("There are no executions x1, x2 in this studio.", warning);
        Assert.Contains("None of the executions", cut.Find("#compare-too-few").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSelection_ExplainsHowToChoose()
    {
        var cut = RenderCompare("");

        Assert.Contains("Compare selected", cut.Find("#compare-empty").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#compare-refresh"));
    }
}
