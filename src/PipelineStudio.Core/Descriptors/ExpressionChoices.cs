using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Graph;

namespace PipelineStudio.Core.Descriptors;

/// <summary>Where an expression choice reads from.</summary>
public enum ExpressionSource
{
    Parameter,
    ExecutionVariable,
    StepProperty,

    /// <summary>A property file of an upstream Processing step; only usable inside Std:JsonGet.</summary>
    PropertyFile,
}

/// <summary>One entry of the expression picker: <c>{"Get": Path}</c>.</summary>
/// <param name="Source">What kind of value it is.</param>
/// <param name="Path">The <c>Get</c> path, e.g. <c>Steps.Prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri</c>.</param>
/// <param name="Detail">A hint: the parameter's type and default, or the step's type.</param>
/// <param name="StepName">For step properties and property files, the step read from.</param>
public sealed record ExpressionChoice(ExpressionSource Source, string Path, string Detail, string? StepName)
{
    public JsonObject ToExpression() => new() { [ExpressionScanner.GetKey] = Path };
}

/// <summary>
/// What an expression in a step may read: the pipeline's parameters, the execution variables and the
/// valid property paths of the steps it already depends on (directly or transitively). Steps that are
/// not upstream are left out on purpose: referencing them would add a dependency the user did not draw,
/// and referencing a downstream step would make a cycle.
/// </summary>
public static class ExpressionChoices
{
    public static IReadOnlyList<ExpressionChoice> For(PipelineDefinition definition, string stepName)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var choices = new List<ExpressionChoice>();
        foreach (var parameter in definition.Parameters)
        {
            if (parameter.Name is { } name)
            {
                var detail = parameter.TypeName ?? "String";
                if (parameter.DefaultValue is { } value)
                {
                    detail += " = " + FieldValues.LiteralText(value);
                }

                choices.Add(new ExpressionChoice(ExpressionSource.Parameter, "Parameters." + name, detail, null));
            }
        }

        foreach (var variable in ExecutionVariables.All)
        {
            choices.Add(new ExpressionChoice(ExpressionSource.ExecutionVariable, "Execution." + variable, "Execution variable", null));
        }

        var upstream = PipelineGraph.Build(definition).Upstream(stepName);
        foreach (var step in definition.AllSteps)
        {
            if (step.Name is not { } name || !upstream.Contains(name))
            {
                continue;
            }

            var detail = step.Type ?? "?";
            foreach (var path in StepProperties.ListPaths(step))
            {
                choices.Add(new ExpressionChoice(ExpressionSource.StepProperty, $"Steps.{name}.{path}", detail, name));
            }

            foreach (var file in step.PropertyFiles)
            {
                if (file.Name is { } fileName)
                {
                    choices.Add(new ExpressionChoice(ExpressionSource.PropertyFile, $"Steps.{name}.PropertyFiles.{fileName}", detail, name));
                }
            }
        }

        return choices;
    }
}
