using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Components.Designer.Fields;

/// <summary>
/// What every field editor of one step's panel shares, cascaded from <see cref="StepPropertyPanel"/>: the
/// definition and step (for the expression picker) and the issues pinned to each field path.
/// </summary>
public sealed class FieldContext(PipelineDefinition definition, string stepName, IReadOnlyDictionary<string, IReadOnlyList<ValidationIssue>> issuesByField)
{
    public PipelineDefinition Definition { get; } = definition;

    public string StepName { get; } = stepName;

    public IReadOnlyList<ValidationIssue> IssuesOf(string fieldPath) =>
        issuesByField.TryGetValue(fieldPath, out var issues) ? issues : [];
}
