using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// Run-time configuration of steps: CacheConfig (PS040) and RetryPolicies (PS041), with the limits
/// of reference §6.
/// </summary>
internal static class RunConfigRules
{
    public const int MaxIntervalSeconds = 43_200;
    public const int MaxAttemptsCap = 20;
    public const int MaxExpireAfterMin = 14_400;

    public static readonly IReadOnlyList<string> ExceptionTypes =
    [
        "Step.SERVICE_FAULT", "Step.THROTTLING",
        "SageMaker.JOB_INTERNAL_ERROR", "SageMaker.CAPACITY_ERROR", "SageMaker.RESOURCE_LIMIT",
        "Emr.RESOURCE_LIMIT",
    ];

    private static readonly HashSet<string> KnownExceptionTypes = new(ExceptionTypes, StringComparer.Ordinal);

    /// <summary>Types SageMaker never caches (dg:pipelines-caching plus what the SDK accepts).</summary>
    private static readonly HashSet<string> NeverCached = new(StringComparer.Ordinal)
    {
        StepTypes.Condition, StepTypes.Fail, StepTypes.Model, StepTypes.RegisterModel, StepTypes.InferenceComponent,
        StepTypes.BedrockCustomModel, StepTypes.BedrockCustomModelDeployment, StepTypes.BedrockModelImport,
        StepTypes.BedrockProvisionedModelThroughput, StepTypes.Lineage,
    };

    public static void Check(ValidationContext context)
    {
        foreach (var step in context.Definition.AllSteps)
        {
            if (step.Json["CacheConfig"] is JsonObject cache)
            {
                CheckCache(context, step, cache);
            }

            if (step.Json["RetryPolicies"] is JsonArray policies)
            {
                for (var i = 0; i < policies.Count; i++)
                {
                    CheckRetryPolicy(context, step, policies[i], $"{step.JsonPath}.RetryPolicies[{i}]");
                }
            }
        }
    }

    private static void CheckCache(ValidationContext context, StepDefinition step, JsonObject cache)
    {
        var path = step.JsonPath + ".CacheConfig";
        var who = StepRules.Who(step);
        var enabledOk = context.ExpectKind(cache, "Enabled", path, JsonKind.Boolean, who, step);
        var expireOk = context.ExpectKind(cache, "ExpireAfter", path, JsonKind.String, who, step);
        var expireAfter = JsonRead.String(cache, "ExpireAfter");
        if (expireOk && expireAfter is not null && !Iso8601Duration.IsValid(expireAfter))
        {
            context.Error(IssueCodes.InvalidCacheConfig, path + ".ExpireAfter",
                $"{who}: ExpireAfter '{ValidationContext.Shorten(expireAfter)}' is not an ISO-8601 duration such as PT1H, P30D or P1DT12H.", step);
        }
        else if (enabledOk && expireOk && step.CacheConfig is { Enabled: true } && expireAfter is null)
        {
            context.Error(IssueCodes.InvalidCacheConfig, path,
                $"{who} enables caching without 'ExpireAfter'; give an ISO-8601 duration such as PT1H or P30D.", step);
        }

        if (step.CacheConfig is { Enabled: true } && step.Type is { } type && NeverCached.Contains(type))
        {
            context.Warning(IssueCodes.InvalidCacheConfig, path, $"{who} enables caching, but {type} steps are never cached.", step);
        }
    }

    private static void CheckRetryPolicy(ValidationContext context, StepDefinition step, JsonNode? node, string path)
    {
        var who = StepRules.Who(step);
        if (node is not JsonObject policy)
        {
            context.Error(IssueCodes.InvalidRetryPolicy, path, $"{who}: a retry policy must be an object, not {JsonKinds.Describe(node)}.", step);
            return;
        }

        CheckExceptionTypes(context, step, policy, path);
        CheckInteger(context, step, policy, path, "IntervalSeconds", 1, MaxIntervalSeconds);
        CheckInteger(context, step, policy, path, "MaxAttempts", 0, MaxAttemptsCap);
        CheckInteger(context, step, policy, path, "ExpireAfterMin", 0, MaxExpireAfterMin);
        if (policy.ContainsKey("BackoffRate") && JsonKinds.Number(policy["BackoffRate"]) is not >= 0)
        {
            context.Error(IssueCodes.InvalidRetryPolicy, path + ".BackoffRate", $"{who}: BackoffRate must be a non-negative number.", step);
        }

        if (policy.ContainsKey("MaxAttempts") && policy.ContainsKey("ExpireAfterMin"))
        {
            context.Error(IssueCodes.InvalidRetryPolicy, path,
                $"{who}: a retry policy takes MaxAttempts or ExpireAfterMin, not both.", step);
        }
    }

    private static void CheckExceptionTypes(ValidationContext context, StepDefinition step, JsonObject policy, string path)
    {
        var who = StepRules.Who(step);
        if (policy["ExceptionType"] is not JsonArray types || types.Count == 0)
        {
            context.Error(IssueCodes.InvalidRetryPolicy, path + (policy.ContainsKey("ExceptionType") ? ".ExceptionType" : ""),
                $"{who}: a retry policy needs 'ExceptionType', a non-empty array of {string.Join(", ", ExceptionTypes)}.", step);
            return;
        }

        for (var i = 0; i < types.Count; i++)
        {
            if (JsonRead.AsString(types[i]) is not { } type || !KnownExceptionTypes.Contains(type))
            {
                context.Error(IssueCodes.InvalidRetryPolicy, $"{path}.ExceptionType[{i}]",
                    $"{who}: {JsonKinds.Preview(types[i])} is not a retryable exception type; use {string.Join(", ", ExceptionTypes)}.", step);
            }
        }
    }

    private static void CheckInteger(ValidationContext context, StepDefinition step, JsonObject policy, string path, string key, int min, int max)
    {
        if (!policy.ContainsKey(key))
        {
            return;
        }

        if (!JsonKinds.IsInteger(policy[key]) || JsonKinds.Number(policy[key]) is not { } value || value < min || value > max)
        {
            context.Error(IssueCodes.InvalidRetryPolicy, $"{path}.{key}",
                $"{StepRules.Who(step)}: {key} must be an integer from {min} to {max}.", step);
        }
    }
}
