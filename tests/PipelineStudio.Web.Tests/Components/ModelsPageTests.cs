using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Components.Pages;

namespace PipelineStudio.Web.Tests.Components;

public sealed class ModelsPageTests : RegistryComponentTestBase
{
    public ModelsPageTests() => Render<MudPopoverProvider>();

    [Fact]
    public async Task Render_Packages_ShowsOneRowEachWithStatusMetricsAndLinks()
    {
        await RegisterAsync("exec-1", auc: 0.8443, accuracy: 0.79);
        var second = await RegisterAsync("exec-2", auc: null);
        await Registry.ChangeApprovalAsync(second.Arn, ModelApprovalStatus.Approved, "ana", "good");

        var cut = Render<ModelsPage>();

        var rows = cut.FindAll("tr.model-package-row");
        Assert.Equal(["churn-models-2", "churn-models-1"], rows.Select(r => r.GetAttribute("data-package")));
        var first = cut.Find("tr.model-package-row[data-package=churn-models-1]");
        Assert.Equal("PendingManualApproval", first.QuerySelector(".approval-status-chip")!.GetAttribute("data-status"));
        Assert.Contains("0.8443", first.QuerySelector("[data-metric=auc]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0.79", first.QuerySelector("[data-metric=accuracy]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/executions/exec-1", first.QuerySelector(".model-package-row__execution")!.GetAttribute("href"));
        Assert.Equal("/models/churn-models/1", first.QuerySelector(".model-package-row__link")!.GetAttribute("href"));
        // No readable report: a dash, not an error.
        var unreadable = cut.Find("tr.model-package-row[data-package=churn-models-2]");
        Assert.Equal("Approved", unreadable.QuerySelector(".approval-status-chip")!.GetAttribute("data-status"));
        Assert.Equal("—", unreadable.QuerySelector(".package-metrics--none")!.TextContent.Trim());
    }

    [Fact]
    public async Task Filter_GroupAndStatus_KeepOnlyMatchingRows()
    {
        var approved = await RegisterAsync("exec-1", auc: 0.8);
        await RegisterAsync("exec-2", auc: 0.7);
        await RegisterAsync("exec-3", auc: 0.9, group: "fraud-models");
        await Registry.ChangeApprovalAsync(approved.Arn, ModelApprovalStatus.Approved, "ana", "ok");
        var cut = Render<ModelsPage>();
        Assert.Equal(3, cut.FindAll("tr.model-package-row").Count);

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[0].Instance.ValueChanged.InvokeAsync("fraud-models"));
        Assert.Equal(["fraud-models-1"], cut.FindAll("tr.model-package-row").Select(r => r.GetAttribute("data-package")));

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[0].Instance.ValueChanged.InvokeAsync("*"));
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[1].Instance.ValueChanged.InvokeAsync("Approved"));
        Assert.Equal(["churn-models-1"], cut.FindAll("tr.model-package-row").Select(r => r.GetAttribute("data-package")));
        Assert.Contains("1 of 3 packages", cut.Find("#models-count").TextContent, StringComparison.Ordinal);

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[1].Instance.ValueChanged.InvokeAsync("Rejected"));
        Assert.Empty(cut.FindAll("tr.model-package-row"));
        Assert.NotNull(cut.Find("#models-no-match"));
    }

    [Fact]
    public void Render_EmptyRegistry_ExplainsThatRegisterModelStepsCreatePackages()
    {
        var cut = Render<ModelsPage>();

        Assert.Empty(cut.FindAll("tr.model-package-row"));
        Assert.Contains("RegisterModel step", cut.Find("#models-empty").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_GroupInQuery_PreselectsThatGroup()
    {
        await RegisterAsync("exec-1", auc: 0.8);
        await RegisterAsync("exec-2", auc: 0.9, group: "fraud-models");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/models?group=fraud-models");

        var cut = Render<ModelsPage>();

        Assert.Equal(["fraud-models-1"], cut.FindAll("tr.model-package-row").Select(r => r.GetAttribute("data-package")));
    }
}
