using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// Validates a definition and returns every issue at once. Never throws for any input text.
/// docs/validation.md lists every code with an example.
/// </summary>
public static class DefinitionValidator
{
    /// <summary>
    /// Past this size the text is not even parsed: it is already an error (PS004), and parsing and
    /// checking many megabytes would cost time for nothing. A definition just over the limit (the
    /// usual case, e.g. while trimming one down) still gets every other issue reported.
    /// </summary>
    public const int MaxParsedLength = 2 * DefinitionJson.MaxDefinitionLength;

    public static ValidationReport Validate(string text)
    {
        text ??= "";
        var issues = new List<ValidationIssue>();
        if (text.Length > DefinitionJson.MaxDefinitionLength)
        {
            issues.Add(new ValidationIssue(IssueCodes.DefinitionTooLarge, IssueSeverity.Error, "$",
                $"The definition is {text.Length:N0} characters long; SageMaker accepts at most {DefinitionJson.MaxDefinitionLength:N0}."));
            if (text.Length > MaxParsedLength)
            {
                return new ValidationReport(issues, null);
            }
        }

        var (definition, parseIssue) = PipelineDefinition.Parse(text);
        if (definition is null)
        {
            issues.Add(parseIssue!);
            return new ValidationReport(issues, null);
        }

        issues.AddRange(Validate(definition));
        return new ValidationReport(issues, definition);
    }

    /// <summary>
    /// Every rule over a parsed definition, document order of concerns: document, parameters, steps,
    /// references, conditions, run-time configuration, cycles.
    /// </summary>
    public static IReadOnlyList<ValidationIssue> Validate(PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = new ValidationContext(definition);
        DocumentRules.Check(context);
        ParameterRules.Check(context);
        StepRules.Check(context);
        RequiredFieldRules.Check(context);
        PropertyFileRules.Check(context);
        ReferenceRules.Check(context);
        FunctionRules.Check(context);
        ConditionRules.Check(context);
        RunConfigRules.Check(context);
        CycleRules.Check(context);
        return context.Issues;
    }
}
