using System.Text.Json;
using PipelineStudio.Cli.Tests.Infrastructure;

namespace PipelineStudio.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    // Write (shell Processing step with an output) -> Check (Mode == "ok") -> else Stop (Fail): runs without Python.
    private const string WriteThenCheck = """
        {"Version":"2020-12-01","Metadata":{},
         "Parameters":[{"Name":"Mode","Type":"String","DefaultValue":"ok"}],
         "Steps":[
          {"Name":"Write","Type":"Processing","Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c","echo hi > /opt/ml/processing/output/out/x.txt"]},
            "RoleArn":"arn:aws:iam::123456789012:role/test",
            "ProcessingOutputConfig":{"Outputs":[{"OutputName":"out","AppManaged":false,
              "S3Output":{"S3Uri":"s3://cli-tests/out","LocalPath":"/opt/ml/processing/output/out","S3UploadMode":"EndOfJob"}}]}}},
          {"Name":"Check","Type":"Condition","DependsOn":["Write"],"Arguments":{
            "Conditions":[{"Type":"Equals","LeftValue":{"Get":"Parameters.Mode"},"RightValue":"ok"}],
            "IfSteps":[],
            "ElseSteps":[{"Name":"Stop","Type":"Fail","Arguments":{"ErrorMessage":"Mode is not ok"}}]}}
         ]}
        """;

    // Runs a script that only exists in the scripts folder next to the definition (samples/<name>/ convention).
    private const string RunsStagedScript = """
        {"Version":"2020-12-01","Metadata":{},"Parameters":[],
         "Steps":[
          {"Name":"Hello","Type":"Processing","Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","/opt/ml/processing/input/code/hello.sh"]},
            "RoleArn":"arn:aws:iam::123456789012:role/test",
            "ProcessingInputs":[{"InputName":"code","AppManaged":false,"S3Input":{
              "S3Uri":"s3://pipelinestudio-samples/staged-demo/code/hello.sh","LocalPath":"/opt/ml/processing/input/code",
              "S3DataType":"S3Prefix","S3InputMode":"File","S3DataDistributionType":"FullyReplicated","S3CompressionType":"None"}}]}}
         ]}
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_SmallDefinitionWithWait_ExitsZeroAndPrintsJsonSummary()
    {
        var file = _dir.Write("tiny.json", WriteThenCheck);

        var result = await _dir.RunAsync("run", file, "--wait", "--data-dir", "data");

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal("tiny", summary.GetProperty("pipeline").GetString());
        Assert.Equal("Succeeded", summary.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(summary.GetProperty("executionId").GetString()));
        var steps = summary.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal("Succeeded", steps["Write"].GetProperty("status").GetString());
        Assert.Equal(1, steps["Write"].GetProperty("attempts").GetInt32());
        Assert.False(steps["Write"].GetProperty("cacheHit").GetBoolean());
        Assert.Equal("NotExecuted", steps["Stop"].GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "studio.db")));
        Assert.Equal("hi", File.ReadAllText(Path.Combine(_dir.Path, "data", "artifacts", "cli-tests", "out", "x.txt")).Trim());
    }

    [Fact]
    public async Task Run_StoredPipelineByName_RunsTheSavedDefinition()
    {
        var file = _dir.Write("again.json", WriteThenCheck);
        Assert.Equal(0, (await _dir.RunAsync("run", file, "--data-dir", "data")).ExitCode);

        var result = await _dir.RunAsync("run", "again", "--wait", "--data-dir", "data");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("again", JsonDocument.Parse(result.StdOut).RootElement.GetProperty("pipeline").GetString());
    }

    [Fact]
    public async Task Run_ParameterTakesFailBranch_ExitsOneWithFailedSummary()
    {
        var file = _dir.Write("tiny.json", WriteThenCheck);

        var result = await _dir.RunAsync("run", file, "--param", "Mode=broken", "--wait", "--data-dir", "data");

        Assert.True(result.ExitCode == 1, result.ToString());
        var summary = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal("Failed", summary.GetProperty("status").GetString());
        Assert.Contains("Mode is not ok", summary.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--param", "Mode")]
    [InlineData("--param", "=ok")]
    public async Task Run_ParamWithoutNameEqualsValue_ExitsTwo(string option, string value)
    {
        var file = _dir.Write("tiny.json", WriteThenCheck);

        var result = await _dir.RunAsync("run", file, option, value, "--data-dir", "data");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("NAME=VALUE", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task Run_UnknownParameter_ExitsOneNamingIt()
    {
        var file = _dir.Write("tiny.json", WriteThenCheck);

        var result = await _dir.RunAsync("run", file, "--param", "Nope=1", "--data-dir", "data");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Nope", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json")]
    [InlineData("no-such-pipeline")]
    public async Task Run_MissingFileOrPipeline_ExitsTwo(string target)
    {
        var result = await _dir.RunAsync("run", target, "--data-dir", "data");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(target, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DefinitionWithScriptsFolder_StagesScriptsBeforeRunning()
    {
        var file = _dir.Write("staged-demo.json", RunsStagedScript);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "staged-demo"));
        _dir.Write(Path.Combine("staged-demo", "hello.sh"), "echo hello-from-script\n");

        var result = await _dir.RunAsync("run", file, "--wait", "--data-dir", "data");

        Assert.True(result.ExitCode == 0, result.ToString());
        var staged = Path.Combine(_dir.Path, "data", "artifacts", "pipelinestudio-samples", "staged-demo", "code", "hello.sh");
        Assert.True(File.Exists(staged), result.ToString());
    }
}
