using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Engine.Tests.Scheduling;

namespace PipelineStudio.Engine.Tests.Steps.Control;

public sealed class ControlStepTests
{
    private static JsonArray Outputs(params (string Name, string Type)[] outputs) =>
        new(outputs.Select(o => (JsonNode)new JsonObject { ["OutputName"] = o.Name, ["OutputType"] = o.Type }).ToArray());

    [Fact]
    public async Task Callback_CompletedWithOutputs_DownstreamSeesTypedValue()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "ps-outbox-" + Guid.NewGuid().ToString("N"));
        using var engine = new EngineHarness(settings: new Dictionary<string, string?> { ["Engine:Callback:Outbox"] = outbox });
        var callback = new JsonObject
        {
            ["Name"] = "Approve", ["Type"] = "Callback", ["SqsQueueUrl"] = "https://sqs.local/queue",
            ["Arguments"] = new JsonObject { ["model"] = "m1" }, ["OutputParameters"] = Outputs(("answer", "Integer")),
        };
        await engine.SaveAsync(Defs.Pipeline(callback, Defs.Step("Use", new JsonObject { ["Got"] = Defs.Get("Steps.Approve.OutputParameters['answer']") })));
        var execution = await engine.StartAsync();
        var token = await engine.WaitForCallbackTokenAsync(execution.Id, "Approve");

        var returned = await engine.Backend.CompleteCallbackAsync(token, true, new Dictionary<string, string> { ["answer"] = "42" }, null);
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal(execution.Id, returned.Id);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(42L, engine.Executor.Contexts.Single().Arguments["Got"]!.GetValue<long>());
        Assert.Matches("^[A-Za-z0-9]{10}$", token);
        Assert.Contains("\"model\":\"m1\"", await File.ReadAllTextAsync(Path.Combine(outbox, token + ".json")));
        Directory.Delete(outbox, recursive: true);
    }

    [Fact]
    public async Task Callback_CompletedWithFailure_StepFailedWithReason()
    {
        using var engine = new EngineHarness();
        var callback = new JsonObject { ["Name"] = "Approve", ["Type"] = "Callback", ["SqsQueueUrl"] = "q", ["Arguments"] = new JsonObject() };
        await engine.SaveAsync(Defs.Pipeline(callback));
        var execution = await engine.StartAsync();
        var token = await engine.WaitForCallbackTokenAsync(execution.Id, "Approve");

        await engine.Backend.CompleteCallbackAsync(token, false, null, "rejected by reviewer");
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Contains("rejected by reviewer", result.FailureReason);
    }

    [Fact]
    public async Task CompleteCallback_UnknownToken_Throws()
    {
        using var engine = new EngineHarness();

        await Assert.ThrowsAsync<ExecutionNotFoundException>(() => engine.Backend.CompleteCallbackAsync("NoSuchTok0", true, null, null));
    }

    [Fact]
    public async Task Lambda_LocalCommandEchoesInput_OutputParametersFromAnswer()
    {
        using var engine = new EngineHarness(settings: new Dictionary<string, string?> { ["Engine:Lambda:echo:Command"] = "cat" });
        var lambda = new JsonObject
        {
            ["Name"] = "Echo", ["Type"] = "Lambda", ["FunctionArn"] = "arn:aws:lambda:us-east-1:123456789012:function:echo",
            ["Arguments"] = new JsonObject { ["greeting"] = "hello", ["count"] = Defs.Get("Parameters.N") },
            ["OutputParameters"] = Outputs(("greeting", "String"), ("count", "Integer")),
        };
        var definition = Defs.PipelineWith([Defs.Parameter("N", "Integer", 7)], lambda, Defs.Step("After", new JsonObject { ["C"] = Defs.Get("Steps.Echo.OutputParameters['count']") }));

        var result = await engine.RunAsync(definition);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var echo = (await engine.StepsAsync(result.Id))["Echo"];
        Assert.Contains("\"greeting\":\"hello\"", echo.PropertiesJson);
        Assert.Contains("\"Value\":\"hello\"", echo.MetadataJson);
        Assert.Equal(7L, engine.Executor.Contexts.Single().Arguments["C"]!.GetValue<long>());
    }

    [Fact]
    public async Task Lambda_NoLocalStandIn_FailsNamingConfigurationKey()
    {
        using var engine = new EngineHarness();
        var lambda = new JsonObject { ["Name"] = "Echo", ["Type"] = "Lambda", ["FunctionArn"] = "arn:aws:lambda:us-east-1:1:function:missing", ["Arguments"] = new JsonObject() };

        var result = await engine.RunAsync(Defs.Pipeline(lambda));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Contains("Engine:Lambda:missing", result.FailureReason);
    }

    [Fact]
    public async Task RegisterModel_StatusFromParameter_PackageCreatedWithResolvedStatus()
    {
        using var engine = new EngineHarness();
        var register = new JsonObject
        {
            ["Name"] = "Register", ["Type"] = "RegisterModel",
            ["Arguments"] = new JsonObject
            {
                ["ModelPackageGroupName"] = "churn",
                ["ModelApprovalStatus"] = Defs.Get("Parameters.Approval"),
                ["InferenceSpecification"] = new JsonObject { ["Containers"] = new JsonArray(new JsonObject { ["Image"] = "img" }) },
            },
        };
        var definition = Defs.PipelineWith([Defs.Parameter("Approval", "String", "PendingManualApproval")], register);

        var result = await engine.RunAsync(definition, new Dictionary<string, string> { ["Approval"] = "Approved" });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var package = Assert.Single(await engine.Registry.ListPackagesAsync("churn"));
        Assert.Equal(ModelApprovalStatus.Approved, package.ApprovalStatus);
        Assert.Equal(result.Id, package.ExecutionId);
        Assert.Contains(package.Arn, (await engine.StepsAsync(result.Id))["Register"].PropertiesJson);
    }

    [Fact]
    public async Task Model_Recorded_PropertiesCarryNameAndContainer()
    {
        using var engine = new EngineHarness();
        var model = new JsonObject
        {
            ["Name"] = "MakeModel", ["Type"] = "Model",
            ["Arguments"] = new JsonObject { ["PrimaryContainer"] = new JsonObject { ["Image"] = "img:1" }, ["ExecutionRoleArn"] = "role" },
        };

        var result = await engine.RunAsync(Defs.Pipeline(model, Defs.Step("Use", new JsonObject { ["M"] = Defs.Get("Steps.MakeModel.ModelName") })));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.StartsWith("pipelines-", engine.Executor.Contexts.Single().Arguments["M"]!.GetValue<string>());
        Assert.Contains("img:1", (await engine.StepsAsync(result.Id))["MakeModel"].PropertiesJson);
    }
}
