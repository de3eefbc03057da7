using System.Globalization;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.TestSupport;

/// <summary>
/// Generates large, realistic definitions for performance tests and benchmarks.
/// </summary>
public static class DefinitionGenerator
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/SageMakerPipelineRole";
    private const string ImageUri = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";
    private const string Bucket = "s3://sagemaker-us-east-1-123456789012/gen";
    /// <summary>
    /// The most steps that stay under <see cref="DefinitionJson.MaxDefinitionLength"/> with width 20
    /// for any seed (1,035,000 to 1,046,000 characters).
    /// </summary>
    public const int StepsNearLimit = 1180;

    private static readonly string[] InstanceTypes = ["ml.m5.large", "ml.m5.xlarge", "ml.c5.xlarge"];

    /// <summary>
    /// A layered DAG of <paramref name="steps"/> Processing steps, <paramref name="width"/> per layer,
    /// as compact JSON text. Every step after the first layer reads one or two outputs of the previous
    /// layer (<c>ProcessingOutputConfig.Outputs['out'].S3Output.S3Uri</c> into its ProcessingInputs);
    /// about one in three also has a DependsOn on a step two layers up. The same arguments always give
    /// the same text. Steps carry the arguments the SDK writes for a Processing step (about 880
    /// characters each), so <see cref="StepsNearLimit"/> steps come just under SageMaker's 1 MiB limit
    /// and 2,000 steps come to about 1.76 million characters (over the limit, still fully validated).
    /// </summary>
    public static string Layered(int steps, int width, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var random = new Random(seed);
        var stepArray = new JsonArray();
        for (var index = 0; index < steps; index++)
        {
            stepArray.Add(Step(index, width, random));
        }

        var definition = new JsonObject
        {
            ["Version"] = PipelineDefinition.CurrentVersion,
            ["Metadata"] = new JsonObject(),
            ["Parameters"] = new JsonArray(
                new JsonObject { ["Name"] = "InstanceCount", ["Type"] = "Integer", ["DefaultValue"] = 1 }),
            ["PipelineExperimentConfig"] = new JsonObject
            {
                ["ExperimentName"] = new JsonObject { ["Get"] = "Execution.PipelineName" },
                ["TrialName"] = new JsonObject { ["Get"] = "Execution.PipelineExecutionId" },
            },
            ["Steps"] = stepArray,
        };
        return DefinitionJson.Write(definition, indented: false);
    }

    /// <summary>The name of the step at <paramref name="index"/>, e.g. <c>L012-S03</c> (layer 12, slot 3).</summary>
    public static string StepName(int index, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"L{index / width:D3}-S{index % width:D2}");

    private static JsonObject Step(int index, int width, Random random)
    {
        var name = StepName(index, width);
        var layer = index / width;
        var inputs = new JsonArray();
        if (layer > 0)
        {
            var previousLayerStart = (layer - 1) * width;
            var first = previousLayerStart + random.Next(width);
            inputs.Add(Input("in0", UpstreamOutput(StepName(first, width))));
            var second = previousLayerStart + random.Next(width);
            if (second != first && random.Next(3) == 0)
            {
                inputs.Add(Input("in1", UpstreamOutput(StepName(second, width))));
            }
        }
        else
        {
            inputs.Add(Input("in0", $"{Bucket}/raw/part-{index:D3}"));
        }

        var step = new JsonObject
        {
            ["Name"] = name,
            ["Type"] = StepTypes.Processing,
            ["Arguments"] = new JsonObject
            {
                ["ProcessingResources"] = new JsonObject
                {
                    ["ClusterConfig"] = new JsonObject
                    {
                        ["InstanceType"] = InstanceTypes[random.Next(InstanceTypes.Length)],
                        ["InstanceCount"] = new JsonObject { ["Get"] = "Parameters.InstanceCount" },
                        ["VolumeSizeInGB"] = 30,
                    },
                },
                ["AppSpecification"] = new JsonObject { ["ImageUri"] = ImageUri },
                ["RoleArn"] = RoleArn,
                ["ProcessingInputs"] = inputs,
                ["ProcessingOutputConfig"] = new JsonObject
                {
                    ["Outputs"] = new JsonArray(new JsonObject
                    {
                        ["OutputName"] = "out",
                        ["S3Output"] = new JsonObject
                        {
                            ["S3Uri"] = $"{Bucket}/{name}",
                            ["LocalPath"] = "/opt/ml/processing/output",
                            ["S3UploadMode"] = "EndOfJob",
                        },
                    }),
                },
            },
        };
        if (layer > 1 && random.Next(3) == 0)
        {
            var twoUp = (layer - 2) * width + random.Next(width);
            step["DependsOn"] = new JsonArray(StepName(twoUp, width));
        }

        return step;
    }

    private static JsonObject UpstreamOutput(string stepName) =>
        new() { ["Get"] = $"Steps.{stepName}.ProcessingOutputConfig.Outputs['out'].S3Output.S3Uri" };

    private static JsonObject Input(string inputName, JsonNode s3Uri) => new()
    {
        ["InputName"] = inputName,
        ["S3Input"] = new JsonObject
        {
            ["S3Uri"] = s3Uri,
            ["LocalPath"] = $"/opt/ml/processing/input/{inputName}",
            ["S3DataType"] = "S3Prefix",
            ["S3InputMode"] = "File",
        },
    };
}
