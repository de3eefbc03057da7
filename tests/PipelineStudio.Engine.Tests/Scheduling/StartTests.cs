using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Tests.Scheduling;

public sealed class StartTests
{
    [Fact]
    public async Task Start_ParameterOfWrongType_RefusedNamingParameterNothingStored()
    {
        using var engine = new EngineHarness();
        await engine.SaveAsync(Defs.PipelineWith([Defs.Parameter("Epochs", "Integer", 1)], Defs.Step("A")));

        var refusal = await Assert.ThrowsAsync<ExecutionRefusedException>(() => engine.StartAsync(new Dictionary<string, string> { ["Epochs"] = "ten" }));

        Assert.Contains(refusal.Problems, p => p.Contains("Epochs", StringComparison.Ordinal));
        Assert.Empty(engine.Store.Writes);
    }

    [Fact]
    public async Task Start_StepTypeThatCannotRunLocally_RefusedNamingStepAndType()
    {
        using var engine = new EngineHarness();
        var emr = new JsonObject { ["Name"] = "Spark", ["Type"] = "EMR", ["Arguments"] = new JsonObject { ["StepConfig"] = new JsonObject(), ["ClusterId"] = "j-1" } };
        await engine.SaveAsync(Defs.Pipeline(Defs.Step("A"), emr));

        var refusal = await Assert.ThrowsAsync<ExecutionRefusedException>(() => engine.StartAsync());

        Assert.Equal(["Step 'Spark' has type 'EMR', which cannot run locally."], refusal.Problems);
        Assert.Empty(engine.Store.Writes);
    }

    [Fact]
    public async Task Start_DefinitionWithValidationErrors_Refused()
    {
        using var engine = new EngineHarness();
        await engine.SaveAsync(Defs.Pipeline(Defs.Step("A"), Defs.Step("A")));

        var refusal = await Assert.ThrowsAsync<ExecutionRefusedException>(() => engine.StartAsync());

        Assert.NotEmpty(refusal.Problems);
        Assert.Empty(engine.Store.Writes);
    }

    [Fact]
    public async Task Start_UnknownPipeline_RefusedNamingIt()
    {
        using var engine = new EngineHarness();

        var refusal = await Assert.ThrowsAsync<ExecutionRefusedException>(() => engine.StartAsync());

        Assert.Equal(["Pipeline 'demo' does not exist."], refusal.Problems);
    }

    [Fact]
    public async Task Start_Selective_UpstreamCopiedFromSourceDownstreamNotExecuted()
    {
        using var engine = new EngineHarness();
        var definition = Defs.Pipeline(
            Defs.Step("A"),
            Defs.Step("B", new JsonObject { ["From"] = Defs.Get("Steps.A.ProcessingJobName") }),
            Defs.Step("C", null, "B"));
        var source = await engine.RunAsync(definition);
        Assert.Equal(ExecutionStatus.Succeeded, source.Status);
        var before = engine.Executor.Calls.Count;

        var started = await engine.StartAsync(selective: new SelectiveExecution(["B"], source.Id));
        var result = await engine.WaitAsync(started.Id);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(["B"], engine.Executor.Calls.Skip(before));
        var steps = await engine.StepsAsync(started.Id);
        Assert.Equal(StepStatus.Succeeded, steps["A"].Status);
        Assert.Equal(source.Id, steps["A"].SelectiveSourceExecutionId);
        Assert.Equal(StepStatus.NotExecuted, steps["C"].Status);
        Assert.Equal("A", engine.Executor.Contexts.Last().Arguments["From"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_SelectiveWithUnknownStep_Refused()
    {
        using var engine = new EngineHarness();
        await engine.SaveAsync(Defs.Pipeline(Defs.Step("A")));

        var refusal = await Assert.ThrowsAsync<ExecutionRefusedException>(() => engine.StartAsync(selective: new SelectiveExecution(["Nope"])));

        Assert.Contains(refusal.Problems, p => p.Contains("'Nope'", StringComparison.Ordinal));
    }
}
