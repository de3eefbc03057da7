using System.Text;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.TestSupport.Fakes;
using PipelineStudio.Web.Components.Pages;
using PipelineStudio.Web.Services;
using PipelineStudio.Web.Tests.Model;

namespace PipelineStudio.Web.Tests.Components;

public sealed class ExecutionPageTests : StudioComponentTestBase
{
    private const string Id = "exec1";
    private readonly FakeTimeProvider _clock = new(Now.AddSeconds(5));
    private readonly RunEventHub _hub = new();
    private readonly InMemoryRunStore _runs = new();
    private readonly FakeExecutionBackend _backend = new();
    private readonly string _data = Directory.CreateTempSubdirectory("pipelinestudio-page-").FullName;
    private StepLogReader _logs = null!;
    private long _sequence;

    public ExecutionPageTests() => Render<MudPopoverProvider>();

    [Fact]
    public async Task Render_RunningExecution_ShowsEachStatusInHeaderGraphAndTimeline()
    {
        await SeedRunningAsync();

        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));

        cut.WaitForElements(".step-node");
        Assert.Equal("Executing", cut.Find("#execution-status").GetAttribute("data-status"));
        Assert.Equal("Succeeded", cut.Find(".timeline-row[data-step=Prep]").GetAttribute("data-status"));
        Assert.Equal("Executing", cut.Find(".timeline-row[data-step=Train]").GetAttribute("data-status"));
        Assert.Equal("Pending", cut.Find(".timeline-row[data-step=Register]").GetAttribute("data-status"));
        Assert.Equal("Executing", cut.Find(".step-node[data-step=Train]").GetAttribute("data-status"));
        Assert.Equal("/pipelines/abalone?version=1", cut.Find("#execution-pipeline-link").GetAttribute("href"));
        Assert.NotEmpty(cut.FindAll("#stop-button"));
        Assert.Empty(cut.FindAll("#retry-button"));
        Assert.True(cut.Find("#rerun-button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task HubEvents_StepAndExecutionFinish_ShowWithoutReload()
    {
        await SeedRunningAsync();
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));
        cut.WaitForElements(".step-node");

        var train = (await _runs.ListStepsAsync(Id)).Single(s => s.StepName == "Train");
        _hub.Publish(new StepChanged(train with { Status = StepStatus.Succeeded, EndedAt = _clock.GetUtcNow(), AttemptCount = 2 }, ++_sequence, _clock.GetUtcNow()));
        _clock.Advance(ExecutionPage.RenderInterval);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Succeeded", cut.Find(".timeline-row[data-step=Train]").GetAttribute("data-status"));
            Assert.Equal("Succeeded", cut.Find(".step-node[data-step=Train]").GetAttribute("data-status"));
            Assert.Equal("×2", cut.Find(".step-node[data-step=Train] .step-node__attempts").TextContent);
        });

        var execution = (await _runs.GetExecutionAsync(Id))!;
        _hub.Publish(new ExecutionChanged(execution with { Status = ExecutionStatus.Succeeded, EndedAt = _clock.GetUtcNow() }, ++_sequence, _clock.GetUtcNow()));
        _clock.Advance(ExecutionPage.RenderInterval);

        cut.WaitForAssertion(() => Assert.Equal("Succeeded", cut.Find("#execution-status").GetAttribute("data-status")));
        Assert.Empty(cut.FindAll("#stop-button"));
    }

    [Fact]
    public async Task HubEvent_OlderThanOneAlreadyShown_IsIgnored()
    {
        await SeedRunningAsync();
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));
        var train = (await _runs.ListStepsAsync(Id)).Single(s => s.StepName == "Train");

        _hub.Publish(new StepChanged(train with { Status = StepStatus.Succeeded }, 20, _clock.GetUtcNow()));
        _hub.Publish(new StepChanged(train with { Status = StepStatus.Executing }, 19, _clock.GetUtcNow()));
        _clock.Advance(ExecutionPage.RenderInterval);

        cut.WaitForAssertion(() => Assert.Equal("Succeeded", cut.Find(".timeline-row[data-step=Train]").GetAttribute("data-status")));
    }

    [Fact]
    public async Task Dispose_Page_LeavesNoListenerOnTheHub()
    {
        await SeedRunningAsync();
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));
        cut.WaitForElements(".timeline-row");
        Assert.Equal(1, _hub.ListenerCount(Id));

        await DisposeComponentsAsync();

        Assert.Equal(0, _hub.ListenerCount(Id));
        var train = (await _runs.ListStepsAsync(Id)).Single(s => s.StepName == "Train");
        _hub.Publish(new StepChanged(train with { Status = StepStatus.Failed }, ++_sequence, _clock.GetUtcNow()));
        _clock.Advance(ExecutionPage.RenderInterval * 10);
    }

    [Fact]
    public async Task Navigate_ToAnotherExecution_MovesTheSubscriptionThere()
    {
        await SeedRunningAsync();
        await SeedRunningAsync("exec2");
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));
        cut.WaitForElements(".timeline-row");

        cut.Render(p => p.Add(x => x.Id, "exec2"));

        cut.WaitForAssertion(() => Assert.Contains("exec2", cut.Find("#execution-meta").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, _hub.ListenerCount(Id));
        Assert.Equal(1, _hub.ListenerCount("exec2"));
    }

    [Fact]
    public async Task SelectStep_RunningAttempt_ShowsItsLogAndFollowsNewLines()
    {
        await SeedRunningAsync();
        AppendLog("Train", 1, "epoch 1 loss=0.9\n");
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));

        cut.WaitForElement(".timeline-row[data-step=Train]").Click();

        cut.WaitForAssertion(() => Assert.Contains("epoch 1 loss=0.9", cut.Find("#step-logs").TextContent, StringComparison.Ordinal));
        Assert.Equal("Train", cut.Find("#step-run-drawer").GetAttribute("data-step"));
        Assert.NotEmpty(cut.FindAll(".step-log-live"));

        AppendLog("Train", 1, "epoch 2 loss=0.4\n");
        _hub.Publish(new LogLineAppended(Id, "Train", 1, "epoch 2 loss=0.4", ++_sequence, _clock.GetUtcNow()));
        _clock.Advance(ExecutionPage.RenderInterval);

        cut.WaitForAssertion(() => Assert.Equal("epoch 1 loss=0.9\nepoch 2 loss=0.4\n", cut.Find("#step-logs").TextContent));
    }

    [Fact]
    public async Task Stop_Confirmed_AsksTheBackendToStopThisExecution()
    {
        await SeedRunningAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));

        cut.WaitForElement("#stop-button").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Stop this execution?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Stop").Click();

        cut.WaitForAssertion(() => Assert.Equal([Id], _backend.Stopped));
    }

    [Fact]
    public async Task Retry_Refused_ShowsTheReasonInUserWords()
    {
        await SeedAsync("abalone", TestDefinitions.Condition);
        await _runs.CreateExecutionAsync(
            Execution(Id, ExecutionStatus.Failed) with { FailureReason = "Step 'Prep' failed: exit code 3" },
            [Step(Id, "Prep", StepStatus.Failed)]);
        _backend.Failure = new ExecutionRefusedException(["Execution 'exec1' ended at Fail step 'Stop' and cannot be retried."]);
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));

        Assert.Equal("Step 'Prep' failed: exit code 3", cut.WaitForElement("#execution-failure").TextContent.Trim());
        cut.Find("#retry-button").Click();

        var snackbar = Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Single(snackbar.ShownSnackbars));
        var message = snackbar.ShownSnackbars.Single().Message;
        Assert.Contains("ended at Fail step 'Stop' and cannot be retried", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EndedAtAFailStep_OffersNoRetry()
    {
        await SeedAsync("abalone", TestDefinitions.Condition);
        await _runs.CreateExecutionAsync(Execution(Id, ExecutionStatus.Failed),
            [Step(Id, "Prep", StepStatus.Succeeded), new StepRecord(Id, "Stop", "Fail", StepStatus.Failed, FailureReason: "Accuracy too low")]);

        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));

        cut.WaitForElement(".timeline-row[data-step=Stop]");
        Assert.Empty(cut.FindAll("#retry-button"));
    }

    [Fact]
    public async Task RerunFromHere_SelectedStep_StartsItAndEverythingDownstreamAndOpensTheNewExecution()
    {
        await SeedAsync("abalone", TestDefinitions.Condition);
        var parameters = new Dictionary<string, string> { ["InstanceType"] = "ml.m5.large", ["MinAccuracy"] = "0.8" };
        await _runs.CreateExecutionAsync(
            Execution(Id, ExecutionStatus.Succeeded) with { Parameters = parameters, EndedAt = Now.AddSeconds(4) },
            new[] { "Prep", "Train", "Check", "Register", "Stop" }.Select(s => Step(Id, s, StepStatus.Succeeded)).ToList());
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, Id));
        cut.WaitForElement(".timeline-row[data-step=Train]").Click();

        cut.WaitForAssertion(() => Assert.False(cut.Find("#rerun-button").HasAttribute("disabled")));
        cut.Find("#rerun-button").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Re-run from Train?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Re-run").Click();

        cut.WaitForAssertion(() => Assert.Single(_backend.Started));
        var request = _backend.Started.Single();
        Assert.Equal(("abalone", 1), (request.PipelineName, request.PipelineVersion));
        Assert.Equal(parameters, request.Parameters);
        Assert.Equal(Id, request.Selective!.SourceExecutionId);
        Assert.Equal(["Check", "Register", "Stop", "Train"], request.Selective.SelectedSteps.Order());
        Assert.Equal("Train", request.Selective.SelectedSteps[0]);
        cut.WaitForAssertion(() => Assert.EndsWith("/executions/new1", Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_UnknownExecution_SaysSo()
    {
        var cut = Render<ExecutionPage>(p => p.Add(x => x.Id, "ghost"));

        Assert.Contains("There is no execution “ghost”", cut.Find("#execution-not-found").TextContent, StringComparison.Ordinal);
    }

    protected override void AddServices(IServiceCollection services)
    {
        _logs = new StepLogReader(new EngineOptions { DataDirectory = _data });
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<IRunEventHub>(_hub);
        services.AddSingleton<IRunStore>(_runs);
        services.AddSingleton<IExecutionBackend>(_backend);
        services.AddSingleton(_logs);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not make a test wrong.
        }
    }

    /// <summary>Prep done, Train running its first attempt, the rest waiting.</summary>
    private async Task SeedRunningAsync(string id = Id)
    {
        if (await Store.FindAsync("abalone") is null)
        {
            await SeedAsync("abalone", TestDefinitions.Condition);
        }

        await _runs.CreateExecutionAsync(Execution(id, ExecutionStatus.Executing),
        [
            Step(id, "Prep", StepStatus.Succeeded) with { QueuedAt = Now, StartedAt = Now, EndedAt = Now.AddSeconds(2), AttemptCount = 1 },
            Step(id, "Train", StepStatus.Executing) with { QueuedAt = Now.AddSeconds(2), StartedAt = Now.AddSeconds(2), AttemptCount = 1 },
            Step(id, "Check", StepStatus.Pending),
            Step(id, "Register", StepStatus.Pending),
            Step(id, "Stop", StepStatus.Pending),
        ]);
        await _runs.SaveAttemptAsync(new AttemptRecord(id, "Prep", 1, StepStatus.Succeeded, Now, Now.AddSeconds(2)));
        await _runs.SaveAttemptAsync(new AttemptRecord(id, "Train", 1, StepStatus.Executing, Now.AddSeconds(2)));
    }

    private static ExecutionRecord Execution(string id, ExecutionStatus status) =>
        new(id, "abalone", 1, status, new Dictionary<string, string> { ["InstanceType"] = "ml.m5.xlarge" }, Now);

    private static StepRecord Step(string id, string name, StepStatus status) => new(id, name, name == "Check" ? "Condition" : "Processing", status);

    private void AppendLog(string step, int attempt, string text)
    {
        var path = _logs.PathFor(Id, step, attempt);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, text, new UTF8Encoding(false));
    }
}
