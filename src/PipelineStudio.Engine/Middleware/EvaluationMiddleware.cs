using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// Evaluates the step's expressions once per run of the step. A Condition evaluates only its
/// <c>Arguments.Conditions</c>: its branch steps belong to themselves and are evaluated when they run.
/// A reference that cannot be resolved fails the step with the evaluator's message.
/// </summary>
public sealed class EvaluationMiddleware : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        var step = invocation.Step;
        try
        {
            if (step.IsCondition)
            {
                var conditions = await ExpressionEvaluator.EvaluateAsync(
                    step.Conditions, step.JsonPath + ".Arguments.Conditions", invocation.Expressions, cancellationToken).ConfigureAwait(false);
                invocation.Arguments = new JsonObject { ["Conditions"] = conditions };
                invocation.StepJson = WithoutBranches(step.Json, invocation.Arguments);
            }
            else
            {
                var evaluated = await ExpressionEvaluator.EvaluateAsync(step.Json, step.JsonPath, invocation.Expressions, cancellationToken).ConfigureAwait(false);
                invocation.StepJson = evaluated as JsonObject ?? [];
                invocation.Arguments = invocation.StepJson["Arguments"] as JsonObject ?? [];
            }
        }
        catch (ExpressionException ex)
        {
            return StepResult.Failure($"Step '{invocation.StepName}': {ex.Message}");
        }

        return await next(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject WithoutBranches(JsonObject step, JsonObject arguments)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in step)
        {
            if (key is not ("IfSteps" or "ElseSteps" or "Arguments"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        copy["Arguments"] = arguments.DeepClone();
        return copy;
    }
}
