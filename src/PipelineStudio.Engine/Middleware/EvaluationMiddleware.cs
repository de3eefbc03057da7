using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// Evaluates the step's expressions once per run of the step. A Condition evaluates only its
/// <c>Arguments.Conditions</c>: its branch steps belong to themselves and are evaluated when they run.
/// A reference that cannot be resolved fails the step with the evaluator's message. JSON without any expression
/// evaluates to a copy of itself, so it is copied instead (no evaluator walk, no path strings).
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
                var conditions = HasExpressions(step.Conditions)
                    ? await ExpressionEvaluator.EvaluateAsync(
                        step.Conditions, step.JsonPath + ".Arguments.Conditions", invocation.Expressions, cancellationToken).ConfigureAwait(false)
                    : step.Conditions?.DeepClone();
                invocation.Arguments = new JsonObject { ["Conditions"] = conditions };
                invocation.StepJson = WithoutBranches(step.Json, invocation.Arguments);
            }
            else
            {
                var evaluated = HasExpressions(step.Json)
                    ? await ExpressionEvaluator.EvaluateAsync(step.Json, step.JsonPath, invocation.Expressions, cancellationToken).ConfigureAwait(false)
                    : step.Json.DeepClone();
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

    /// <summary>
    /// Whether the evaluator would treat anything under the node as an expression: an object with a single member
    /// named <c>Get</c> or a function (<c>Std:</c>, <c>PipelineStudio:</c>), whatever its value (a malformed one must
    /// still reach the evaluator, which explains what is wrong with it).
    /// </summary>
    internal static bool HasExpressions(JsonNode? root)
    {
        var pending = new Stack<JsonNode>();
        if (root is not null)
        {
            pending.Push(root);
        }

        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj.Count == 1 && obj.GetAt(0).Key is var key && (key == ExpressionScanner.GetKey || ExpressionScanner.IsFunctionName(key)))
                    {
                        return true;
                    }

                    foreach (var (_, value) in obj)
                    {
                        if (value is JsonObject or JsonArray)
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is JsonObject or JsonArray)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }

        return false;
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
