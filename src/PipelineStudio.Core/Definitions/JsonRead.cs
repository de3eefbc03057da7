using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Definitions;

/// <summary>
/// Tolerant readers over JSON nodes: a value of the wrong kind reads as absent instead of throwing,
/// because the typed views must be buildable from any document and validation reports the rest.
/// </summary>
public static class JsonRead
{
    public static string? String(JsonObject obj, string key) => AsString(obj[key]);

    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool? Bool(JsonObject obj, string key) => obj[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        ? v.GetValue<bool>()
        : null;

    public static IReadOnlyList<string> StringArray(JsonNode? node) =>
        node is JsonArray array ? array.Select(AsString).OfType<string>().ToList() : [];

    public static IEnumerable<JsonObject> Objects(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>A JSON path segment for an object key: <c>.Key</c>, or <c>['key']</c> when it is not a plain identifier.</summary>
    public static string Member(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "." + key : "['" + key.Replace("'", "\\'", StringComparison.Ordinal) + "']";
}
