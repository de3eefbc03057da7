using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Definitions;

/// <summary>Which branch of its Condition step a nested step sits in.</summary>
public enum ConditionBranch
{
    If,
    Else,
}

/// <summary>A property file of a Processing step: a JSON file inside one of its outputs.</summary>
public sealed record PropertyFile(string? Name, string? OutputName, string? FilePath);

/// <summary>A declared output of a Lambda or Callback step.</summary>
public sealed record OutputParameter(string? Name, string? OutputType);

/// <summary>A step's <c>CacheConfig</c>.</summary>
public sealed record CacheConfig(bool Enabled, string? ExpireAfter);

/// <summary>
/// A typed, read-only view of one step object. The step's JSON stays the source of truth
/// (<see cref="Json"/>); this view is rebuilt from it and never written back, which is what keeps
/// unknown fields lossless.
/// </summary>
public sealed class StepDefinition
{
    internal StepDefinition(JsonObject json, JsonElement? element, string jsonPath, StepDefinition? parent, ConditionBranch? branch, int depth)
    {
        Json = json;
        Element = element;
        JsonPath = jsonPath;
        Parent = parent;
        Branch = branch;
        Depth = depth;
        Name = JsonRead.String(json, "Name");
        Type = JsonRead.String(json, "Type");
        DisplayName = JsonRead.String(json, "DisplayName");
        Description = JsonRead.String(json, "Description");
        FunctionArn = json["FunctionArn"];
        SqsQueueUrl = json["SqsQueueUrl"];
        DependsOn = JsonRead.StringArray(json["DependsOn"]);
        CacheConfig = ReadCacheConfig(json["CacheConfig"] as JsonObject);
        PropertyFiles = JsonRead.Objects(json["PropertyFiles"])
            .Select(o => new PropertyFile(JsonRead.String(o, "PropertyFileName"), JsonRead.String(o, "OutputName"), JsonRead.String(o, "FilePath")))
            .ToList();
        OutputParameters = JsonRead.Objects(json["OutputParameters"])
            .Select(o => new OutputParameter(JsonRead.String(o, "OutputName"), JsonRead.String(o, "OutputType")))
            .ToList();
    }

    /// <summary>The step object exactly as read (and as it will be written).</summary>
    public JsonObject Json { get; }

    /// <summary>
    /// The parsed element behind <see cref="Json"/> when the definition was read from text; scanning it is much
    /// cheaper than scanning the node tree. Null for definitions built from a node tree (e.g. after an edit).
    /// </summary>
    internal JsonElement? Element { get; }

    /// <summary>Where the step sits, e.g. <c>$.Steps[3].Arguments.IfSteps[0]</c>.</summary>
    public string JsonPath { get; }

    /// <summary>The Condition step whose branch holds this step; null at top level.</summary>
    public StepDefinition? Parent { get; }

    public ConditionBranch? Branch { get; }

    /// <summary>Condition nesting depth: 0 at top level.</summary>
    public int Depth { get; }

    public string? Name { get; }
    public string? Type { get; }
    public string? DisplayName { get; }
    public string? Description { get; }
    public JsonNode? Arguments => Json["Arguments"];
    public IReadOnlyList<string> DependsOn { get; }
    public CacheConfig? CacheConfig { get; }
    public JsonArray? RetryPolicies => Json["RetryPolicies"] as JsonArray;
    public IReadOnlyList<PropertyFile> PropertyFiles { get; }
    public IReadOnlyList<OutputParameter> OutputParameters { get; }

    /// <summary>Lambda's function: a literal string or an expression.</summary>
    public JsonNode? FunctionArn { get; }

    /// <summary>Callback's queue: a literal string or an expression.</summary>
    public JsonNode? SqsQueueUrl { get; }

    public bool IsKnownType => StepTypes.IsKnown(Type);
    public bool IsCondition => Type == StepTypes.Condition;

    /// <summary>Steps of the If branch (Condition steps only), in order.</summary>
    public IReadOnlyList<StepDefinition> IfSteps { get; internal set; } = [];

    /// <summary>Steps of the Else branch (Condition steps only), in order.</summary>
    public IReadOnlyList<StepDefinition> ElseSteps { get; internal set; } = [];

    /// <summary>The Condition step's <c>Arguments.Conditions</c>, or null.</summary>
    public JsonArray? Conditions => (Arguments as JsonObject)?["Conditions"] as JsonArray;

    public string Label => DisplayName ?? Name ?? "(unnamed)";

    /// <summary>
    /// The step's own references and function uses (branch steps excluded), scanned once on first use: the
    /// validator, the graph and the UI all need them, and scanning dominates their cost on large definitions.
    /// </summary>
    public ExpressionScan Expressions => _expressions ??= ExpressionScanner.ScanStep(this);

    private ExpressionScan? _expressions;

    public override string ToString() => $"{Name} ({Type})";

    private static CacheConfig? ReadCacheConfig(JsonObject? cache) =>
        cache is null ? null : new CacheConfig(JsonRead.Bool(cache, "Enabled") ?? false, JsonRead.String(cache, "ExpireAfter"));
}
