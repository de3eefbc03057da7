using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Steps.Jobs;
using PipelineStudio.Engine.Tests.Artifacts;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class TransformExecutorTests : IDisposable
{
    // Follows the local transform contract: --model-dir/--input-dir/--output-dir, one <input>.out per input file.
    private const string Inference = """
        import argparse, glob, json, os
        parser = argparse.ArgumentParser()
        parser.add_argument("--model-dir"); parser.add_argument("--input-dir"); parser.add_argument("--output-dir")
        args = parser.parse_args()
        scale = json.load(open(os.path.join(args.model_dir, "model.json")))["scale"]
        for path in sorted(glob.glob(os.path.join(args.input_dir, "*.csv"))):
            values = [float(v) * scale for v in open(path).read().split()]
            open(os.path.join(args.output_dir, os.path.basename(path) + ".out"), "w").write("\n".join(f"{v:g}" for v in values) + "\n")
        print("accept=" + os.environ["SM_ACCEPT"] + " model_dir_env=" + str(os.environ["SM_MODEL_DIR"] == args.model_dir))
        """;

    private readonly JobHarness _harness = new();
    private readonly TransformExecutor _executor;

    public TransformExecutorTests()
    {
        _executor = new TransformExecutor(_harness.Runtime, _harness.Images);
    }

    public void Dispose() => _harness.Dispose();

    [PythonFact]
    public async Task Execute_ModelFromModelStep_ScoresEachInputFileIntoOutputPath()
    {
        await StageModelAsync();
        await _harness.Artifacts.PutTextAsync("s3://bucket/batch/a.csv", "1\n2\n");
        await _harness.Artifacts.PutTextAsync("s3://bucket/batch/b.csv", "5\n");

        var result = await _harness.RunAsync(_executor, StepTypes.Transform, Arguments("churn-model"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal("3\n6\n", await _harness.Artifacts.ReadTextAsync("s3://bucket/scores/a.csv.out"));
        Assert.Equal("15\n", await _harness.Artifacts.ReadTextAsync("s3://bucket/scores/b.csv.out"));
        Assert.Contains("accept=text/csv model_dir_env=True", _harness.LogLines);
        Assert.Equal("Completed", result.Properties!["TransformJobStatus"]!.GetValue<string>());
        Assert.Equal("s3://bucket/scores", result.Properties["TransformOutput"]!["S3OutputPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_ModelNotCreatedInThisExecution_FailsNamingIt()
    {
        var result = await _harness.RunAsync(_executor, StepTypes.Transform, Arguments("someone-elses-model"));

        Assert.False(result.Succeeded);
        Assert.Contains("'someone-elses-model'", result.FailureReason, StringComparison.Ordinal);
    }

    private async Task StageModelAsync()
    {
        using var model = new TempDirectory();
        model.WriteFile("model/model.json", "{\"scale\": 3}");
        await ModelArchive.PackAsync(model.Combine("model"), model.Combine("model.tar.gz"), CancellationToken.None);
        await _harness.Artifacts.PutFileAsync("s3://bucket/models/job/output/model.tar.gz", model.Combine("model.tar.gz"));
        await _harness.Artifacts.PutTextAsync("s3://bucket/code/inference.py", Inference);
        _harness.SetStepProperties("MakeModel", new JsonObject
        {
            ["ModelName"] = "churn-model",
            ["PrimaryContainer"] = new JsonObject
            {
                ["Image"] = JobHarness.SklearnImage,
                ["ModelDataUrl"] = "s3://bucket/models/job/output/model.tar.gz",
                ["Environment"] = new JsonObject { ["SAGEMAKER_PROGRAM"] = "inference.py", ["SAGEMAKER_SUBMIT_DIRECTORY"] = "s3://bucket/code" },
            },
        });
    }

    private static JsonObject Arguments(string modelName) => new()
    {
        ["ModelName"] = modelName,
        ["TransformInput"] = new JsonObject
        {
            ["DataSource"] = new JsonObject { ["S3DataSource"] = new JsonObject { ["S3DataType"] = "S3Prefix", ["S3Uri"] = "s3://bucket/batch" } },
            ["ContentType"] = "text/csv",
            ["SplitType"] = "Line",
        },
        ["TransformOutput"] = new JsonObject { ["S3OutputPath"] = "s3://bucket/scores", ["Accept"] = "text/csv", ["AssembleWith"] = "Line" },
        ["TransformResources"] = new JsonObject { ["InstanceCount"] = 1, ["InstanceType"] = "ml.m5.large" },
    };
}
