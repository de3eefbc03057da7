using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Pipelines;

namespace PipelineStudio.Core.Editing;

/// <summary>What the parameters editor says a parameter should be.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">Its type; the JSON always states it, even for String.</param>
/// <param name="DefaultText">The default as typed; empty for none (the value must then be given at start).</param>
/// <param name="EnumValues">Allowed values of a String parameter; empty for any.</param>
public sealed record ParameterSpec(string Name, ParameterType Type, string DefaultText, IReadOnlyList<string> EnumValues);

/// <summary>
/// Adds, changes and deletes entries of <c>Parameters</c>. Every operation checks first and returns a new
/// document (the input is never modified); a rename also rewrites every reference. Members the editor
/// does not know (e.g. Description) survive a change.
/// </summary>
public static class ParameterEdits
{
    /// <summary>Null when the spec is acceptable for the definition; otherwise what is wrong, for the user.</summary>
    /// <param name="existingName">The parameter being changed, or null when adding.</param>
    public static string? Check(PipelineDefinition definition, string? existingName, ParameterSpec spec)
    {
        if (!PipelineNames.IsValidParameterName(spec.Name))
        {
            return $"'{spec.Name}' is not a valid parameter name: use {PipelineNames.EntityNameRule}.";
        }

        if (spec.Name != existingName && definition.Parameters.Any(p => p.Name == spec.Name))
        {
            return $"There is already a parameter named '{spec.Name}'.";
        }

        if (spec.EnumValues.Count > 0 && spec.Type != ParameterType.String)
        {
            return "Only String parameters can list allowed values.";
        }

        if (spec.EnumValues.Distinct(StringComparer.Ordinal).Count() != spec.EnumValues.Count)
        {
            return "The allowed values repeat a value.";
        }

        var (value, error) = DefaultValue(spec.Type, spec.DefaultText);
        if (error is not null)
        {
            return error;
        }

        return value is not null && spec.EnumValues.Count > 0 && !spec.EnumValues.Contains(spec.DefaultText, StringComparer.Ordinal)
            ? $"The default '{spec.DefaultText}' is not one of the allowed values."
            : null;
    }

    /// <summary>The JSON default for typed text: null for empty text, or an error naming the expected type.</summary>
    public static (JsonNode? Value, string? Error) DefaultValue(ParameterType type, string text)
    {
        if (text.Length == 0)
        {
            return (null, null);
        }

        var trimmed = text.Trim();
        switch (type)
        {
            case ParameterType.Integer:
                return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? (JsonValue.Create(whole), null)
                    : (null, $"'{text}' is not a whole number.");
            case ParameterType.Float:
                return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
                    ? (JsonValue.Create(real), null)
                    : (null, $"'{text}' is not a number.");
            case ParameterType.Boolean:
                return bool.TryParse(trimmed, out var flag) ? (JsonValue.Create(flag), null) : (null, "A Boolean default is true or false.");
            default:
                return (JsonValue.Create(text), null);
        }
    }

    /// <summary>The text the editor shows for a parameter's default.</summary>
    public static string DefaultText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => value.ToJsonString(),
    };

    public static JsonObject Add(PipelineDefinition definition, ParameterSpec spec)
    {
        ThrowIfInvalid(definition, null, spec);
        var json = (JsonObject)definition.Json.DeepClone();
        if (json["Parameters"] is not JsonArray parameters)
        {
            parameters = [];
            json["Parameters"] = parameters;
        }

        var entry = new JsonObject();
        Apply(entry, spec);
        parameters.Add(entry);
        return json;
    }

    /// <summary>Changes the parameter named <paramref name="existingName"/>; a new name is written into every reference too.</summary>
    public static JsonObject Change(PipelineDefinition definition, string existingName, ParameterSpec spec)
    {
        ThrowIfInvalid(definition, existingName, spec);
        var json = (JsonObject)definition.Json.DeepClone();
        var entry = FindEntry(json, existingName) ?? throw new ArgumentException($"There is no parameter named '{existingName}'.", nameof(existingName));
        Apply(entry, spec);
        if (spec.Name != existingName)
        {
            ParameterRename.RewriteReferences(json, existingName, spec.Name);
        }

        return json;
    }

    /// <summary>Removes the parameter; references to it stay (and validation reports them) so nothing is lost silently.</summary>
    public static JsonObject Delete(PipelineDefinition definition, string name)
    {
        var json = (JsonObject)definition.Json.DeepClone();
        var entry = FindEntry(json, name) ?? throw new ArgumentException($"There is no parameter named '{name}'.", nameof(name));
        ((JsonArray)json["Parameters"]!).Remove(entry);
        return json;
    }

    private static void ThrowIfInvalid(PipelineDefinition definition, string? existingName, ParameterSpec spec)
    {
        if (Check(definition, existingName, spec) is { } problem)
        {
            throw new ArgumentException(problem, nameof(spec));
        }
    }

    private static JsonObject? FindEntry(JsonObject json, string name) =>
        (json["Parameters"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => JsonRead.String(p, "Name") == name);

    private static void Apply(JsonObject entry, ParameterSpec spec)
    {
        entry["Name"] = spec.Name;
        entry["Type"] = spec.Type.ToString();
        var (value, _) = DefaultValue(spec.Type, spec.DefaultText);
        SetOrRemove(entry, "DefaultValue", value);
        SetOrRemove(entry, "EnumValues", spec.EnumValues.Count > 0 ? new JsonArray(spec.EnumValues.Select(v => (JsonNode?)v).ToArray()) : null);
    }

    private static void SetOrRemove(JsonObject entry, string key, JsonNode? value)
    {
        if (value is null)
        {
            entry.Remove(key);
        }
        else
        {
            entry[key] = value;
        }
    }
}
