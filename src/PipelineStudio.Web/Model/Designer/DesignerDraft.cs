using System.Text.Json;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;

namespace PipelineStudio.Web.Model.Designer;

/// <summary>
/// Unsaved designer work, kept in the browser's localStorage so an accidental reload loses nothing.
/// Browser storage rather than the server: a draft belongs to one person's tab, needs no schema, and
/// disappears with the browser profile instead of piling up in the studio's database.
/// </summary>
public sealed record DesignerDraft(string Json, Dictionary<string, double[]> Positions, int? BaseVersion, DateTimeOffset SavedAt)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The draft key of a pipeline; null for a new, unnamed pipeline.</summary>
    public static string StorageKey(string? pipelineName) => $"pipelinestudio.designer.draft.{pipelineName ?? ":new"}";

    /// <summary>Where a saved version's canvas layout is kept (the definition format has no place for it).</summary>
    public static string LayoutKey(string pipelineName, int version) => $"pipelinestudio.designer.layout.{pipelineName}.v{version}";

    public static DesignerDraft From(DesignerDocument document, int? baseVersion, DateTimeOffset now) =>
        new(document.ToJson(indented: false), PositionsOf(document.Positions), baseVersion, now);

    public IReadOnlyDictionary<string, NodePosition> NodePositions => ToPositions(Positions);

    public string Serialize() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a stored draft; null when absent or unreadable (an old format, hand-edited storage).</summary>
    public static DesignerDraft? TryRead(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DesignerDraft>(text, Options) is { Json.Length: > 0 } draft ? draft : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string SerializePositions(IReadOnlyDictionary<string, NodePosition> positions) =>
        JsonSerializer.Serialize(PositionsOf(positions), Options);

    public static IReadOnlyDictionary<string, NodePosition>? TryReadPositions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, double[]>>(text, Options) is { } raw ? ToPositions(raw) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, double[]> PositionsOf(IReadOnlyDictionary<string, NodePosition> positions) =>
        positions.ToDictionary(p => p.Key, p => new[] { Math.Round(p.Value.X, 1), Math.Round(p.Value.Y, 1) }, StringComparer.Ordinal);

    private static Dictionary<string, NodePosition> ToPositions(Dictionary<string, double[]> raw) =>
        raw.Where(p => p.Value is { Length: 2 })
            .ToDictionary(p => p.Key, p => new NodePosition(p.Value[0], p.Value[1]), StringComparer.Ordinal);
}
