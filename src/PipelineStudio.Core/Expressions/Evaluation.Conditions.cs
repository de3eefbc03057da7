using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// Condition objects with SageMaker's semantics: Equals is JSON equality with numbers compared by
/// value; the ordering comparisons need two numbers or two strings (compared ordinally); In tests
/// membership with Equals' rule.
/// </summary>
internal sealed partial class Evaluation
{
    public async ValueTask<bool> ConditionAsync(JsonNode? node, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ExpressionException(path, $"Conditions are nested more than {MaxDepth} levels deep.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (node is not JsonObject condition || JsonRead.String(condition, "Type") is not { } type)
        {
            throw new ExpressionException(path, "A condition must be an object with a 'Type' (Equals, GreaterThan, In, Not, Or, ...).");
        }

        switch (type)
        {
            case "Equals":
                var (left, right) = await OperandsAsync(condition, path, depth).ConfigureAwait(false);
                return ValueText.AreEqual(left, right);
            case "GreaterThan":
                return await CompareAsync(condition, type, path, depth).ConfigureAwait(false) > 0;
            case "GreaterThanOrEqualTo":
                return await CompareAsync(condition, type, path, depth).ConfigureAwait(false) >= 0;
            case "LessThan":
                return await CompareAsync(condition, type, path, depth).ConfigureAwait(false) < 0;
            case "LessThanOrEqualTo":
                return await CompareAsync(condition, type, path, depth).ConfigureAwait(false) <= 0;
            case "In":
                return await InAsync(condition, path, depth).ConfigureAwait(false);
            case "Not":
                return !await ConditionAsync(condition["Condition"], path + ".Condition", depth + 1).ConfigureAwait(false);
            case "Or":
                if (condition["Conditions"] is not JsonArray alternatives)
                {
                    throw new ExpressionException(path, "An Or condition needs 'Conditions', a list of conditions.");
                }

                for (var i = 0; i < alternatives.Count; i++)
                {
                    if (await ConditionAsync(alternatives[i], $"{path}.Conditions[{i}]", depth + 1).ConfigureAwait(false))
                    {
                        return true;
                    }
                }

                return false;
            default:
                throw new ExpressionException(path + ".Type",
                    $"Condition type '{type}' is not one SageMaker runs (Equals, GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, In, Not, Or).");
        }
    }

    private async ValueTask<(JsonNode? Left, JsonNode? Right)> OperandsAsync(JsonObject condition, string path, int depth)
    {
        if (!condition.ContainsKey("LeftValue") || !condition.ContainsKey("RightValue"))
        {
            throw new ExpressionException(path, $"A {JsonRead.String(condition, "Type")} condition needs 'LeftValue' and 'RightValue'.");
        }

        var left = await EvaluateAsync(condition["LeftValue"], path + ".LeftValue", depth + 1).ConfigureAwait(false);
        var right = await EvaluateAsync(condition["RightValue"], path + ".RightValue", depth + 1).ConfigureAwait(false);
        return (left, right);
    }

    private async ValueTask<int> CompareAsync(JsonObject condition, string type, string path, int depth)
    {
        var (left, right) = await OperandsAsync(condition, path, depth).ConfigureAwait(false);
        if (JsonNumber.TryRead(left, out var x) && JsonNumber.TryRead(right, out var y))
        {
            return x.CompareTo(y);
        }

        if (JsonRead.AsString(left) is { } a && JsonRead.AsString(right) is { } b)
        {
            return string.CompareOrdinal(a, b);
        }

        throw new ExpressionException(path,
            $"{type} compares two numbers or two strings; LeftValue is {ValueText.Describe(left)} and RightValue is {ValueText.Describe(right)}.");
    }

    // SageMaker's SDK writes {QueryValue, Values}; the service's schema spells it {Value, In}. Both are read.
    private async ValueTask<bool> InAsync(JsonObject condition, string path, int depth)
    {
        var (valueKey, listKey) = condition.ContainsKey("QueryValue") || condition.ContainsKey("Values")
            ? ("QueryValue", "Values")
            : ("Value", "In");
        if (!condition.ContainsKey(valueKey) || !condition.ContainsKey(listKey))
        {
            throw new ExpressionException(path, "An In condition needs 'QueryValue' and 'Values' (or 'Value' and 'In').");
        }

        var value = await EvaluateAsync(condition[valueKey], $"{path}.{valueKey}", depth + 1).ConfigureAwait(false);
        var candidates = await ListAsync(condition[listKey], $"In's '{listKey}'", $"{path}.{listKey}", depth).ConfigureAwait(false);
        return candidates.Any(candidate => ValueText.AreEqual(value, candidate));
    }
}
