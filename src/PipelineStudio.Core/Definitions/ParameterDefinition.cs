using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Definitions;

public enum ParameterType
{
    String,
    Integer,
    Float,
    Boolean,
}

/// <summary>A typed view of one entry of the definition's <c>Parameters</c> array.</summary>
/// <param name="Name">The parameter name, or null when the entry has none (validation reports it).</param>
/// <param name="TypeName">The <c>Type</c> string as written; SageMaker defaults it to String.</param>
/// <param name="Type">The parsed type, or null when <paramref name="TypeName"/> is not one SageMaker knows.</param>
/// <param name="DefaultValue">The <c>DefaultValue</c> node as written, or null when absent.</param>
/// <param name="EnumValues">The <c>EnumValues</c> of a String parameter, or null when absent.</param>
/// <param name="JsonPath">Where the entry sits, e.g. <c>$.Parameters[2]</c>.</param>
public sealed record ParameterDefinition(
    string? Name,
    string? TypeName,
    ParameterType? Type,
    JsonNode? DefaultValue,
    IReadOnlyList<JsonNode?>? EnumValues,
    string JsonPath)
{
    public bool HasDefault => DefaultValue is not null;

    public static ParameterType? ParseType(string? typeName) => typeName switch
    {
        null => ParameterType.String,
        "String" => ParameterType.String,
        "Integer" => ParameterType.Integer,
        "Float" => ParameterType.Float,
        "Boolean" => ParameterType.Boolean,
        _ => null,
    };
}
