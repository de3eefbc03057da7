using System.Text.Json;
using System.Text.Json.Serialization;

namespace PipelineStudio.Core.Sweeps;

/// <summary>The stored form of a <see cref="SweepSpec"/>: camelCase JSON with the mode as a name.</summary>
public static class SweepSpecJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(SweepSpec spec) => JsonSerializer.Serialize(spec, Options);

    /// <summary>The spec, or null when the text is not one (a damaged row shows without its spec rather than failing).</summary>
    public static SweepSpec? TryDeserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SweepSpec>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
