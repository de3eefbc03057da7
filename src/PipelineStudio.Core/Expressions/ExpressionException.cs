namespace PipelineStudio.Core.Expressions;

/// <summary>
/// An expression that cannot be evaluated: a missing parameter or property, a malformed function,
/// a comparison of values that cannot be compared. The message names the problem and where the
/// expression sits (<see cref="JsonPath"/>), so a step can fail with it as its reason.
/// </summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string jsonPath, string problem)
        : base(string.IsNullOrEmpty(jsonPath) ? problem : $"{problem} (at {jsonPath})")
    {
        JsonPath = jsonPath;
        Problem = problem;
    }

    public ExpressionException(string jsonPath, string problem, Exception innerException)
        : base(string.IsNullOrEmpty(jsonPath) ? problem : $"{problem} (at {jsonPath})", innerException)
    {
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>Where the failing expression sits, e.g. <c>$.Steps[2].Arguments.Conditions[0].LeftValue</c>; may be empty.</summary>
    public string JsonPath { get; }

    /// <summary>The problem alone, without the location.</summary>
    public string Problem { get; }
}
