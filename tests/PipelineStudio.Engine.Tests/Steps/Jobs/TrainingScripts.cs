using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using PipelineStudio.Engine.Artifacts;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

/// <summary>A tiny script-mode training script and the CreateTrainingJob arguments that run it, as the SDK writes them.</summary>
public static class TrainingScripts
{
    // Scores learning rates by their distance to 0.1, so a tuning job has a known best; prints a worse value first
    // so "last match wins" is observable.
    public const string Train = """
        import argparse, json, os
        parser = argparse.ArgumentParser()
        parser.add_argument("--learning_rate", type=float)
        parser.add_argument("--epochs", type=int)
        args, _ = parser.parse_known_args()
        if args.learning_rate < 0:
            open(os.path.join(os.environ["SM_OUTPUT_DIR"], "failure"), "w").write("learning_rate must not be negative")
            raise SystemExit(2)
        rows = open(os.path.join(os.environ["SM_CHANNEL_TRAIN"], "train.csv")).read().splitlines()
        hps = json.loads(os.environ["SM_HPS"])
        print(f"rows={len(rows)} lr={args.learning_rate} epochs={args.epochs} hps_epochs={hps['epochs']} helper={os.path.exists('helper.py')}")
        with open(os.path.join(os.environ["SM_MODEL_DIR"], "model.json"), "w") as handle:
            json.dump({"lr": args.learning_rate}, handle)
        print("val_auc=0.01")
        print(f"val_auc={1 - abs(args.learning_rate - 0.1):.4f}")
        """;

    public static async Task UploadAsync(LocalArtifactStore artifacts)
    {
        await artifacts.PutTextAsync("s3://bucket/code/train.py", Train);
        await artifacts.PutTextAsync("s3://bucket/code/helper.py", "# a sibling module the script could import\n");
        await artifacts.PutTextAsync("s3://bucket/data/train/train.csv", "1,0.5\n0,0.1\n1,0.9\n");
    }

    public static JsonObject HyperParameters(string learningRate, string submitDirectory = "s3://bucket/code") => new()
    {
        ["epochs"] = "30",
        ["learning_rate"] = $"\"{learningRate}\"",
        ["sagemaker_program"] = "\"train.py\"",
        ["sagemaker_submit_directory"] = $"\"{submitDirectory}\"",
        ["sagemaker_region"] = "\"us-east-1\"",
    };

    public static JsonObject AlgorithmSpecification() => new()
    {
        ["TrainingImage"] = JobHarness.SklearnImage,
        ["TrainingInputMode"] = "File",
        ["MetricDefinitions"] = new JsonArray(new JsonObject { ["Name"] = "val_auc", ["Regex"] = "val_auc=([0-9\\.]+)" }),
    };

    public static JsonArray InputDataConfig() => new(new JsonObject
    {
        ["ChannelName"] = "train",
        ["DataSource"] = new JsonObject { ["S3DataSource"] = new JsonObject { ["S3DataType"] = "S3Prefix", ["S3Uri"] = "s3://bucket/data/train" } },
        ["ContentType"] = "text/csv",
    });

    public static JsonObject TrainingArguments(JsonObject hyperParameters) => new()
    {
        ["AlgorithmSpecification"] = AlgorithmSpecification(),
        ["HyperParameters"] = hyperParameters,
        ["InputDataConfig"] = InputDataConfig(),
        ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = "s3://bucket/models" },
        ["ResourceConfig"] = new JsonObject { ["InstanceCount"] = 1, ["InstanceType"] = "ml.m5.large", ["VolumeSizeInGB"] = 30 },
        ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 600 },
        ["RoleArn"] = "arn:aws:iam::123456789012:role/x",
    };

    /// <summary>The names of the files in a stored .tar.gz and the text of one of them.</summary>
    public static async Task<(IReadOnlyList<string> Names, string? Text)> ReadArchiveAsync(LocalArtifactStore artifacts, string uri, string fileName)
    {
        await using var file = File.OpenRead(artifacts.ResolvePath(uri));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var names = new List<string>();
        string? text = null;
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
            if (entry.Name.TrimStart('.', '/') == fileName && entry.DataStream is { } data)
            {
                text = await new StreamReader(data).ReadToEndAsync();
            }
        }

        return (names, text);
    }
}
