using Bunit;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Web.Components.Pages;

namespace PipelineStudio.Web.Tests.Components;

public sealed class SweepPageTests : RunPageTestBase
{
    private const string Metrics = """{"FinalMetricDataList":[{"MetricName":"val_auc","Value":0.8443,"Timestamp":"2026-11-29T12:00:00Z"}]}""";

    private async Task<ExecutionRecord> SeedSweepAsync()
    {
        var done = new ExecutionRecord("e1", "train", 1, ExecutionStatus.Succeeded, new Dictionary<string, string>(), Now.AddMinutes(-3), Now.AddMinutes(-1));
        await Runs.CreateExecutionAsync(done, [new StepRecord("e1", "Train", "Training", StepStatus.Succeeded, PropertiesJson: Metrics)]);
        var running = new ExecutionRecord("e2", "train", 1, ExecutionStatus.Executing, new Dictionary<string, string>(), Now.AddMinutes(-1));
        await Runs.CreateExecutionAsync(running, [new StepRecord("e2", "Train", "Training", StepStatus.Executing)]);

        var spec = new SweepSpec(SweepMode.Grid, [new SweepAxis("Epochs", ["1", "2", "3"])], new Dictionary<string, string> { ["InputUri"] = "s3://b/in" });
        var sweep = new SweepRecord("sw1", "train", 1, SweepMode.Grid, SweepSpecJson.Serialize(spec), 2, FailFast: false, SweepStatus.Running, Now.AddMinutes(-3), "alice");
        await Sweeps.CreateAsync(sweep, [
            new SweepMemberRecord("sw1", 0, new Dictionary<string, string> { ["Epochs"] = "1" }, SweepMemberState.Succeeded, "e1"),
            new SweepMemberRecord("sw1", 1, new Dictionary<string, string> { ["Epochs"] = "2" }, SweepMemberState.Running, "e2"),
            new SweepMemberRecord("sw1", 2, new Dictionary<string, string> { ["Epochs"] = "3" }, SweepMemberState.Pending),
        ]);
        return running;
    }

    private IRenderedComponent<SweepPage> RenderSweep()
    {
        var cut = Render<SweepPage>(p => p.Add(x => x.Id, "sw1"));
        cut.WaitForElement(".sweep-member", TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task Render_Sweep_ShowsEveryMemberWithStatusExecutionAndMetrics()
    {
        await SeedSweepAsync();

        var cut = RenderSweep();

        Assert.Equal(["Succeeded", "Running", "Pending"], cut.FindAll(".sweep-member").Select(r => r.GetAttribute("data-status")));
        Assert.Equal("1", cut.Find("#sweep-progress").GetAttribute("data-finished"));
        Assert.Equal("3", cut.Find("#sweep-progress").GetAttribute("data-total"));
        Assert.Equal("Running", cut.Find("#sweep-status").GetAttribute("data-status"));
        var first = cut.Find(".sweep-member[data-index='0']");
        Assert.Equal("0.8443", first.QuerySelector(".sweep-metric[data-metric='val_auc']")!.TextContent.Trim());
        Assert.Contains("2 min 00 s", first.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("a[href='/executions/e1']"));
        Assert.Contains("Waiting", cut.Find(".sweep-member[data-index='2']").TextContent, StringComparison.Ordinal);
        Assert.Contains("InputUri = s3://b/in", cut.Find("#sweep-fixed").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("#sweep-stop").HasAttribute("disabled"));
    }

    [Fact]
    public async Task RunEvents_MemberExecutionEnds_UpdateItsRowLive()
    {
        var running = await SeedSweepAsync();
        var cut = RenderSweep();

        Hub.Publish(new StepChanged(new StepRecord("e2", "Train", "Training", StepStatus.Succeeded, PropertiesJson: Metrics.Replace("0.8443", "0.91", StringComparison.Ordinal)), 5, Now));
        Hub.Publish(new ExecutionChanged(running with { Status = ExecutionStatus.Succeeded, EndedAt = Now }, 6, Now));

        cut.WaitForAssertion(
            () => Assert.Equal("0.91", cut.Find(".sweep-member[data-index='1'] .sweep-metric").TextContent.Trim()),
            TimeSpan.FromSeconds(5));
        Assert.Equal("Succeeded", cut.Find(".sweep-member[data-index='1'] .run-status-chip").GetAttribute("data-status"));
    }

    [Fact]
    public async Task Compare_OnceTwoMembersFinished_LinksTheirExecutions()
    {
        var running = await SeedSweepAsync();
        var cut = RenderSweep();
        Assert.Null(cut.Find("#sweep-compare").GetAttribute("href"));

        await Runs.SaveExecutionAsync(running with { Status = ExecutionStatus.Succeeded, EndedAt = Now });
        var member = (await Sweeps.ListMembersAsync("sw1"))[1];
        await Sweeps.SaveMemberAsync(member with { State = SweepMemberState.Succeeded });
        cut = RenderSweep();

        Assert.Equal("/compare?executions=e1,e2", cut.Find("#sweep-compare").GetAttribute("href"));
    }

    [Fact]
    public void Render_UnknownSweep_SaysSo()
    {
        var cut = Render<SweepPage>(p => p.Add(x => x.Id, "nope"));

        Assert.Contains("There is no sweep “nope”", cut.Find("#sweep-not-found").TextContent, StringComparison.Ordinal);
    }
}
