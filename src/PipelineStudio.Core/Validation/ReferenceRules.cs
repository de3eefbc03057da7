using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// What steps point at: DependsOn (PS016, PS017, PS025) and every <c>Get</c> (PS017, PS019, PS020,
/// PS022, PS025, PS035, PS036, PS039). Works from the per-step scans, so each step is read once.
/// </summary>
internal static class ReferenceRules
{
    private static readonly HashSet<string> ExperimentFields = new(StringComparer.Ordinal) { "ExperimentName", "TrialName" };

    public static void Check(ValidationContext context)
    {
        var steps = context.Definition.AllSteps;
        for (var i = 0; i < steps.Count; i++)
        {
            CheckDependsOn(context, steps[i]);
            var scan = context.Scans[i];
            var propertyFileSlots = PropertyFileSlots(scan);
            foreach (var reference in scan.References)
            {
                CheckReference(context, steps[i], reference, propertyFileSlots);
            }
        }

        // PipelineExperimentConfig may use Execution variables; steps and property files make no sense there.
        if (context.Definition.PipelineExperimentConfig is JsonObject experiment)
        {
            foreach (var reference in ExpressionScanner.Scan(experiment, "$.PipelineExperimentConfig").References)
            {
                CheckReference(context, null, reference, new HashSet<string>());
            }
        }
    }

    private static void CheckDependsOn(ValidationContext context, StepDefinition step)
    {
        if (step.Json["DependsOn"] is not JsonArray dependsOn)
        {
            return;
        }

        for (var i = 0; i < dependsOn.Count; i++)
        {
            if (JsonRead.AsString(dependsOn[i]) is not { } name)
            {
                continue;
            }

            var path = $"{step.JsonPath}.DependsOn[{i}]";
            if (name == step.Name)
            {
                context.Error(IssueCodes.SelfDependency, path, $"{StepRules.Who(step)} depends on itself.", step);
            }
            else if (!context.StepsByName.TryGetValue(name, out var target))
            {
                context.Error(IssueCodes.DependsOnUnknownStep, path,
                    $"{StepRules.Who(step)} depends on '{ValidationContext.Shorten(name)}', which is not a step of this pipeline.", step);
            }
            else if (target.Type == StepTypes.Fail)
            {
                context.Error(IssueCodes.FailStepReferenced, path,
                    $"{StepRules.Who(step)} depends on Fail step '{name}'; a Fail step ends the execution, so nothing can depend on it.", step);
            }
        }
    }

    private static void CheckReference(ValidationContext context, StepDefinition? step, ExpressionReference reference, IReadOnlySet<string> propertyFileSlots)
    {
        var who = step is null ? "PipelineExperimentConfig" : StepRules.Who(step);
        var get = ValidationContext.Shorten(reference.Path);
        switch (reference.Kind)
        {
            case ReferenceKind.Parameter when reference.Target.Length == 0:
            case ReferenceKind.Execution when reference.Target.Length == 0:
            case ReferenceKind.Step when reference.Target.Length == 0:
                context.Error(IssueCodes.InvalidReference, reference.JsonPath, $"{who}: Get \"{get}\" names nothing after its prefix.", step);
                break;
            case ReferenceKind.Unknown:
                context.Error(IssueCodes.InvalidReference, reference.JsonPath,
                    $"{who}: Get \"{get}\" must start with Parameters., Execution., Steps. or PipelineExperimentConfig.", step);
                break;
            case ReferenceKind.Parameter when !context.ParameterNames.Contains(reference.Target):
                context.Error(IssueCodes.UndeclaredParameter, reference.JsonPath,
                    $"{who} uses parameter '{ValidationContext.Shorten(reference.Target)}', which is not declared in Parameters.", step);
                break;
            case ReferenceKind.Execution when !ExecutionVariables.IsKnown(reference.Target):
                context.Error(IssueCodes.UnknownExecutionVariable, reference.JsonPath,
                    $"{who} uses execution variable '{ValidationContext.Shorten(reference.Target)}'; known: {string.Join(", ", ExecutionVariables.All)}.", step);
                break;
            case ReferenceKind.PipelineExperimentConfig when !ExperimentFields.Contains(reference.Target):
                context.Error(IssueCodes.InvalidReference, reference.JsonPath,
                    $"{who}: Get \"{get}\" is not valid; use PipelineExperimentConfig.ExperimentName or PipelineExperimentConfig.TrialName.", step);
                break;
            case ReferenceKind.Step:
                CheckStepReference(context, step, who, reference, propertyFileSlots);
                break;
        }
    }

