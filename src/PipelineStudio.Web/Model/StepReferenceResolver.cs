using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Web.Model;

/// <summary>Turns the <c>Get</c> references of one step into <see cref="ResolvedReference"/>s against its definition.</summary>
public static class StepReferenceResolver
{
    public static IReadOnlyList<ResolvedReference> Resolve(PipelineDefinition definition, StepDefinition step) =>
        ExpressionScanner.ScanStep(step).References
            .Select(r => Resolve(definition, r, RelativePath(step.JsonPath, r.JsonPath)))
            .ToList();

    private static ResolvedReference Resolve(PipelineDefinition definition, ExpressionReference reference, string usedAt)
    {
        switch (reference.Kind)
        {
            case ReferenceKind.Parameter:
                var parameter = definition.FindParameter(reference.Target);
                return parameter is null
                    ? new(reference.Kind, reference.Path, reference.Target, "not declared in Parameters", usedAt, false)
                    : new(reference.Kind, reference.Path, reference.Target, DescribeParameter(parameter), usedAt, true);
            case ReferenceKind.Step:
                var target = definition.FindStep(reference.Target);
                var property = reference.PropertyPath.Length == 0 ? "(the step itself)" : reference.PropertyPath;
                return target is null
                    ? new(reference.Kind, reference.Path, reference.Target, $"unknown step; property {property}", usedAt, false)
                    : new(reference.Kind, reference.Path, reference.Target, $"{target.Type} step; property {property}", usedAt, true);
            case ReferenceKind.Execution:
                return new(reference.Kind, reference.Path, reference.Target, "set by SageMaker when the execution starts", usedAt, true);
            case ReferenceKind.PipelineExperimentConfig:
                return new(reference.Kind, reference.Path, reference.Target, "from the pipeline's experiment configuration", usedAt, true);
            default:
                return new(reference.Kind, reference.Path, reference.Target, "not a known reference root", usedAt, false);
        }
    }

    private static string DescribeParameter(ParameterDefinition parameter)
    {
        var type = parameter.TypeName ?? "String";
        return parameter.DefaultValue is null ? $"{type}, no default" : $"{type}, default {Literal(parameter.DefaultValue)}";
    }

    private static string Literal(JsonNode value) => value.ToJsonString();

    /// <summary>Drops the step's own path so "$.Steps[2].Arguments.X" reads "Arguments.X".</summary>
    internal static string RelativePath(string stepPath, string path) =>
        path.StartsWith(stepPath, StringComparison.Ordinal) ? path[stepPath.Length..].TrimStart('.') : path;
}
