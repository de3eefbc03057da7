using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// The Conditions of Condition steps, nested Not/Or included: known types (PS023) and the operands
/// each type needs (PS024). Walks with an explicit stack, so nesting depth costs no call stack.
/// </summary>
internal static class ConditionRules
{
    private const string In = "In";
    private const string Not = "Not";
    private const string Or = "Or";

    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal)
    {
        "Equals", "GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo",
    };

    private const string KnownTypes = "Equals, GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, In, Not, Or";

    public static void Check(ValidationContext context)
    {
        foreach (var step in context.Definition.AllSteps)
        {
            if (!step.IsCondition || step.Arguments is not JsonObject args || !args.ContainsKey("Conditions"))
            {
                continue;
            }

            var path = step.JsonPath + ".Arguments";
            if (!context.ExpectKind(args, "Conditions", path, JsonKind.Array, StepRules.Who(step), step))
            {
                continue;
            }

            var conditions = (JsonArray)args["Conditions"]!;
            if (conditions.Count == 0)
            {
                context.Error(IssueCodes.MalformedCondition, path + ".Conditions",
                    $"{StepRules.Who(step)} has an empty Conditions list; give at least one condition.", step);
            }

            CheckTree(context, step, conditions, path + ".Conditions");
        }
    }

    private static void CheckTree(ValidationContext context, StepDefinition step, JsonArray conditions, string path)
    {
        var stack = new Stack<(JsonNode? Node, string Path)>();
        PushAll(stack, conditions, path);
        while (stack.Count > 0)
        {
            var (node, nodePath) = stack.Pop();
            if (node is not JsonObject condition)
            {
                Malformed(context, step, nodePath, $"a condition must be an object, not {JsonKinds.Describe(node)}");
                continue;
            }

            var type = JsonRead.String(condition, "Type");
            if (type is null)
            {
                Malformed(context, step, nodePath, "the condition has no 'Type' string");
            }
            else if (Comparisons.Contains(type))
            {
                RequireOperands(context, step, condition, nodePath, type, "LeftValue", "RightValue");
            }
            else if (type == In)
            {
                CheckIn(context, step, condition, nodePath);
            }
            else if (type == Not)
            {
                if (condition.ContainsKey("Condition"))
                {
                    stack.Push((condition["Condition"], nodePath + ".Condition"));
                }
                else
                {
                    Malformed(context, step, nodePath, "a Not condition needs 'Condition', the condition it negates");
                }
            }
            else if (type == Or)
            {
                if (condition["Conditions"] is JsonArray { Count: > 0 } alternatives)
                {
                    PushAll(stack, alternatives, nodePath + ".Conditions");
                }
                else
                {
                    Malformed(context, step, nodePath, "an Or condition needs a non-empty 'Conditions' array");
                }
            }
            else
            {
                context.Error(IssueCodes.UnknownConditionType, nodePath + ".Type",
                    $"{StepRules.Who(step)} uses condition type '{ValidationContext.Shorten(type)}'; known: {KnownTypes}.", step);
            }
        }
    }

    /// <summary>In comes in two shapes: the SDK's {QueryValue, Values} and the schema's {Value, In}.</summary>
    private static void CheckIn(ValidationContext context, StepDefinition step, JsonObject condition, string path)
    {
        var sdkShape = condition.ContainsKey("QueryValue") || condition.ContainsKey("Values");
        var (valueKey, listKey) = sdkShape ? ("QueryValue", "Values") : ("Value", "In");
        RequireOperands(context, step, condition, path, In, valueKey, listKey);
        if (condition.ContainsKey(listKey) && condition[listKey] is not JsonArray)
        {
            Malformed(context, step, path + "." + listKey, $"In's '{listKey}' must be an array of candidate values");
        }
    }

    private static void RequireOperands(ValidationContext context, StepDefinition step, JsonObject condition, string path, string type, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!condition.ContainsKey(key))
            {
                Malformed(context, step, path, $"a {type} condition needs '{key}'");
            }
        }
    }

    private static void PushAll(Stack<(JsonNode?, string)> stack, JsonArray items, string path)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            stack.Push((items[i], $"{path}[{i}]"));
        }
    }

    private static void Malformed(ValidationContext context, StepDefinition step, string path, string problem) =>
        context.Error(IssueCodes.MalformedCondition, path, $"{StepRules.Who(step)}: {problem}.", step);
}
