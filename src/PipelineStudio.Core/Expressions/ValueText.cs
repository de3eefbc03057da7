using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// How values become text (Std:Join, PipelineStudio:ToString, PipelineStudio:Format) and how they
/// compare (Equals, In). Text follows the SageMaker SDK's local mode, which applies Python's
/// <c>str()</c>: strings as they are, integers as digits, floats as Python writes them (<c>2.0</c>),
/// booleans as <c>True</c>/<c>False</c>, null as <c>None</c>. How the SageMaker service itself
/// writes booleans is not documented, so local mode is the reference we can check.
/// </summary>
internal static class ValueText
{
    /// <summary>The text of a scalar; null for arrays and objects, which have no agreed text.</summary>
    public static string? ToText(JsonNode? node)
    {
        if (node is null)
        {
            return "None";
        }

        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Number when IsBigInteger(value, out var digits) => digits,
            JsonValueKind.Number when JsonNumber.TryRead(value, out var number) => number.ToString(),
            _ => null,
        };
    }

    // Python's json module reads any integer literal as an int, however large; keep its digits.
    private static bool IsBigInteger(JsonValue value, out string digits)
    {
        digits = value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : "";
        return digits.Length > 18 && digits.IndexOfAny(['.', 'e', 'E']) < 0 && !element.TryGetInt64(out _);
    }

    /// <summary>"a string ('abc')", "a number (0.5)", ... for error messages.</summary>
    public static string Describe(JsonNode? node)
    {
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        var text = node?.ToJsonString() ?? "null";
        if (text.Length > 60)
        {
            text = text[..57] + "...";
        }

        return kind switch
        {
            JsonValueKind.String => $"a string ({text})",
            JsonValueKind.Number => $"a number ({text})",
            JsonValueKind.True or JsonValueKind.False => $"a boolean ({text})",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "null",
        };
    }

    /// <summary>
    /// JSON equality, except that numbers compare by value across integer and float (<c>1 == 1.0</c>).
    /// Values of different kinds are never equal (<c>"1" != 1</c>, <c>true != "true"</c>).
    /// </summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        switch (left, right)
        {
            case (JsonArray a, JsonArray b):
                return a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second));
            case (JsonObject a, JsonObject b):
                return a.Count == b.Count && a.All(p => b.TryGetPropertyValue(p.Key, out var other) && AreEqual(p.Value, other));
            case (JsonValue a, JsonValue b):
                if (JsonNumber.TryRead(a, out var x) && JsonNumber.TryRead(b, out var y))
                {
                    return x.CompareTo(y) == 0;
                }

                var kind = a.GetValueKind();
                return kind == b.GetValueKind()
                    && (kind != JsonValueKind.String || string.Equals(a.GetValue<string>(), b.GetValue<string>(), StringComparison.Ordinal));
            default:
                return false;
        }
    }
}
