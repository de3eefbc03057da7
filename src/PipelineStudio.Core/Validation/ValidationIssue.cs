namespace PipelineStudio.Core.Validation;

public enum IssueSeverity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// One finding about a definition. <see cref="Code"/> is stable (tests and tools match on it);
/// <see cref="Path"/> is a JSON path into the document (<c>$.Steps[2].DependsOn[0]</c>);
/// <see cref="Message"/> names the step or parameter concerned.
/// </summary>
public sealed record ValidationIssue(string Code, IssueSeverity Severity, string Path, string Message)
{
    /// <summary>The step the issue is about, when there is one; lets the UI pin it to a node.</summary>
    public string? StepName { get; init; }

    /// <summary>1-based line of a syntax error, when known.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column of a syntax error, when known.</summary>
    public int? Column { get; init; }

    public bool IsError => Severity == IssueSeverity.Error;

    public override string ToString() => $"{Code} {Severity.ToString().ToLowerInvariant()} at {Path}: {Message}";
}
