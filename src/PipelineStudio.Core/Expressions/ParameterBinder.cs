using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// Turns the text values supplied for an execution (CLI <c>--param K=V</c>, REST, UI) into typed
/// values, with the definition's defaults filled in. Never throws: every problem becomes a sentence
/// naming the parameter, and the caller refuses to start when there is any.
/// </summary>
public static class ParameterBinder
{
    public static ParameterBinding Bind(PipelineDefinition definition, IReadOnlyDictionary<string, string> supplied)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var wire = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();

        var declared = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var parameter in definition.Parameters)
        {
            if (parameter.Name is not null)
            {
                declared.TryAdd(parameter.Name, parameter);
            }
        }

        foreach (var name in supplied.Keys.Where(n => !declared.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            problems.Add(declared.Count == 0
                ? $"Parameter '{name}' is not defined by the pipeline, which has no parameters."
                : $"Parameter '{name}' is not defined by the pipeline (it defines: {string.Join(", ", declared.Keys)}).");
        }

        foreach (var parameter in declared.Values)
        {
            var name = parameter.Name!;
            if (parameter.Type is not { } type)
            {
                problems.Add($"Parameter '{name}' has type '{parameter.TypeName}', which SageMaker does not know (String, Integer, Float, Boolean).");
                continue;
            }

            string text;
            string source;
            if (supplied.TryGetValue(name, out var given))
            {
                text = given;
                source = $"'{given}'";
            }
            else if (DefaultText(parameter.DefaultValue) is { } fallback)
            {
                text = fallback;
                source = $"its default value '{fallback}'";
            }
            else
            {
                problems.Add($"Parameter '{name}' has no default value; supply one.");
                continue;
            }

            if (ParseValue(type, text) is not { } value)
            {
                problems.Add($"Parameter '{name}' is {type}; {source} is not {Expected(type)}.");
                continue;
            }

            if (parameter.EnumValues is { Count: > 0 } allowed && !allowed.Any(a => DefaultText(a) is { } option && ValueText.AreEqual(ParseValue(type, option), value)))
            {
                problems.Add($"Parameter '{name}' must be one of {string.Join(", ", allowed.Select(a => $"'{DefaultText(a)}'"))}; {source} is not.");
                continue;
            }

            values[name] = value;
            wire[name] = text;
        }

        return new ParameterBinding(values, wire, problems);
    }

    /// <summary>Parses text as a value of the type; null when it is not one.</summary>
    public static JsonNode? ParseValue(ParameterType type, string text) => type switch
    {
        ParameterType.String => JsonValue.Create(text),
        ParameterType.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? JsonValue.Create(l)
            : null,
        ParameterType.Float => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? JsonValue.Create(d)
            : null,

        // The SDK sends Python's str(bool): "True"/"False"; JSON and people write "true"/"false".
        ParameterType.Boolean => bool.TryParse(text, out var b) ? JsonValue.Create(b) : null,
        _ => null,
    };

    private static string Expected(ParameterType type) => type switch
    {
        ParameterType.Integer => "an integer",
        ParameterType.Float => "a number",
        ParameterType.Boolean => "true or false",
        _ => "a string",
    };

    /// <summary>A default (or enum value) as the text a user would have supplied: strings unquoted, the rest as JSON.</summary>
    public static string? DefaultText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
