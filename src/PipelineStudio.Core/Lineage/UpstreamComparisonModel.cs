namespace PipelineStudio.Core.Lineage;

/// <summary>How one upstream entity of two compared lineages relates across them.</summary>
public enum UpstreamChange
{
    /// <summary>Different content (or a different run) in the same role: same producing step and output, or same input of the same step.</summary>
    Differs,

    /// <summary>Only the first lineage has it.</summary>
    OnlyInA,

    /// <summary>Only the second lineage has it.</summary>
    OnlyInB,

    /// <summary>The same entity (the same content hash) upstream of both, or a step run with the same inputs.</summary>
    Same,
}

/// <summary>One side of a comparison: the entity compared, its upstream lineage, and the execution it came from.</summary>
/// <param name="ExecutionId">The execution whose step runs represent this side (see <see cref="UpstreamComparison.PrimaryExecutionOf"/>).</param>
/// <param name="Parameters">That execution's parameters, when known.</param>
public sealed record UpstreamSide(
    LineageEntity Root, LineageGraph Upstream, string? ExecutionId = null, IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>An upstream artifact matched across the two sides; a side is null when that side has nothing in this role.</summary>
/// <param name="Role">Where the artifact sits, e.g. "from GenerateCustomers" or "into PreprocessCustomers" (external inputs).</param>
public sealed record UpstreamArtifactMatch(string Type, string Role, UpstreamChange Change, LineageEntity? A, LineageEntity? B)
{
    public string Name => (A ?? B)!.Name;

    public bool IsCode => Type == LineageTypes.Code;
}

/// <summary>A step run matched by step name; <see cref="DifferingInputs"/> names the inputs that are not the same entity on both sides.</summary>
public sealed record UpstreamStepMatch(string StepName, UpstreamChange Change, LineageEntity? A, LineageEntity? B, IReadOnlyList<string> DifferingInputs);

/// <summary>An execution parameter of the two sides' executions; null where a side has no value.</summary>
public sealed record UpstreamParameter(string Name, string? A, string? B)
{
    public bool Differs => !string.Equals(A, B, StringComparison.Ordinal);
}
