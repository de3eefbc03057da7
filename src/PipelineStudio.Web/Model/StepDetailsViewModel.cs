using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model;

/// <summary>What the step details panel shows for one step; built once per selection.</summary>
public sealed class StepDetailsViewModel
{
    private StepDetailsViewModel(StepDefinition step, IReadOnlyList<ResolvedReference> references, IReadOnlyList<ValidationIssue> issues)
    {
        Step = step;
        References = references;
        Issues = issues;
        ArgumentsJson = step.Arguments is null ? null : DefinitionJson.Write(step.Arguments, indented: true);
    }

    public StepDefinition Step { get; }

    public string Name => Step.Name ?? "(unnamed)";

    public string Type => Step.Type ?? "(no type)";

    public StepTypeStyle Style => StepTypeIcons.For(Step.Type);

    /// <summary>What the catalog says about the type; null for types the studio does not know.</summary>
    public StepTypeDescriptor? Descriptor => StepTypeCatalog.Find(Step.Type);

    /// <summary>The step's Arguments as indented JSON; null when the step has none.</summary>
    public string? ArgumentsJson { get; }

    public IReadOnlyList<ResolvedReference> References { get; }

    /// <summary>Validation issues pinned to this step.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>"If branch of CheckAccuracy" for branch steps; null at top level.</summary>
    public string? BranchDescription => Step.Parent is { } parent && Step.Branch is { } branch
        ? $"{(branch == ConditionBranch.If ? "If" : "Else")} branch of {parent.Name}"
        : null;

    public static StepDetailsViewModel? Create(PipelineDefinition definition, string stepName, IReadOnlyList<ValidationIssue> issues)
    {
        var step = definition.FindStep(stepName);
        return step is null
            ? null
            : new StepDetailsViewModel(
                step,
                StepReferenceResolver.Resolve(definition, step),
                issues.Where(i => i.StepName == stepName).ToList());
    }
}
