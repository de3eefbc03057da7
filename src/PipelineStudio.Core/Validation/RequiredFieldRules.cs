using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// Fields a step type cannot do without (PS026), after the official schema: Lambda needs FunctionArn,
/// Callback SqsQueueUrl, check steps CheckType, job-like steps Arguments, and a few types one key
/// inside Arguments. Fail's ErrorMessage is optional (the SDK writes "" when none is given).
/// </summary>
internal static class RequiredFieldRules
{
    private static readonly Dictionary<string, string[]> TopLevel = new(StringComparer.Ordinal)
    {
        [StepTypes.Lambda] = ["FunctionArn"],
        [StepTypes.Callback] = ["SqsQueueUrl"],
        [StepTypes.QualityCheck] = ["Arguments", "CheckType"],
        [StepTypes.ClarifyCheck] = ["Arguments", "CheckType"],
        [StepTypes.Processing] = ["Arguments"],
        [StepTypes.Training] = ["Arguments"],
        [StepTypes.Tuning] = ["Arguments"],
        [StepTypes.Transform] = ["Arguments"],
        [StepTypes.Model] = ["Arguments"],
        [StepTypes.RegisterModel] = ["Arguments"],
        [StepTypes.Condition] = ["Arguments"],
        [StepTypes.Fail] = ["Arguments"],
        [StepTypes.Emr] = ["Arguments"],
        [StepTypes.AutoMl] = ["Arguments"],
        [StepTypes.Endpoint] = ["Arguments"],
        [StepTypes.EndpointConfig] = ["Arguments"],
    };

    private static readonly Dictionary<string, string[]> InArguments = new(StringComparer.Ordinal)
    {
        [StepTypes.Condition] = ["Conditions"],
        [StepTypes.Tuning] = ["HyperParameterTuningJobConfig"],
        [StepTypes.Emr] = ["StepConfig"],
        [StepTypes.Endpoint] = ["EndpointConfigName"],
        [StepTypes.EndpointConfig] = ["ProductionVariants"],
    };

    public static void Check(ValidationContext context)
    {
        foreach (var step in context.Definition.AllSteps)
        {
            if (step.Type is null)
            {
                continue;
            }

            foreach (var key in TopLevel.GetValueOrDefault(step.Type) ?? [])
            {
                if (!step.Json.ContainsKey(key))
                {
                    context.Error(IssueCodes.MissingRequiredField, step.JsonPath,
                        $"{StepRules.Who(step)} ({step.Type}) has no '{key}'.", step);
                }
            }

            if (step.Arguments is JsonObject args)
            {
                foreach (var key in InArguments.GetValueOrDefault(step.Type) ?? [])
                {
                    if (!args.ContainsKey(key))
                    {
                        context.Error(IssueCodes.MissingRequiredField, step.JsonPath + ".Arguments",
                            $"{StepRules.Who(step)} ({step.Type}) has no 'Arguments.{key}'.", step);
                    }
                }
            }
        }
    }
}
