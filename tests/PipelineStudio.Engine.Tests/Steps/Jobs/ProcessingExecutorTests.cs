using System.Diagnostics;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class ProcessingExecutorTests : IDisposable
{
    private readonly JobHarness _harness = new();
    private readonly ProcessingExecutor _executor;

    public ProcessingExecutorTests()
    {
        _executor = new ProcessingExecutor(_harness.Runtime, _harness.Images);
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Execute_ShellJob_StagesInputRunsAndUploadsOutput()
    {
        await _harness.Artifacts.PutTextAsync("s3://bucket/in/words.txt", "hello world\n");

        var result = await RunAsync(
            ["/bin/sh", "-c", "tr a-z A-Z < /opt/ml/processing/input/words/words.txt > /opt/ml/processing/output/upper/words.txt && echo \"done in $PWD\""],
            input: ("words", "s3://bucket/in/words.txt", "/opt/ml/processing/input/words"),
            output: ("upper", "s3://bucket/out/upper", "/opt/ml/processing/output/upper"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal("HELLO WORLD\n", await _harness.Artifacts.ReadTextAsync("s3://bucket/out/upper/words.txt"));
        Assert.Equal("s3://bucket/out/upper", PropertyResolver.Resolve(result.Properties, "ProcessingOutputConfig.Outputs['upper'].S3Output.S3Uri")!.GetValue<string>());
        Assert.Equal("Completed", result.Properties!["ProcessingJobStatus"]!.GetValue<string>());
        Assert.Matches("^pipelines-exec01-Step-[a-z0-9]{6}$", result.Properties["ProcessingJobName"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:sagemaker:local:000000000000:processing-job/", result.Metadata!["ProcessingJob"]!["Arn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(_harness.LogLines, line => line.StartsWith("done in ", StringComparison.Ordinal));
    }

    [PythonFact]
    public async Task Execute_PythonScriptFromCodeInput_PathsInsideStringsAreMapped()
    {
        await _harness.Artifacts.PutTextAsync("s3://bucket/code/count.py", """
            import os, sys
            rows = open(sys.argv[1]).read().splitlines()
            os.makedirs("/opt/ml/processing/output/stats".replace("/opt/ml", os.environ["OPT_ML"]), exist_ok=True)
            print(f"rows={len(rows)} env={os.environ['DATA_DIR']}")
            """);
        await _harness.Artifacts.PutTextAsync("s3://bucket/data/rows.csv", "a\nb\nc\n");
        var arguments = Arguments(
            ["python3", "/opt/ml/processing/input/code/count.py", "/opt/ml/processing/input/data/rows.csv"],
            ("code", "s3://bucket/code/count.py", "/opt/ml/processing/input/code"),
            ("stats", "s3://bucket/stats", "/opt/ml/processing/output/stats"));
        arguments["ProcessingInputs"]!.AsArray().Add(Input("data", "s3://bucket/data/", "/opt/ml/processing/input/data"));
        arguments["Environment"] = new JsonObject { ["DATA_DIR"] = "dir=/opt/ml/processing/input/data", ["OPT_ML"] = "/opt/ml" };
        arguments["AppSpecification"]!["ContainerArguments"] = new JsonArray();

        var result = await _harness.RunAsync(_executor, StepTypes.Processing, arguments);

        Assert.True(result.Succeeded, result.FailureReason);
        var line = Assert.Single(_harness.LogLines, l => l.StartsWith("rows=", StringComparison.Ordinal));
        Assert.Equal($"rows=3 env=dir={_harness.TempPath}/work/Step/1/opt/ml/processing/input/data", line);
    }

    [Fact]
    public async Task Execute_ScriptFails_FailureReasonHasExitCodeAndLastTenLines()
    {
        var result = await RunAsync(["/bin/sh", "-c", "for i in $(seq 1 15); do echo line $i; done; echo boom; exit 3"]);

        Assert.False(result.Succeeded);
        Assert.Equal(FailureKinds.AlgorithmError, result.FailureKind);
        Assert.Contains("ExitCode 3", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("line 15", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("boom", result.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("line 6\n", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exit 75")]
    [InlineData("kill -9 $$")]
    public async Task Execute_TemporaryFailureOrSignal_IsJobInternalError(string script)
    {
        var result = await RunAsync(["/bin/sh", "-c", script]);

        Assert.False(result.Succeeded);
        Assert.Equal(FailureKinds.JobInternalError, result.FailureKind);
    }

    [Fact]
    public async Task Execute_LongerThanMaxRuntime_IsStoppedAndFails()
    {
        var arguments = Arguments(["/bin/sh", "-c", "echo waiting; sleep 30"]);
        arguments["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 1 };
        var clock = Stopwatch.StartNew();

        var result = await _harness.RunAsync(_executor, StepTypes.Processing, arguments);

        Assert.False(result.Succeeded);
        Assert.StartsWith("MaxRuntimeExceeded", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("waiting", result.FailureReason, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Execute_LocalPathOutsideOptMl_FailsWithoutRunning()
    {
        var result = await RunAsync(["/bin/sh", "-c", "echo ran"], output: ("evil", "s3://bucket/x", "/tmp/elsewhere"));

        Assert.False(result.Succeeded);
        Assert.Null(result.FailureKind);
        Assert.Contains("'/tmp/elsewhere'", result.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("ran", _harness.LogLines);
    }

    [Fact]
    public async Task Execute_InputWithNoObjects_FailsNamingTheUri()
    {
        var result = await RunAsync(["/bin/sh", "-c", "true"], input: ("raw", "s3://bucket/missing/", "/opt/ml/processing/input/raw"));

        Assert.False(result.Succeeded);
        Assert.Contains("input 'raw'", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("s3://bucket/missing/", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MissingProgram_FailsWithClearReason()
    {
        var result = await RunAsync(["no-such-program-xyz", "arg"]);

        Assert.False(result.Succeeded);
        Assert.Contains("'no-such-program-xyz'", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Cancelled_StopsTheProcessAndThrows()
    {
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var run = _harness.RunAsync(_executor, StepTypes.Processing, Arguments(["/bin/sh", "-c", "echo started; sleep 30"]), cancellation.Token);
        while (!_harness.LogLines.Contains("started") && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private Task<StepResult> RunAsync(
        string[] entrypoint, (string Name, string Uri, string LocalPath)? input = null, (string Name, string Uri, string LocalPath)? output = null) =>
        _harness.RunAsync(_executor, StepTypes.Processing, Arguments(entrypoint, input, output));

    private static JsonObject Arguments(
        string[] entrypoint, (string Name, string Uri, string LocalPath)? input = null, (string Name, string Uri, string LocalPath)? output = null)
    {
        var inputs = new JsonArray();
        if (input is { } i)
        {
            inputs.Add(Input(i.Name, i.Uri, i.LocalPath));
        }

        var outputs = new JsonArray();
        if (output is { } o)
        {
            outputs.Add(new JsonObject
            {
                ["OutputName"] = o.Name,
                ["S3Output"] = new JsonObject { ["S3Uri"] = o.Uri, ["LocalPath"] = o.LocalPath, ["S3UploadMode"] = "EndOfJob" },
            });
        }

        return new JsonObject
        {
            ["AppSpecification"] = new JsonObject
            {
                ["ImageUri"] = JobHarness.SklearnImage,
                ["ContainerEntrypoint"] = new JsonArray([.. entrypoint.Select(e => JsonValue.Create(e))]),
            },
            ["ProcessingResources"] = new JsonObject { ["ClusterConfig"] = new JsonObject { ["InstanceType"] = "ml.m5.large", ["InstanceCount"] = 1 } },
            ["ProcessingInputs"] = inputs,
            ["ProcessingOutputConfig"] = new JsonObject { ["Outputs"] = outputs },
        };
    }

    private static JsonObject Input(string name, string uri, string localPath) => new()
    {
        ["InputName"] = name,
        ["S3Input"] = new JsonObject { ["S3Uri"] = uri, ["LocalPath"] = localPath, ["S3DataType"] = "S3Prefix", ["S3InputMode"] = "File" },
    };
}
