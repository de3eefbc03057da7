using System.Globalization;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Engine.Steps.Control;

/// <summary>
/// Lambda and Callback outputs as step properties: <c>{"OutputParameters": {"o": value}}</c>, so
/// <c>Steps.X.OutputParameters['o']</c> is the value itself. Values are typed by the declared OutputType.
/// Step metadata lists them as ListPipelineExecutionSteps does: <c>[{"Name", "Value"}]</c> (see <see cref="AsMetadataList"/>).
/// </summary>
public static class OutputParameterValues
{
    /// <summary>Builds the properties; a declared output that is missing or of the wrong type is a problem naming it.</summary>
    public static (JsonObject? Properties, string? Problem) Build(StepDefinition step, IReadOnlyDictionary<string, JsonNode?> values)
    {
        var declared = step.OutputParameters.Where(o => o.Name is not null).ToList();
        var map = new JsonObject();
        if (declared.Count == 0)
        {
            foreach (var (name, value) in values)
            {
                map[name] = value?.DeepClone();
            }
        }

        foreach (var output in declared)
        {
            if (!values.TryGetValue(output.Name!, out var raw))
            {
                return (null, $"Step '{step.Name}' declares output '{output.Name}', but the response has no value for it.");
            }

            if (!TryConvert(raw, output.OutputType ?? "String", out var typed))
            {
                return (null, $"Step '{step.Name}': output '{output.Name}' is {output.OutputType}; {raw?.ToJsonString() ?? "null"} is not.");
            }

            map[output.Name!] = typed;
        }

        return (new JsonObject { ["OutputParameters"] = map }, null);
    }

    /// <summary>The outputs as metadata: <c>[{"Name", "Value"}]</c> with values as text, like SageMaker's step list.</summary>
    public static JsonArray AsMetadataList(JsonObject properties) =>
        new((properties["OutputParameters"] as JsonObject ?? []).Select(p => (JsonNode)new JsonObject
        {
            ["Name"] = p.Key,
            ["Value"] = p.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : p.Value?.ToJsonString(),
        }).ToArray());

    private static bool TryConvert(JsonNode? raw, string type, out JsonNode? typed)
    {
        typed = null;
        var text = raw is JsonValue v && v.TryGetValue<string>(out var s) ? s : raw?.ToJsonString();
        if (text is null)
        {
            return false;
        }

        switch (type)
        {
            case "Integer" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                typed = JsonValue.Create(l);
                return true;
            case "Float" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                typed = JsonValue.Create(d);
                return true;
            case "Boolean" when bool.TryParse(text, out var b):
                typed = JsonValue.Create(b);
                return true;
            case "String":
                typed = JsonValue.Create(text);
                return true;
            default:
                return false;
        }
    }
}
