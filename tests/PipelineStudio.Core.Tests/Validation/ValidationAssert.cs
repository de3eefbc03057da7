using PipelineStudio.Core.Validation;

namespace PipelineStudio.Core.Tests.Validation;

/// <summary>Builds small definitions around a steps array and asserts on issue codes and paths.</summary>
internal static class ValidationAssert
{
    /// <summary>A valid definition shell around <paramref name="steps"/> (a JSON array) and optional parameters.</summary>
    public static string Definition(string steps, string parameters = "[]") =>
        $$$"""{"Version":"2020-12-01","Metadata":{},"Parameters":{{{parameters}}},"PipelineExperimentConfig":null,"Steps":{{{steps}}}}""";

    public static ValidationReport Validate(string json) => DefinitionValidator.Validate(json);

    public static ValidationIssue HasIssue(string json, string code, string? path = null) => HasIssue(Validate(json), code, path);

    public static ValidationIssue HasIssue(ValidationReport report, string code, string? path = null)
    {
        var matches = report.Issues.Where(i => i.Code == code).ToList();
        Assert.True(matches.Count > 0, $"Expected {code}; got: {Describe(report)}");
        if (path is null)
        {
            return matches[0];
        }

        var atPath = matches.FirstOrDefault(i => i.Path == path);
        Assert.True(atPath is not null, $"Expected {code} at {path}; got: {Describe(report)}");
        return atPath!;
    }

    public static void NoIssue(string json, string code)
    {
        var report = Validate(json);
        Assert.True(report.Definition is not null, $"The passing case must parse; got: {Describe(report)}");
        Assert.False(report.Issues.Any(i => i.Code == code), $"Expected no {code}; got: {Describe(report)}");
    }

    public static void NoErrors(string json)
    {
        var report = Validate(json);
        Assert.True(report.Definition is not null && !report.HasErrors, $"Expected no errors; got: {Describe(report)}");
    }

    public static string Describe(ValidationReport report) =>
        report.Issues.Count == 0 ? "(no issues)" : string.Join(Environment.NewLine, report.Issues);
}
