using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Steps.Jobs;
using PipelineStudio.Engine.Tests.Artifacts;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class TrainingExecutorTests : IDisposable
{
    private readonly JobHarness _harness = new();
    private readonly TrainingExecutor _executor;

    public TrainingExecutorTests()
    {
        _executor = new TrainingExecutor(_harness.Runtime, _harness.Images);
    }

    public void Dispose() => _harness.Dispose();

    [PythonFact]
    public async Task Execute_ScriptMode_RunsProgramWithChannelsHyperparametersAndPacksModel()
    {
        await TrainingScripts.UploadAsync(_harness.Artifacts);

        var result = await RunAsync(TrainingScripts.HyperParameters("0.1"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Contains("rows=3 lr=0.1 epochs=30 hps_epochs=30 helper=True", _harness.LogLines);
        var jobName = result.Properties!["TrainingJobName"]!.GetValue<string>();
        var modelUri = PropertyResolver.Resolve(result.Properties, "ModelArtifacts.S3ModelArtifacts")!.GetValue<string>();
        Assert.Equal($"s3://bucket/models/{jobName}/output/model.tar.gz", modelUri);
        var (_, model) = await TrainingScripts.ReadArchiveAsync(_harness.Artifacts, modelUri, "model.json");
        Assert.Equal("{\"lr\": 0.1}", model);
        Assert.Equal(1.0, PropertyResolver.Resolve(result.Properties, "FinalMetricDataList['val_auc'].Value")!.GetValue<double>());
        Assert.Equal("\"0.1\"", PropertyResolver.Resolve(result.Properties, "HyperParameters['learning_rate']")!.GetValue<string>());
        Assert.Equal("s3://bucket/models", PropertyResolver.Resolve(result.Properties, "OutputDataConfig.S3OutputPath")!.GetValue<string>());
        Assert.Equal("Completed", result.Properties["TrainingJobStatus"]!.GetValue<string>());
    }

    [PythonFact]
    public async Task Execute_SubmitDirectoryIsSourceDirTarGz_ExtractsAndRuns()
    {
        await TrainingScripts.UploadAsync(_harness.Artifacts);
        using var source = new TempDirectory();
        source.WriteFile("src/train.py", TrainingScripts.Train);
        source.WriteFile("src/helper.py", "");
        await ModelArchive.PackAsync(source.Combine("src"), source.Combine("sourcedir.tar.gz"), CancellationToken.None);
        await _harness.Artifacts.PutFileAsync("s3://bucket/packed/sourcedir.tar.gz", source.Combine("sourcedir.tar.gz"));

        var result = await RunAsync(TrainingScripts.HyperParameters("0.3", "s3://bucket/packed/sourcedir.tar.gz"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Contains("rows=3 lr=0.3 epochs=30 hps_epochs=30 helper=True", _harness.LogLines);
        Assert.Equal(0.8, PropertyResolver.Resolve(result.Properties, "FinalMetricDataList['val_auc'].Value")!.GetValue<double>(), precision: 6);
    }

    [PythonFact]
    public async Task Execute_ScriptWritesFailureFileAndExits_FailureReasonQuotesIt()
    {
        await TrainingScripts.UploadAsync(_harness.Artifacts);

        var result = await RunAsync(TrainingScripts.HyperParameters("-1"));

        Assert.False(result.Succeeded);
        Assert.Equal(FailureKinds.AlgorithmError, result.FailureKind);
        Assert.StartsWith("learning_rate must not be negative", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("ExitCode 2", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ExplicitEntrypoint_RunsItWithTheTrainingContract()
    {
        await _harness.Artifacts.PutTextAsync("s3://bucket/data/train/train.csv", "1\n");
        var arguments = TrainingScripts.TrainingArguments(new JsonObject { ["epochs"] = "3" });
        arguments["AlgorithmSpecification"]!["ContainerEntrypoint"] = new JsonArray("/bin/sh", "-c");
        arguments["AlgorithmSpecification"]!["ContainerArguments"] = new JsonArray(
            "cp /opt/ml/input/data/train/train.csv /opt/ml/model/ && cat /opt/ml/input/config/hyperparameters.json | tr -d ' \\n' && echo && echo val_auc=0.5");

        var result = await _harness.RunAsync(_executor, StepTypes.Training, arguments);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Contains("{\"epochs\":\"3\"}", _harness.LogLines);
        var (names, _) = await TrainingScripts.ReadArchiveAsync(_harness.Artifacts, PropertyResolver.Resolve(result.Properties, "ModelArtifacts.S3ModelArtifacts")!.GetValue<string>(), "train.csv");
        Assert.Contains("train.csv", names);
        Assert.Equal(0.5, PropertyResolver.Resolve(result.Properties, "FinalMetricDataList['val_auc'].Value")!.GetValue<double>());
    }

    [Fact]
    public async Task Execute_CheckpointConfig_RestoresBeforeAndSavesAfterEvenOnFailure()
    {
        await _harness.Artifacts.PutTextAsync("s3://bucket/data/train/train.csv", "1\n");
        await _harness.Artifacts.PutTextAsync("s3://bucket/ckpt/epoch-1.txt", "one");
        var arguments = TrainingScripts.TrainingArguments(new JsonObject());
        arguments["CheckpointConfig"] = new JsonObject { ["S3Uri"] = "s3://bucket/ckpt" };
        arguments["AlgorithmSpecification"]!["ContainerEntrypoint"] = new JsonArray("/bin/sh", "-c");
        arguments["AlgorithmSpecification"]!["ContainerArguments"] = new JsonArray(
            "cat /opt/ml/checkpoints/epoch-1.txt && echo two > /opt/ml/checkpoints/epoch-2.txt && exit 1");

        var result = await _harness.RunAsync(_executor, StepTypes.Training, arguments);

        Assert.False(result.Succeeded);
        Assert.Contains("one", _harness.LogLines);
        Assert.Equal("two\n", await _harness.Artifacts.ReadTextAsync("s3://bucket/ckpt/epoch-2.txt"));
    }

    [Fact]
    public async Task Execute_ShellProgramWithPathHyperparameter_RunsUnderShWithThePathMapped()
    {
        await _harness.Artifacts.PutTextAsync("s3://bucket/data/train/train.csv", "1\n");
        await _harness.Artifacts.PutTextAsync("s3://bucket/shcode/train.sh", "echo \"args: $*\"\necho \"env: $SM_HP_DATA\"\n");
        var hyperParameters = new JsonObject
        {
            ["data"] = "\"/opt/ml/input/data/train\"",
            ["sagemaker_program"] = "\"train.sh\"",
            ["sagemaker_submit_directory"] = "\"s3://bucket/shcode\"",
        };

        var result = await RunAsync(hyperParameters);

        Assert.True(result.Succeeded, result.FailureReason);
        var mapped = $"{_harness.TempPath}/work/Step/1/opt/ml/input/data/train";
        Assert.Contains($"args: --data {mapped}", _harness.LogLines);
        Assert.Contains($"env: {mapped}", _harness.LogLines);
    }

    [Fact]
    public async Task Execute_ProgramMissingFromSubmitDirectory_FailsNamingIt()
    {
        await _harness.Artifacts.PutTextAsync("s3://bucket/code/other.py", "");
        await _harness.Artifacts.PutTextAsync("s3://bucket/data/train/train.csv", "1\n");

        var result = await RunAsync(TrainingScripts.HyperParameters("0.1"));

        Assert.False(result.Succeeded);
        Assert.Contains("'train.py'", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("s3://bucket/code", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_BuiltInAlgorithmWithoutProgram_IsRefusedClearly()
    {
        await _harness.Artifacts.PutTextAsync("s3://bucket/data/train/train.csv", "1\n");

        var result = await RunAsync(new JsonObject { ["num_round"] = "50" });

        Assert.False(result.Succeeded);
        Assert.Contains("only script mode runs locally", result.FailureReason, StringComparison.Ordinal);
    }

    private Task<StepResult> RunAsync(JsonObject hyperParameters) =>
        _harness.RunAsync(_executor, StepTypes.Training, TrainingScripts.TrainingArguments(hyperParameters));
}
