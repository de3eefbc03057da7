using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PipelineStudio.Web.Components.Pages;
using PipelineStudio.Web.Tests.Model;

namespace PipelineStudio.Web.Tests.Components;

public sealed class PipelinePageTests : StudioComponentTestBase
{
    public PipelinePageTests() => Render<MudPopoverProvider>();

    [Fact]
    public async Task Render_StoredPipeline_DrawsOneNodePerStep()
    {
        await SeedAsync("abalone", TestDefinitions.Condition);

        var cut = Render<PipelinePage>(p => p.Add(x => x.Name, "abalone"));

        var steps = cut.WaitForElements(".step-node");
        Assert.Equal(["Check", "Prep", "Register", "Stop", "Train"], steps.Select(s => s.GetAttribute("data-step")).Order());
        Assert.Equal("v1", cut.Find("#version-chip").TextContent.Trim());
        Assert.Equal("/api/v1/pipelines/abalone/definition?version=1&download=true", cut.Find("#export-button").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_OlderVersionRequested_ShowsItAndListsAllVersions()
    {
        await SeedAsync("abalone", TestDefinitions.Minimal, author: "alice", message: "first");
        await SeedAsync("abalone", TestDefinitions.Condition, author: "bob", message: "second");

        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/pipelines/abalone?version=1");
        var cut = Render<PipelinePage>(p => p.Add(x => x.Name, "abalone"));

        Assert.Equal("v1", cut.Find("#version-chip").TextContent.Trim());
        Assert.Equal(["Only"], cut.FindAll(".step-node").Select(s => s.GetAttribute("data-step")));
        var versions = cut.FindAll("#version-history .version-row");
        Assert.Equal(["2", "1"], versions.Select(v => v.GetAttribute("data-version")));
        Assert.Contains("bob", versions[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("page", versions[1].GetAttribute("aria-current"));
    }

    [Fact]
    public void Render_UnknownPipeline_ShowsAFriendlyNotFound()
    {
        var cut = Render<PipelinePage>(p => p.Add(x => x.Name, "ghost"));

        Assert.Contains("There is no pipeline named “ghost”", cut.Find("#pipeline-not-found").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_UnknownVersion_OffersTheLatest()
    {
        await SeedAsync("abalone", TestDefinitions.Minimal);

        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/pipelines/abalone?version=7");
        var cut = Render<PipelinePage>(p => p.Add(x => x.Name, "abalone"));

        Assert.Contains("has no version 7", cut.Find("#version-not-found").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClickNode_Step_OpensItsDetails()
    {
        await SeedAsync("abalone", TestDefinitions.Condition);
        var cut = Render<PipelinePage>(p => p.Add(x => x.Name, "abalone"));
        var node = cut.WaitForElement("[data-node-id=Train]");

        await node.TriggerEventAsync("onpointerdown", new Microsoft.AspNetCore.Components.Web.PointerEventArgs { Button = 0 });
        await cut.Find("[data-node-id=Train]").TriggerEventAsync("onpointerup", new Microsoft.AspNetCore.Components.Web.PointerEventArgs { Button = 0 });

        cut.WaitForAssertion(() => Assert.Equal("Train", cut.Find("#step-details").GetAttribute("data-step")));
        Assert.Contains("step-node--focused", cut.Find(".step-node[data-step=Train]").ClassList);
    }
}
