using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Api.Contracts;

/// <summary>One validation issue. <c>severity</c> is <c>error</c>, <c>warning</c> or <c>info</c>; line and column only for syntax errors.</summary>
public sealed record IssueResponse(string Code, string Severity, string Path, string Message, string? StepName, int? Line, int? Column)
{
    public static IssueResponse From(ValidationIssue issue) =>
        new(issue.Code, issue.Severity.ToString().ToLowerInvariant(), issue.Path, issue.Message, issue.StepName, issue.Line, issue.Column);

    public static IReadOnlyList<IssueResponse> From(IEnumerable<ValidationIssue> issues) => [.. issues.Select(From)];
}
