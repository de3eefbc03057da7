using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Validation;

/// <summary>The JSON kinds a field may be required to have; flags so "string or expression" is one value.</summary>
[Flags]
internal enum JsonKind
{
    String = 1,
    Object = 2,
    Array = 4,
    Boolean = 8,
    Number = 16,
    Null = 32,
}

internal static class JsonKinds
{
    private static readonly (JsonKind Flag, string Name)[] Names =
    [
        (JsonKind.String, "a string"), (JsonKind.Object, "an object"), (JsonKind.Array, "an array"),
        (JsonKind.Boolean, "a boolean"), (JsonKind.Number, "a number"), (JsonKind.Null, "null"),
    ];

    public static JsonKind Of(JsonNode? node) => node switch
    {
        null => JsonKind.Null,
        JsonObject => JsonKind.Object,
        JsonArray => JsonKind.Array,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => JsonKind.String,
            JsonValueKind.True or JsonValueKind.False => JsonKind.Boolean,
            JsonValueKind.Number => JsonKind.Number,
            _ => JsonKind.Null,
        },
    };

    public static bool Matches(JsonNode? node, JsonKind expected) => (Of(node) & expected) != 0;

    /// <summary>A JSON number written without fraction or exponent, e.g. <c>3</c> but not <c>3.0</c>.</summary>
    public static bool IsInteger(JsonNode? node)
    {
        if (Of(node) != JsonKind.Number)
        {
            return false;
        }

        var text = node!.ToJsonString();
        return text.IndexOfAny(['.', 'e', 'E']) < 0;
    }

    /// <summary>The numeric value of a JSON number, or null.</summary>
    public static double? Number(JsonNode? node) =>
        Of(node) == JsonKind.Number && double.TryParse(node!.ToJsonString(), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Describe(JsonNode? node) => Describe(Of(node));

    /// <summary>
    /// A short rendering of a value for messages. Objects and arrays are only named: writing a deeply
    /// nested one could exceed the serializer's depth limit, and they are never what a user meant.
    /// </summary>
    public static string Preview(JsonNode? node) => Of(node) switch
    {
        JsonKind.Object or JsonKind.Array => Describe(node),
        JsonKind.Null => "null",
        _ => ValidationContext.Shorten(node!.ToJsonString()),
    };

    public static string Describe(JsonKind kind)
    {
        var names = new List<string>();
        foreach (var (flag, name) in Names)
        {
            if ((kind & flag) != 0)
            {
                names.Add(name);
            }
        }

        return string.Join(" or ", names);
    }
}
