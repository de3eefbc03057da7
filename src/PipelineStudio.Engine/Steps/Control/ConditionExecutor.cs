using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Engine.Steps.Control;

/// <summary>Evaluates the (ANDed) Conditions; the outcome decides which branch the coordinator runs.</summary>
public sealed class ConditionExecutor : IStepExecutor
{
    public bool CanExecute(string stepType) => stepType == StepTypes.Condition;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        bool outcome;
        try
        {
            outcome = await ExpressionEvaluator.EvaluateConditionsAsync(
                context.Arguments["Conditions"], context.Step.JsonPath + ".Arguments.Conditions", context.Expressions, cancellationToken).ConfigureAwait(false);
        }
        catch (ExpressionException ex)
        {
            return StepResult.Failure($"Step '{context.StepName}': {ex.Message}");
        }

        context.Log.Note($"Conditions evaluated to {(outcome ? "true" : "false")}: running the {(outcome ? "If" : "Else")} branch.");
        return StepResult.Success(
            new JsonObject { ["Outcome"] = outcome },
            new JsonObject { ["Condition"] = new JsonObject { ["Outcome"] = outcome ? "True" : "False" } });
    }
}
