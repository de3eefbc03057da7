using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// Everything an expression may read, as values and delegates, so the evaluator stays pure and the
/// engine decides where properties and files come from. A record, so a step's context is the
/// execution's context <c>with { ExecutionVariables = ... }</c>.
/// </summary>
public sealed record EvaluationContext
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoParameters = new Dictionary<string, JsonNode?>();
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    /// <summary>Typed parameter values, as <see cref="ParameterBinding.Values"/> gives them.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; init; } = NoParameters;

    /// <summary>Execution variables by name (see <see cref="Expressions.ExecutionVariables.Create"/>); CurrentDateTime comes from <see cref="Time"/>.</summary>
    public IReadOnlyDictionary<string, string> ExecutionVariables { get; init; } = NoVariables;

    /// <summary>The clock for <c>Execution.CurrentDateTime</c>, read at evaluation time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A step's properties (Describe*-shaped JSON) by step name; null when the step has none (yet).</summary>
    public Func<string, JsonNode?> StepProperties { get; init; } = static _ => null;

    /// <summary>Reads property file (step, file name) as JSON; null when it does not exist.</summary>
    public Func<string, string, ValueTask<JsonNode?>> ReadPropertyFile { get; init; } = static (_, _) => ValueTask.FromResult<JsonNode?>(null);

    /// <summary>Reads the text stored at an s3:// URI; null when nothing is there.</summary>
    public Func<string, ValueTask<string?>> ReadText { get; init; } = static _ => ValueTask.FromResult<string?>(null);

    /// <summary>
    /// The definition's <c>PipelineExperimentConfig</c> node as written (its fields may themselves be
    /// expressions, usually Execution variables); null when the pipeline has none.
    /// </summary>
    public JsonNode? PipelineExperimentConfig { get; init; }
}
