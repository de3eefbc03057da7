namespace PipelineStudio.Core.Expressions;

public enum ReferenceKind
{
    Parameter,
    Execution,
    Step,
    PipelineExperimentConfig,
    Unknown,
}

/// <summary>
/// One <c>{"Get": "..."}</c> found in a definition.
/// For <c>Steps.Train.ModelArtifacts.S3ModelArtifacts</c>: Kind Step, Target <c>Train</c>,
/// PropertyPath <c>ModelArtifacts.S3ModelArtifacts</c>.
/// </summary>
/// <param name="Kind">What the path's first segment names.</param>
/// <param name="Path">The <c>Get</c> string as written.</param>
/// <param name="Target">The parameter, execution variable, step or experiment field named.</param>
/// <param name="PropertyPath">For step references, what follows the step name (may be empty).</param>
/// <param name="JsonPath">Where the <c>Get</c> object sits in the document.</param>
public sealed record ExpressionReference(ReferenceKind Kind, string Path, string Target, string PropertyPath, string JsonPath)
{
    /// <summary>Whether this is <c>Steps.X.PropertyFiles.F</c>, legal only as JsonGet's PropertyFile.</summary>
    public bool IsPropertyFile => Kind == ReferenceKind.Step && PropertyPath.StartsWith("PropertyFiles.", StringComparison.Ordinal);

    public static ExpressionReference Parse(string path, string jsonPath)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot < 0 ? path : path[..dot];
        var rest = dot < 0 ? "" : path[(dot + 1)..];
        switch (prefix)
        {
            case "Parameters":
                return new(ReferenceKind.Parameter, path, rest, "", jsonPath);
            case "Execution":
                return new(ReferenceKind.Execution, path, rest, "", jsonPath);
            case "PipelineExperimentConfig":
                return new(ReferenceKind.PipelineExperimentConfig, path, rest, "", jsonPath);
            case "Steps":
                var end = rest.IndexOfAny(['.', '[']);
                var step = end < 0 ? rest : rest[..end];
                var property = end < 0 ? "" : rest[end] == '.' ? rest[(end + 1)..] : rest[end..];
                return new(ReferenceKind.Step, path, step, property, jsonPath);
            default:
                return new(ReferenceKind.Unknown, path, prefix, rest, jsonPath);
        }
    }
}

/// <summary>A function object such as <c>{"Std:Join": {...}}</c> found in a definition.</summary>
/// <param name="Name">The function name, e.g. <c>Std:Join</c>.</param>
/// <param name="Arguments">The function's argument node.</param>
/// <param name="JsonPath">Where the function object sits.</param>
public sealed record FunctionUse(string Name, System.Text.Json.Nodes.JsonNode? Arguments, string JsonPath);
