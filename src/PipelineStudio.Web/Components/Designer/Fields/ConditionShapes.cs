using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Web.Components.Designer.Fields;

/// <summary>
/// The condition shapes the SDK writes (reference §4.3) and how one becomes another when its type changes,
/// keeping what still fits (a comparison keeps its operands, In takes the left operand as its query value).
/// </summary>
public static class ConditionShapes
{
    public static readonly IReadOnlySet<string> Comparisons = new HashSet<string>(StringComparer.Ordinal)
    {
        "Equals", "GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo",
    };

    public static JsonObject NewComparison() => new() { ["Type"] = "Equals", ["LeftValue"] = "", ["RightValue"] = "" };

    public static string? TypeOf(JsonNode? condition) => condition is JsonObject obj ? JsonRead.String(obj, "Type") : null;

    public static JsonObject WithType(JsonObject condition, string type)
    {
        var oldType = TypeOf(condition);
        if (Comparisons.Contains(type) && oldType is not null && Comparisons.Contains(oldType))
        {
            var copy = (JsonObject)condition.DeepClone();
            copy["Type"] = type;
            return copy;
        }

        var left = condition["LeftValue"] ?? condition["QueryValue"];
        return type switch
        {
            "In" => new JsonObject { ["Type"] = "In", ["QueryValue"] = left?.DeepClone() ?? "", ["Values"] = new JsonArray() },
            "Not" => new JsonObject { ["Type"] = "Not", ["Condition"] = condition.DeepClone() },
            "Or" => new JsonObject { ["Type"] = "Or", ["Conditions"] = new JsonArray(condition.DeepClone()) },
            _ => new JsonObject { ["Type"] = type, ["LeftValue"] = left?.DeepClone() ?? "", ["RightValue"] = condition["RightValue"]?.DeepClone() ?? "" },
        };
    }
}
