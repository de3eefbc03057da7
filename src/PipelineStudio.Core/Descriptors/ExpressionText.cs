using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Descriptors;

/// <summary>Builds the two standard functions and renders expressions as short readable text for the panel.</summary>
public static class ExpressionText
{
    private const int MaxDepth = 8;

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"Std:Join": {"On": on, "Values": [...]}}</c>; each value is copied.</summary>
    public static JsonObject Join(string on, IEnumerable<JsonNode?> values) => new()
    {
        [ExpressionScanner.Join] = new JsonObject
        {
            ["On"] = on,
            ["Values"] = new JsonArray(values.Select(v => v?.DeepClone()).ToArray()),
        },
    };

    /// <summary><c>{"Std:JsonGet": {"PropertyFile": {"Get": propertyFilePath}, "Path": path}}</c>.</summary>
    public static JsonObject JsonGetFromPropertyFile(string propertyFilePath, string path) => new()
    {
        [ExpressionScanner.JsonGet] = new JsonObject
        {
            ["PropertyFile"] = new JsonObject { [ExpressionScanner.GetKey] = propertyFilePath },
            ["Path"] = path,
        },
    };

    /// <summary><c>{"Std:JsonGet": {"S3Uri": s3Uri, "Path": path}}</c>, the form function steps use.</summary>
    public static JsonObject JsonGetFromS3(JsonNode s3Uri, string path) => new()
    {
        [ExpressionScanner.JsonGet] = new JsonObject { ["S3Uri"] = s3Uri.DeepClone(), ["Path"] = path },
    };

    /// <summary>
    /// E.g. <c>Parameters.Seed</c>, <c>Join("/", "s3://b", Execution.PipelineExecutionId)</c>,
    /// <c>JsonGet(Steps.Eval.PropertyFiles.Report, "mse")</c>. Unknown shapes fall back to compact JSON.
    /// </summary>
    public static string Describe(JsonNode? node) => Describe(node, 0);

    private static string Describe(JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            return "…";
        }

        switch (node)
        {
            case null:
                return "null";
            case JsonValue value:
                return value.GetValueKind() == JsonValueKind.String ? Quote(value.GetValue<string>()) : value.ToJsonString();
            case JsonObject { Count: 1 } obj:
                var (key, argument) = obj.First();
                if (key == ExpressionScanner.GetKey && JsonRead.AsString(argument) is { } path)
                {
                    return path;
                }

                if (key == ExpressionScanner.Join && argument is JsonObject join && join["Values"] is JsonArray values)
                {
                    var on = JsonRead.AsString(join["On"]) ?? "";
                    return $"Join({Quote(on)}, {string.Join(", ", values.Select(v => Describe(v, depth + 1)))})";
                }

                if (key == ExpressionScanner.JsonGet && argument is JsonObject jsonGet)
                {
                    var source = jsonGet["PropertyFile"] ?? jsonGet["S3Uri"];
                    return $"JsonGet({Describe(source, depth + 1)}, {Describe(jsonGet["Path"], depth + 1)})";
                }

                break;
        }

        return node.ToJsonString();
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, QuoteOptions);
}
