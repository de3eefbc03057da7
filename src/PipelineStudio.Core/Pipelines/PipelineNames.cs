using System.Text.RegularExpressions;

namespace PipelineStudio.Core.Pipelines;

/// <summary>SageMaker's name rules for pipelines, steps and parameters (reference §1, §2, §7).</summary>
public static partial class PipelineNames
{
    /// <summary>Pipeline names: letters, digits and single-or-more hyphens between them; no underscore; at most 256.</summary>
    public static bool IsValidPipelineName(string? name) => name is not null && PipelineNameRegex().IsMatch(name);

    /// <summary>Step and parameter names: <c>^[A-Za-z0-9\-_]{1,64}$</c>.</summary>
    public static bool IsValidStepName(string? name) => name is not null && EntityNameRegex().IsMatch(name);

    public static bool IsValidParameterName(string? name) => IsValidStepName(name);

    public const string PipelineNameRule = "letters, digits and hyphens, starting and ending with a letter or digit, at most 256 characters";
    public const string EntityNameRule = "1 to 64 letters, digits, hyphens or underscores";

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$")]
    private static partial Regex PipelineNameRegex();

    [GeneratedRegex("^[A-Za-z0-9\\-_]{1,64}$")]
    private static partial Regex EntityNameRegex();
}
