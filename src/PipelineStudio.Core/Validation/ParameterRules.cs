using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Pipelines;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// The <c>Parameters</c> array: entry shape (PS006, PS026), names (PS030, PS031), types (PS032),
/// defaults (PS033, PS034).
/// </summary>
internal static class ParameterRules
{
    public static void Check(ValidationContext context)
    {
        if (context.Definition.Json["Parameters"] is not JsonArray array)
        {
            return;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.Parameters[{i}]";
            if (array[i] is not JsonObject entry)
            {
                context.Error(IssueCodes.WrongFieldType, path, $"Parameter {i} must be an object, not {JsonKinds.Describe(array[i])}.");
                continue;
            }

            CheckEntry(context, entry, path, seen);
        }
    }

    private static void CheckEntry(ValidationContext context, JsonObject entry, string path, Dictionary<string, string> seen)
    {
        var name = JsonRead.String(entry, "Name");
        var who = name is null ? $"Parameter at {path}" : $"Parameter '{ValidationContext.Shorten(name)}'";
        if (!entry.ContainsKey("Name"))
        {
            context.Error(IssueCodes.MissingRequiredField, path, $"{who} has no 'Name'.");
        }
        else if (context.ExpectKind(entry, "Name", path, JsonKind.String, who))
        {
            CheckName(context, name!, path, who, seen);
        }

        var typeOk = context.ExpectKind(entry, "Type", path, JsonKind.String, who);
        context.ExpectKind(entry, "EnumValues", path, JsonKind.Array, who);
        var typeName = JsonRead.String(entry, "Type");
        var type = ParameterDefinition.ParseType(typeName);
        if (typeOk && type is null)
        {
            context.Error(IssueCodes.UnknownParameterType, path + ".Type",
                $"{who} has type '{typeName}'; use String, Integer, Float or Boolean.");
        }

        if (typeOk && type is { } known && entry["DefaultValue"] is { } defaultValue)
        {
            CheckDefault(context, entry, known, defaultValue, path, who);
        }
    }

    private static void CheckName(ValidationContext context, string name, string path, string who, Dictionary<string, string> seen)
    {
        if (!PipelineNames.IsValidParameterName(name))
        {
            context.Error(IssueCodes.InvalidParameterName, path + ".Name",
                $"{who} has an invalid name: use {PipelineNames.EntityNameRule}.");
        }

        if (!seen.TryAdd(name, path))
        {
            context.Error(IssueCodes.DuplicateParameterName, path + ".Name",
                $"{who} is declared twice (first at {seen[name]}).");
        }
    }

    private static void CheckDefault(ValidationContext context, JsonObject entry, ParameterType type, JsonNode defaultValue, string path, string who)
    {
        var fits = type switch
        {
            ParameterType.Integer => JsonKinds.IsInteger(defaultValue),
            ParameterType.Float => JsonKinds.Of(defaultValue) == JsonKind.Number,
            ParameterType.Boolean => JsonKinds.Of(defaultValue) == JsonKind.Boolean,
            _ => JsonKinds.Of(defaultValue) == JsonKind.String,
        };
        if (!fits)
        {
            var expected = type switch
            {
                ParameterType.Integer => "a JSON integer",
                ParameterType.Float => "a JSON number",
                ParameterType.Boolean => "true or false",
                _ => "a JSON string",
            };
            context.Error(IssueCodes.DefaultValueWrongType, path + ".DefaultValue",
                $"{who} is {type} but its DefaultValue {JsonKinds.Preview(defaultValue)} is not {expected}.");
            return;
        }

        if (entry["EnumValues"] is JsonArray enumValues && enumValues.Count > 0
            && !enumValues.Any(v => JsonNode.DeepEquals(v, defaultValue)))
        {
            context.Error(IssueCodes.DefaultNotInEnum, path + ".DefaultValue",
                $"{who} has DefaultValue {JsonKinds.Preview(defaultValue)}, which is not one of its EnumValues.");
        }
    }
}
