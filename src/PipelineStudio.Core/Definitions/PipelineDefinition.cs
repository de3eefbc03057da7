using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Definitions;

/// <summary>
/// A SageMaker pipeline definition (Version 2020-12-01): the JSON document, kept whole, plus typed
/// views of its parameters and steps. Nothing here rewrites the document, so anything the studio
/// does not model (unknown step types, fields SageMaker adds later) survives import and export.
/// </summary>
public sealed class PipelineDefinition
{
    public const string CurrentVersion = "2020-12-01";

    private readonly Dictionary<string, StepDefinition> _stepsByName;

    private PipelineDefinition(JsonObject json, JsonElement? root)
    {
        Json = json;
        Version = JsonRead.String(json, "Version");
        Parameters = ReadParameters(json["Parameters"]);
        var all = new List<StepDefinition>();
        var stepsElement = root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("Steps", out var s) ? s : (JsonElement?)null;
        Steps = StepTreeReader.Read(json["Steps"] as JsonArray, stepsElement, "$.Steps", all);
        AllSteps = all;
        _stepsByName = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        foreach (var step in all)
        {
            if (step.Name is not null)
            {
                _stepsByName.TryAdd(step.Name, step);
            }
        }
    }

    /// <summary>The whole document, exactly as read.</summary>
    public JsonObject Json { get; }

    public string? Version { get; }

    public IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>Top-level steps in document order.</summary>
    public IReadOnlyList<StepDefinition> Steps { get; }

    /// <summary>Every step, branch steps included, depth first in document order.</summary>
    public IReadOnlyList<StepDefinition> AllSteps { get; }

    /// <summary>The <c>PipelineExperimentConfig</c> node; null when absent or literally <c>null</c>.</summary>
    public JsonNode? PipelineExperimentConfig => Json["PipelineExperimentConfig"];

    public IReadOnlyDictionary<string, string?> Metadata =>
        Json["Metadata"] is JsonObject m ? m.ToDictionary(p => p.Key, p => JsonRead.AsString(p.Value)) : new Dictionary<string, string?>();

    /// <summary>The first step with this name (duplicates are a validation error).</summary>
    public StepDefinition? FindStep(string name) => _stepsByName.GetValueOrDefault(name);

    public ParameterDefinition? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>Builds the typed view over a document. Never throws for a well-formed JSON object.</summary>
    public static PipelineDefinition FromJson(JsonObject json) => new(json, null);

    /// <summary>
    /// Parses and builds the typed view in one go, keeping the parsed document so that later scans read it
    /// in place. Returns the parse problem instead when the text is not a JSON object.
    /// </summary>
    public static (PipelineDefinition? Definition, Validation.ValidationIssue? Issue) Parse(string text)
    {
        var (root, issue) = DefinitionJson.ParseElement(text);
        return root is { } element ? (new PipelineDefinition(JsonObject.Create(element)!, element), null) : (null, issue);
    }

    /// <summary>The document as indented JSON, unchanged apart from whitespace.</summary>
    public string ToJson(bool indented = true) => DefinitionJson.Write(Json, indented);

    private static List<ParameterDefinition> ReadParameters(JsonNode? node)
    {
        var result = new List<ParameterDefinition>();
        if (node is not JsonArray array)
        {
            return result;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject p)
            {
                continue;
            }

            var typeName = p.ContainsKey("Type") ? JsonRead.String(p, "Type") ?? "" : null;
            var enumValues = p["EnumValues"] is JsonArray e ? e.ToList() : null;
            result.Add(new ParameterDefinition(
                JsonRead.String(p, "Name"), typeName, ParameterDefinition.ParseType(typeName), p["DefaultValue"], enumValues, $"$.Parameters[{i}]"));
        }

        return result;
    }
}