    private static void CheckStepReference(ValidationContext context, StepDefinition? step, string who, ExpressionReference reference, IReadOnlySet<string> propertyFileSlots)
    {
        var targetName = ValidationContext.Shorten(reference.Target);
        if (step is not null && reference.Target == step.Name)
        {
            context.Error(IssueCodes.SelfDependency, reference.JsonPath, $"{who} refers to its own properties (\"{ValidationContext.Shorten(reference.Path)}\").", step);
            return;
        }

        if (!context.StepsByName.TryGetValue(reference.Target, out var target))
        {
            context.Error(IssueCodes.ReferenceUnknownStep, reference.JsonPath,
                $"{who} refers to step '{targetName}', which is not a step of this pipeline.", step);
            return;
        }

        if (target.Type == StepTypes.Fail)
        {
            context.Error(IssueCodes.FailStepReferenced, reference.JsonPath,
                $"{who} refers to Fail step '{targetName}'; a Fail step has no properties and nothing can depend on it.", step);
            return;
        }

        if (reference.IsPropertyFile || reference.PropertyPath == "PropertyFiles")
        {
            CheckPropertyFileReference(context, step, who, reference, target, propertyFileSlots);
            return;
        }

        if (reference.PropertyPath.Length == 0 || PropertyPath.Parse(reference.PropertyPath) is null)
        {
            context.Error(IssueCodes.InvalidReference, reference.JsonPath,
                $"{who}: Get \"{ValidationContext.Shorten(reference.Path)}\" has no valid property path after the step name.", step);
            return;
        }

        if (target.IsKnownType && StepProperties.Check(target, reference.PropertyPath) is { } problem)
        {
            context.Error(IssueCodes.UnknownStepProperty, reference.JsonPath,
                $"{who} refers to '{ValidationContext.Shorten(reference.PropertyPath)}' of {target.Type} step '{targetName}': {problem}", step);
        }
    }

    private static void CheckPropertyFileReference(
        ValidationContext context, StepDefinition? step, string who, ExpressionReference reference, StepDefinition target, IReadOnlySet<string> propertyFileSlots)
    {
        var fileName = reference.PropertyPath.Length > "PropertyFiles.".Length ? reference.PropertyPath["PropertyFiles.".Length..] : "";
        if (!propertyFileSlots.Contains(reference.JsonPath))
        {
            context.Error(IssueCodes.UnknownPropertyFile, reference.JsonPath,
                $"{who} uses \"{ValidationContext.Shorten(reference.Path)}\" outside Std:JsonGet; a property file can only be read as the PropertyFile of Std:JsonGet.", step);
        }
        else if (!target.PropertyFiles.Any(f => f.Name == fileName))
        {
            var declared = target.PropertyFiles.Select(f => f.Name).OfType<string>().ToList();
            context.Error(IssueCodes.UnknownPropertyFile, reference.JsonPath,
                $"{who} reads property file '{ValidationContext.Shorten(fileName)}' of step '{target.Name}', which declares {(declared.Count == 0 ? "no property files" : "only " + string.Join(", ", declared))}.", step);
        }
    }

    /// <summary>The JSON paths where a PropertyFiles reference is legal: the PropertyFile operand of each Std:JsonGet.</summary>
    private static HashSet<string> PropertyFileSlots(ExpressionScan scan)
    {
        var slots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in scan.Functions)
        {
            if (function.Name == ExpressionScanner.JsonGet)
            {
                slots.Add(function.JsonPath + JsonRead.Member(function.Name) + ".PropertyFile");
            }
        }

        return slots;
    }
}
