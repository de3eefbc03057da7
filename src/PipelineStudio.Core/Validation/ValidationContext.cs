using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// What every rule shares during one validation: the definition, lookups built once (so no rule
/// needs a nested loop over steps), each step's expressions scanned once, and the issue list.
/// </summary>
internal sealed class ValidationContext
{
    private readonly List<ValidationIssue> _issues = [];

    public ValidationContext(PipelineDefinition definition)
    {
        Definition = definition;
        StepsByName = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        foreach (var step in definition.AllSteps)
        {
            if (step.Name is not null)
            {
                StepsByName.TryAdd(step.Name, step);
            }
        }

        ParameterNames = new HashSet<string>(definition.Parameters.Select(p => p.Name).OfType<string>(), StringComparer.Ordinal);
        Scans = definition.AllSteps.Select(s => s.Expressions).ToList();
    }

    public PipelineDefinition Definition { get; }

    /// <summary>The first step of each name (later duplicates are reported, not indexed).</summary>
    public Dictionary<string, StepDefinition> StepsByName { get; }

    public HashSet<string> ParameterNames { get; }

    /// <summary>The expressions of <c>Definition.AllSteps[i]</c>, at index i.</summary>
    public IReadOnlyList<ExpressionScan> Scans { get; }

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public void Error(string code, string path, string message, StepDefinition? step = null) =>
        Add(code, IssueSeverity.Error, path, message, step);

    public void Warning(string code, string path, string message, StepDefinition? step = null) =>
        Add(code, IssueSeverity.Warning, path, message, step);

    /// <summary>Reports PS006 when a field is present but of the wrong JSON kind; true when it is fine or absent.</summary>
    public bool ExpectKind(JsonObject owner, string key, string ownerPath, JsonKind expected, string who, StepDefinition? step = null)
    {
        if (!owner.TryGetPropertyValue(key, out var value) || JsonKinds.Matches(value, expected))
        {
            return true;
        }

        Error(IssueCodes.WrongFieldType, ownerPath + JsonRead.Member(key),
            $"{who}: '{key}' must be {JsonKinds.Describe(expected)}, not {JsonKinds.Describe(value)}.", step);
        return false;
    }

    /// <summary>Keeps messages readable when a hostile document uses enormous names.</summary>
    public static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private void Add(string code, IssueSeverity severity, string path, string message, StepDefinition? step) =>
        _issues.Add(new ValidationIssue(code, severity, path, message) { StepName = step?.Name });
}
