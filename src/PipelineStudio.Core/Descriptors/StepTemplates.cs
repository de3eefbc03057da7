using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Descriptors;

/// <summary>
/// New steps for the designer: each known type gets the arguments the SageMaker Python SDK writes for
/// a plain use of its step class (sklearn images, one ml.m5.large instance, 30 GB volume, the SDK's
/// default bucket naming), so a fresh step validates and the property panel has a field for every
/// main argument. Placeholders (account 123456789012, bucket, ARNs) are meant to be edited.
/// </summary>
public static class StepTemplates
{
    /// <summary>The execution role every template names; the SDK always writes one.</summary>
    public const string DefaultRoleArn = "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole";

    /// <summary>The SDK's default bucket for account 123456789012 in us-east-1.</summary>
    public const string DefaultBucket = "sagemaker-us-east-1-123456789012";

    /// <summary>The sklearn framework image the SDK resolves in us-east-1; the local engine runs it with python3.</summary>
    public const string SklearnImageUri = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";

    public const string DefaultInstanceType = "ml.m5.large";

    // Stands for the step name inside template strings; replaced after parsing so names never need JSON escaping.
    private const string NameToken = "__STEP__";

    private static readonly Dictionary<string, string> TemplatesByType = new(StringComparer.Ordinal)
    {
        [StepTypes.Processing] = StepTemplateText.Processing,
        [StepTypes.Training] = StepTemplateText.Training,
        [StepTypes.Tuning] = StepTemplateText.Tuning,
        [StepTypes.Transform] = StepTemplateText.Transform,
        [StepTypes.Model] = StepTemplateText.Model,
        [StepTypes.RegisterModel] = StepTemplateText.RegisterModel,
        [StepTypes.Condition] = StepTemplateText.Condition,
        [StepTypes.Fail] = StepTemplateText.Fail,
        [StepTypes.Lambda] = StepTemplateText.Lambda,
        [StepTypes.Callback] = StepTemplateText.Callback,
        [StepTypes.QualityCheck] = StepTemplateText.QualityCheck,
        [StepTypes.ClarifyCheck] = StepTemplateText.ClarifyCheck,
        [StepTypes.Emr] = StepTemplateText.Emr,
        [StepTypes.EmrServerless] = StepTemplateText.EmrServerless,
        [StepTypes.AutoMl] = StepTemplateText.AutoMl,
        [StepTypes.EndpointConfig] = StepTemplateText.EndpointConfig,
        [StepTypes.Endpoint] = StepTemplateText.Endpoint,
        [StepTypes.InferenceComponent] = StepTemplateText.InferenceComponent,
        [StepTypes.BedrockCustomModel] = StepTemplateText.BedrockCustomModel,
        [StepTypes.BedrockCustomModelDeployment] = StepTemplateText.BedrockCustomModelDeployment,
        [StepTypes.BedrockModelImport] = StepTemplateText.BedrockModelImport,
        [StepTypes.BedrockProvisionedModelThroughput] = StepTemplateText.BedrockProvisionedModelThroughput,
        [StepTypes.Lineage] = StepTemplateText.Lineage,
    };

    /// <summary>Whether <see cref="Create"/> has real defaults for the type (every type of <see cref="StepTypeCatalog"/>).</summary>
    public static bool HasTemplate(string type) => TemplatesByType.ContainsKey(type);

    /// <summary>
    /// A new step object <c>{Name, Type, Arguments, ...}</c> owned by the caller. Unknown types get
    /// <c>{Name, Type, Arguments: {}}</c>. The name is written as given; validation judges it.
    /// </summary>
    public static JsonObject Create(string type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(name);
        var step = new JsonObject { ["Name"] = name, ["Type"] = type };
        if (!TemplatesByType.TryGetValue(type, out var text))
        {
            step["Arguments"] = new JsonObject();
            return step;
        }

        var body = (JsonObject)JsonNode.Parse(StepTemplateText.Expand(text))!;
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            step[key] = value;
        }

        ReplaceToken(step, name);
        return step;
    }

    /// <summary>A Processing input staged from S3 into <c>/opt/ml/processing/input/&lt;name&gt;</c>, as ProcessingInput writes it.</summary>
    public static JsonObject ProcessingInput(string inputName) => new()
    {
        ["InputName"] = inputName,
        ["AppManaged"] = false,
        ["S3Input"] = new JsonObject
        {
            ["S3Uri"] = $"s3://{DefaultBucket}/input/{inputName}",
            ["LocalPath"] = $"/opt/ml/processing/input/{inputName}",
            ["S3DataType"] = "S3Prefix",
            ["S3InputMode"] = "File",
            ["S3DataDistributionType"] = "FullyReplicated",
            ["S3CompressionType"] = "None",
        },
    };

    /// <summary>A Processing output uploaded from <c>/opt/ml/processing/output/&lt;name&gt;</c> at the end of the job.</summary>
    public static JsonObject ProcessingOutput(string outputName) => new()
    {
        ["OutputName"] = outputName,
        ["AppManaged"] = false,
        ["S3Output"] = new JsonObject
        {
            ["S3Uri"] = $"s3://{DefaultBucket}/output/{outputName}",
            ["LocalPath"] = $"/opt/ml/processing/output/{outputName}",
            ["S3UploadMode"] = "EndOfJob",
        },
    };

    /// <summary>A training input channel over an S3 prefix of CSV files, as TrainingInput writes it.</summary>
    public static JsonObject TrainingChannel(string channelName) => new()
    {
        ["DataSource"] = new JsonObject
        {
            ["S3DataSource"] = new JsonObject
            {
                ["S3DataType"] = "S3Prefix",
                ["S3Uri"] = $"s3://{DefaultBucket}/input/{channelName}",
                ["S3DataDistributionType"] = "FullyReplicated",
            },
        },
        ["ContentType"] = "text/csv",
        ["ChannelName"] = channelName,
    };

    /// <summary>A retry policy as SageMakerJobStepRetryPolicy writes it with the SDK's defaults.</summary>
    public static JsonObject RetryPolicy() => new()
    {
        ["ExceptionType"] = new JsonArray("SageMaker.JOB_INTERNAL_ERROR", "SageMaker.CAPACITY_ERROR"),
        ["IntervalSeconds"] = 1,
        ["BackoffRate"] = 2.0,
        ["MaxAttempts"] = 5,
    };

    private static void ReplaceToken(JsonNode root, string name)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToList())
                    {
                        if (child is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains(NameToken, StringComparison.Ordinal))
                        {
                            obj[key] = text.Replace(NameToken, name, StringComparison.Ordinal);
                        }
                        else if (child is not null)
                        {
                            pending.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains(NameToken, StringComparison.Ordinal))
                        {
                            array[i] = text.Replace(NameToken, name, StringComparison.Ordinal);
                        }
                        else if (array[i] is { } child)
                        {
                            pending.Push(child);
                        }
                    }

                    break;
            }
        }
    }
}
