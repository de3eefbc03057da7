using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Web.Model.Registry;

/// <summary>One container of an InferenceSpecification: what a reviewer checks before approving.</summary>
public sealed record InferenceContainer(string? Image, string? ModelDataUrl);

/// <summary>The containers of a package's InferenceSpecification; none when it is absent or not JSON.</summary>
public static class InferenceSpecificationView
{
    public static IReadOnlyList<InferenceContainer> Containers(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json)?["Containers"] is JsonArray containers
                ? [.. containers.OfType<JsonObject>().Select(c => new InferenceContainer(Text(c["Image"]), Text(c["ModelDataUrl"])))]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // A value the engine left unresolved is an object; show it as JSON rather than hide it.
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
