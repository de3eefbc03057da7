using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Web.Model;

/// <summary>Stored JSON text (step properties, metadata) indented for reading.</summary>
public static class PrettyJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The text indented; null for empty text; the text unchanged when it is not JSON (it is still worth showing).</summary>
    public static string? Format(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Indented) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
