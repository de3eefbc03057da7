using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Middleware;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Tests.Scheduling;

namespace PipelineStudio.Engine.Tests.Middleware;

public sealed class LoggingAndEvaluationTests
{
    [Fact]
    public async Task Run_ExecutorWritesLog_LineInAttemptFileAndAnnounced()
    {
        using var engine = new EngineHarness();
        engine.Executor.On("Talk", (ctx, _) =>
        {
            ctx.Log.Write("hello from the step");
            return Task.FromResult(StepResult.Success());
        });
        var announced = new ConcurrentBag<LogLineAppended>();
        using var subscription = engine.Hub.Subscribe(null, e =>
        {
            if (e is LogLineAppended line)
            {
                announced.Add(line);
            }

            return ValueTask.CompletedTask;
        });

        var result = await engine.RunAsync(Defs.Pipeline(Defs.Step("Talk")));

        var path = FileStepLog.PathFor(engine.DataDirectory, result.Id, "Talk", 1);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Contains("hello from the step", lines);
        Assert.Contains(lines, l => l.Contains("Attempt 1 ended after", StringComparison.Ordinal));
        Assert.Contains(announced, l => l.Line == "hello from the step" && l.StepName == "Talk" && l.Attempt == 1);
    }

    [Fact]
    public async Task Run_StepWritesNothing_LeavesNoLogFile()
    {
        using var engine = new EngineHarness();

        var result = await engine.RunAsync(Defs.Pipeline(Defs.Step("Quiet")));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var path = FileStepLog.PathFor(engine.DataDirectory, result.Id, "Quiet", 1);
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        Assert.Equal(1, (await engine.StepsAsync(result.Id))["Quiet"].AttemptCount);
    }

    [Fact]
    public async Task Run_ConditionSucceeds_LeavesNoLogFileAndKeepsItsOutcomeInMetadata()
    {
        using var engine = new EngineHarness();
        var definition = Defs.Pipeline(Defs.Condition("Check", Defs.EqualsCondition(1, 1), [], []));

        var result = await engine.RunAsync(definition);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.False(File.Exists(FileStepLog.PathFor(engine.DataDirectory, result.Id, "Check", 1)));
        Assert.Contains("\"Outcome\":\"True\"", (await engine.StepsAsync(result.Id))["Check"].MetadataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StepFailsWithoutOutput_LogHasTheAttemptTimesAndTheFailure()
    {
        using var engine = new EngineHarness();
        engine.Executor.On("Broken", (_, _) => Task.FromResult(StepResult.Failure("the disk is full")));

        var result = await engine.RunAsync(Defs.Pipeline(Defs.Step("Broken")));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        var lines = await File.ReadAllLinesAsync(FileStepLog.PathFor(engine.DataDirectory, result.Id, "Broken", 1));
        Assert.Equal(3, lines.Length);
        Assert.Contains("Attempt 1 of step 'Broken' started at", lines[0], StringComparison.Ordinal);
        Assert.Contains("Attempt 1 ended after", lines[1], StringComparison.Ordinal);
        Assert.Equal("[pipelinestudio] Failed: the disk is full", lines[2]);
    }

    [Fact]
    public async Task Run_StepWithoutExpressions_ExecutorGetsADetachedCopyOfTheStep()
    {
        using var engine = new EngineHarness();
        var arguments = new JsonObject { ["Image"] = "busybox", ["Env"] = new JsonArray(new JsonObject { ["A"] = 1 }) };

        var result = await engine.RunAsync(Defs.Pipeline(Defs.Step("Plain", arguments)));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var context = Assert.Single(engine.Executor.Contexts);
        Assert.True(JsonNode.DeepEquals(arguments, context.Arguments));
        Assert.Null(context.StepJson.Parent);
        Assert.Same(context.StepJson, context.Arguments.Parent);
        Assert.Equal("Plain", context.StepJson["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_GetWithANonStringValue_StepFailsWithTheEvaluatorsExplanation()
    {
        using var engine = new EngineHarness();

        var result = await engine.RunAsync(Defs.Pipeline(Defs.Step("Odd", new JsonObject { ["X"] = new JsonObject { ["Get"] = 5 } })));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Contains("'Get' needs a string", (await engine.StepsAsync(result.Id))["Odd"].FailureReason, StringComparison.Ordinal);
        Assert.Empty(engine.Executor.Calls);
    }

    [Fact]
    public async Task Run_ReferenceToMissingProperty_StepFailsNamingTheProblem()
    {
        using var engine = new EngineHarness();
        engine.Executor.On("A", (_, _) => Task.FromResult(StepResult.Success(new JsonObject())));
        var definition = Defs.Pipeline(Defs.Step("A"), Defs.Step("B", new JsonObject { ["X"] = Defs.Get("Steps.A.ProcessingJobName") }));

        var result = await engine.RunAsync(definition);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        var b = (await engine.StepsAsync(result.Id))["B"];
        Assert.Equal(StepStatus.Failed, b.Status);
        Assert.Contains("ProcessingJobName", b.FailureReason);
        Assert.DoesNotContain("B", engine.Executor.Calls);
    }
}
