using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.TestSupport;

/// <summary>
/// JSON equality for round-trip tests: object key order is ignored, array order is not, numbers
/// compare by value (<c>6</c> equals <c>6.0</c> and <c>6e0</c>). <see cref="JsonNode.DeepEquals"/>
/// behaves the same way on parsed documents; this helper exists to say where two documents differ.
/// </summary>
public static class JsonEquality
{
    public static bool DeepEquals(JsonNode? left, JsonNode? right) => FirstDifference(left, right) is null;

    /// <summary>The JSON path of the first difference and what differs there, or null when equal.</summary>
    public static string? FirstDifference(JsonNode? left, JsonNode? right) => Compare(left, right, "$");

    private static string? Compare(JsonNode? left, JsonNode? right, string path)
    {
        var leftKind = KindOf(left);
        var rightKind = KindOf(right);
        if (leftKind != rightKind)
        {
            return $"{path}: {leftKind} vs {rightKind}";
        }

        return (left, right) switch
        {
            (JsonObject a, JsonObject b) => CompareObjects(a, b, path),
            (JsonArray a, JsonArray b) => CompareArrays(a, b, path),
            (null, null) => null,
            _ => CompareValues(left!, right!, leftKind, path),
        };
    }

    private static string? CompareObjects(JsonObject left, JsonObject right, string path)
    {
        foreach (var (key, value) in left)
        {
            if (!right.TryGetPropertyValue(key, out var other))
            {
                return $"{path}.{key}: missing on the right";
            }

            if (Compare(value, other, $"{path}.{key}") is { } difference)
            {
                return difference;
            }
        }

        var extra = right.Select(p => p.Key).FirstOrDefault(k => !left.ContainsKey(k));
        return extra is null ? null : $"{path}.{extra}: missing on the left";
    }

    private static string? CompareArrays(JsonArray left, JsonArray right, string path)
    {
        if (left.Count != right.Count)
        {
            return $"{path}: {left.Count} items vs {right.Count}";
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (Compare(left[i], right[i], $"{path}[{i}]") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareValues(JsonNode left, JsonNode right, JsonValueKind kind, string path)
    {
        var equal = kind switch
        {
            JsonValueKind.String => left.GetValue<string>() == right.GetValue<string>(),
            JsonValueKind.Number => NumbersEqual(left.ToJsonString(), right.ToJsonString()),
            _ => true, // true, false: the kinds already matched
        };
        return equal ? null : $"{path}: {left.ToJsonString()} vs {right.ToJsonString()}";
    }

    // decimal keeps 0.1 and 0.10 equal without binary rounding; double covers what decimal cannot hold.
    private static bool NumbersEqual(string left, string right) =>
        decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a == b
            : double.Parse(left, CultureInfo.InvariantCulture) == double.Parse(right, CultureInfo.InvariantCulture);

    private static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();
}
