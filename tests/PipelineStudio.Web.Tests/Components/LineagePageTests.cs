using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.TestSupport.Fakes;
using PipelineStudio.Web.Components.Pages;
using static PipelineStudio.TestSupport.LineageSamples;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>The explorer draws what its URL says, and every control writes the new state back into the URL.</summary>
public sealed class LineagePageTests : StudioComponentTestBase
{
    private readonly InMemoryLineageStore _lineage = new();

    public LineagePageTests()
    {
        Render<MudPopoverProvider>();
        RecordChurnAsync(_lineage).GetAwaiter().GetResult();
    }

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<ILineageStore>(_lineage);

    [Fact]
    public void Open_UrlWithSelectionAndExpansion_RestoresThemAndHighlightsThePath()
    {
        Navigation.NavigateTo($"/lineage/{Package}?direction=upstream&depth=1&selected={Package},{Train}&expanded={ModelArtifact}");

        var cut = Render<LineagePage>(p => p.Add(x => x.EntityId, Package));

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll(".lineage-node").Count));
        Assert.Equal(
            new[] { ModelArtifact, Package, Register, Train }.Order(StringComparer.Ordinal),
            cut.FindAll(".lineage-node.on-path").Select(n => n.GetAttribute("data-entity")!).Order(StringComparer.Ordinal));
        Assert.Equal(Package, cut.Find("#lineage-details").GetAttribute("data-entity"));
        Assert.Contains("3 hops", cut.Find("#lineage-path-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal("/models/churn-models/1", cut.Find("#lineage-registry-link").GetAttribute("href"));
        Assert.Contains("root", cut.Find($".lineage-node[data-entity='{Package}']").ClassList);
    }

    [Fact]
    public void TypeChip_Click_HidesTheTypeAndWritesItIntoTheUrl()
    {
        Navigation.NavigateTo($"/lineage/{Train}?direction=both&depth=1");
        var cut = Render<LineagePage>(p => p.Add(x => x.EntityId, Train));
        cut.WaitForElement($".lineage-node[data-type='DataSet']");

        cut.Find(".lineage-type-chip[data-type='DataSet']").Click();

        Assert.Contains("types=", Navigation.Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("DataSet", new Uri(Navigation.Uri).Query, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".lineage-node[data-type='DataSet']")));
        Assert.Equal("false", cut.Find(".lineage-type-chip[data-type='DataSet']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task ClickNode_ThenExpand_SelectsItAndAddsItsNeighboursToTheUrl()
    {
        Navigation.NavigateTo($"/lineage/{Package}?direction=upstream&depth=1");
        var cut = Render<LineagePage>(p => p.Add(x => x.EntityId, Package));
        var node = cut.WaitForElement($"[data-node-id='{Register}']");

        await node.TriggerEventAsync("onpointerdown", new PointerEventArgs { Button = 0 });
        await cut.Find($"[data-node-id='{Register}']").TriggerEventAsync("onpointerup", new PointerEventArgs { Button = 0 });
        cut.WaitForAssertion(() => Assert.Equal(Register, cut.Find("#lineage-details").GetAttribute("data-entity")));
        cut.Find("#expand-button").Click();

        cut.WaitForAssertion(() => Assert.Contains($"expanded={Register}", Navigation.Uri, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($".lineage-node[data-entity='{ModelArtifact}']")));
        Assert.NotEmpty(cut.FindAll($".lineage-node[data-entity='{Execution}']"));
        Assert.Equal($"/executions/{ExecutionId}?step=Register", cut.Find("#lineage-step-logs-link").GetAttribute("href"));
    }

    [Fact]
    public void Open_UnknownEntity_SaysSo()
    {
        var cut = Render<LineagePage>(p => p.Add(x => x.EntityId, "artifact-nope"));

        cut.WaitForElement("#lineage-not-found");
    }

    [Fact]
    public void Search_ByName_ListsMatchesLinkingToTheExplorer()
    {
        Navigation.NavigateTo("/lineage?q=churn-models");

        var cut = Render<LineageSearchPage>();

        var results = cut.WaitForElements(".lineage-result");
        Assert.Contains(results, r => r.GetAttribute("data-entity") == Package);
        Assert.Equal($"/lineage/{Package}", results.First(r => r.GetAttribute("data-entity") == Package).GetAttribute("href"));
    }

    [Fact]
    public void Search_NothingTyped_ExplainsWhereLineageComesFrom()
    {
        Navigation.NavigateTo("/lineage");

        var cut = Render<LineageSearchPage>();

        Assert.Contains("recorded as pipelines run", cut.Find("#lineage-empty").TextContent, StringComparison.Ordinal);
    }
}
