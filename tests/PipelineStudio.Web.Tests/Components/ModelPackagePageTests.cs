using Bunit;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Components.Pages;

namespace PipelineStudio.Web.Tests.Components;

public sealed class ModelPackagePageTests : RegistryComponentTestBase
{
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public ModelPackagePageTests()
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    [Fact]
    public async Task Approve_CommentRequired_SubmitEnabledOnlyForTextAndRecordsCommentAndUser()
    {
        var package = await RegisterAsync("exec-1", auc: 0.84);
        var cut = Render<ModelPackagePage>(p => p.Add(x => x.Group, Group).Add(x => x.Version, 1));
        Assert.Equal("PendingManualApproval", cut.Find("#package-status").GetAttribute("data-status"));

        cut.Find(".approval-action[data-target=Approved]").Click();
        _dialogs.WaitForElement("#approval-comment");
        Assert.True(_dialogs.Find("#approval-submit").HasAttribute("disabled"));
        _dialogs.Find("#approval-comment").Input("   ");
        Assert.True(_dialogs.Find("#approval-submit").HasAttribute("disabled"));

        _dialogs.Find("#approval-comment").Input("AUC above the bar on the holdout set");
        _dialogs.WaitForAssertion(() => Assert.False(_dialogs.Find("#approval-submit").HasAttribute("disabled")));
        _dialogs.Find("#approval-submit").Click();

        cut.WaitForAssertion(() => Assert.Equal("Approved", cut.Find("#package-status").GetAttribute("data-status")));
        var change = Assert.Single(await Registry.ListApprovalHistoryAsync(package.Arn));
        Assert.Equal(("tester", "AUC above the bar on the holdout set", ModelApprovalStatus.Approved), (change.ChangedBy, change.Comment, change.To));
        var entry = cut.Find("#approval-history .approval-history__entry");
        Assert.Contains("tester", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("AUC above the bar", entry.TextContent, StringComparison.Ordinal);
        Assert.Equal(["PendingManualApproval", "Approved"], entry.QuerySelectorAll(".approval-status-chip").Select(c => c.GetAttribute("data-status")));
        Assert.Empty(_dialogs.FindAll("#approval-dialog"));
    }

    [Fact]
    public async Task Render_AnotherVersionApproved_ComparesMetricsAndDifferingParameters()
    {
        var approved = await RegisterAsync("exec-1", auc: 0.80, accuracy: 0.75, parameters: new() { ["AucThreshold"] = "0.55", ["Seed"] = "42" });
        await Registry.ChangeApprovalAsync(approved.Arn, ModelApprovalStatus.Approved, "ana", "baseline");
        await RegisterAsync("exec-2", auc: 0.85, accuracy: 0.75, parameters: new() { ["AucThreshold"] = "0.6", ["Seed"] = "42" });

        var cut = Render<ModelPackagePage>(p => p.Add(x => x.Group, Group).Add(x => x.Version, 2));

        var comparison = cut.Find("#approved-comparison");
        Assert.Equal("/models/churn-models/1", comparison.QuerySelector("#approved-version-link")!.GetAttribute("href"));
        var auc = comparison.QuerySelector(".comparison-metric[data-metric=auc]")!;
        Assert.Equal("0.85", auc.QuerySelector(".comparison-metric__reviewed")!.TextContent.Trim());
        Assert.Equal("0.8", auc.QuerySelector(".comparison-metric__approved")!.TextContent.Trim());
        Assert.Equal("+0.05", auc.QuerySelector(".comparison-metric__difference")!.TextContent.Trim());
        Assert.Equal("±0", comparison.QuerySelector(".comparison-metric[data-metric=accuracy] .comparison-metric__difference")!.TextContent.Trim());
        var parameter = Assert.Single(comparison.QuerySelectorAll(".comparison-parameter"));
        Assert.Equal("AucThreshold", parameter.GetAttribute("data-parameter"));
        Assert.Contains("0.55", parameter.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NoVersionApproved_SaysSoAndShowsNoHistoryYet()
    {
        await RegisterAsync("exec-1", auc: 0.8);

        var cut = Render<ModelPackagePage>(p => p.Add(x => x.Group, Group).Add(x => x.Version, 1));

        Assert.NotNull(cut.Find("#approved-comparison-none"));
        Assert.NotNull(cut.Find("#approval-history-empty"));
        Assert.Contains("0.8", cut.Find("#package-metrics [data-metric=auc]").TextContent, StringComparison.Ordinal);
        Assert.Contains("sklearn:1.2", cut.Find("#inference-specification .inference-container__image").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_RecordedLineage_GroupsUpstreamEntitiesByTypeWithRunLinks()
    {
        var package = await RegisterAsync("exec-1", auc: 0.8);
        var packageId = LineageIds.Artifact(LineageTypes.ModelPackage, package.Arn);
        var register = LineageIds.StepRun("exec-1", "Register");
        var train = LineageIds.StepRun("exec-1", "Train");
        await Lineage.RecordAsync(
            [
                new(packageId, LineageKind.Artifact, LineageTypes.ModelPackage, "churn v1", Now, package.Arn),
                new(register, LineageKind.Action, "ModelRegistration", "Register", Now, ExecutionId: "exec-1"),
                new("model", LineageKind.Artifact, LineageTypes.Model, "model.tar.gz", Now, "s3://b/model.tar.gz", "abcdef0123456789abcdef"),
                new(train, LineageKind.Action, "TrainingJob", "Train", Now, ExecutionId: "exec-1"),
                new("data", LineageKind.Artifact, LineageTypes.DataSet, "train.csv", Now, "s3://b/train.csv", "0011223344556677"),
                new("code", LineageKind.Artifact, LineageTypes.Code, "train.py", Now, "s3://b/code/train.py", "99887766554433"),
            ],
            [
                new(register, packageId, AssociationTypes.Produced), new("model", register, AssociationTypes.ContributedTo),
                new(train, "model", AssociationTypes.Produced), new("data", train, AssociationTypes.ContributedTo),
                new("code", train, AssociationTypes.ContributedTo),
            ]);

        var cut = Render<ModelPackagePage>(p => p.Add(x => x.Group, Group).Add(x => x.Version, 1));

        var snapshot = cut.Find("#lineage-snapshot");
        Assert.Equal(["Data sets", "Code", "Models", "Step runs"], snapshot.QuerySelectorAll(".lineage-group").Select(g => g.GetAttribute("data-group")));
        var data = snapshot.QuerySelector(".lineage-group[data-group='Data sets'] .lineage-entity")!;
        Assert.Contains("train.csv", data.TextContent, StringComparison.Ordinal);
        Assert.Contains("s3://b/train.csv", data.TextContent, StringComparison.Ordinal);
        Assert.Equal("001122334455", data.QuerySelector(".lineage-entity__hash")!.TextContent);
        var runs = snapshot.QuerySelectorAll(".lineage-group[data-group='Step runs'] .lineage-entity__execution");
        Assert.Equal(2, runs.Length);
        Assert.All(runs, r => Assert.Equal("/executions/exec-1", r.GetAttribute("href")));
        Assert.DoesNotContain("churn v1", snapshot.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownVersion_SaysNotFound()
    {
        var cut = Render<ModelPackagePage>(p => p.Add(x => x.Group, Group).Add(x => x.Version, 7));

        Assert.Contains("no version 7", cut.Find("#package-not-found").TextContent, StringComparison.Ordinal);
    }
}
