using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>Readers for evaluated job arguments: scalars of any kind read as text, so a parameter that evaluated to a number still works.</summary>
public static class JobJson
{
    /// <summary>The node at <paramref name="path"/> as text: a string as is, a number or boolean as its JSON text, else null.</summary>
    public static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }

        return node switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>An array of scalars as text; null when the node is not an array.</summary>
    public static IReadOnlyList<string>? TextList(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(item => Text(item) ?? "")] : null;

    /// <summary>An object of scalars (Environment, HyperParameters) as a string map; empty when absent.</summary>
    public static Dictionary<string, string> TextMap(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                map[key] = Text(value) ?? "";
            }
        }

        return map;
    }

    /// <summary>StoppingCondition.MaxRuntimeInSeconds as a time span, when set to a positive number.</summary>
    public static TimeSpan? MaxRuntime(JsonNode? stoppingCondition) =>
        Text(stoppingCondition, "MaxRuntimeInSeconds") is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    public static string Time(DateTimeOffset time) => ExecutionVariables.FormatDateTime(time);

    /// <summary>Writes a JSON document (a SageMaker config file such as hyperparameters.json), creating its folder.</summary>
    public static void WriteFile(string path, JsonNode content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
