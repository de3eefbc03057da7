using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// SageMaker retry semantics (reference §6): a policy applies when its ExceptionType lists the failure kind; the
/// n-th retry waits IntervalSeconds * BackoffRate^(n-1); MaxAttempts bounds the retries (default 5), ExpireAfterMin
/// bounds the time since the first attempt instead. Retries are counted over the step's attempts, whichever policy
/// matched them.
/// </summary>
public static class RetryPolicy
{
    private const int DefaultMaxAttempts = 5;

    /// <summary>The wait before the next attempt, or null when the failure is not retried.</summary>
    /// <param name="attemptsMade">Attempts made so far in this run of the step, the failed one included.</param>
    public static TimeSpan? NextDelay(JsonArray? policies, string? failureKind, int attemptsMade, DateTimeOffset firstAttemptAt, DateTimeOffset now)
    {
        if (policies is null || string.IsNullOrEmpty(failureKind))
        {
            return null;
        }

        foreach (var policy in policies.OfType<JsonObject>())
        {
            if (!Lists(policy["ExceptionType"], failureKind))
            {
                continue;
            }

            var retriesMade = Math.Max(0, attemptsMade - 1);
            var interval = Number(policy["IntervalSeconds"]) ?? 1;
            var backoff = Number(policy["BackoffRate"]) ?? 2.0;
            var delay = TimeSpan.FromSeconds(Math.Min(interval * Math.Pow(backoff, retriesMade), TimeSpan.FromDays(1).TotalSeconds));
            if (Number(policy["ExpireAfterMin"]) is { } expireMinutes)
            {
                return now + delay - firstAttemptAt <= TimeSpan.FromMinutes(expireMinutes) ? delay : null;
            }

            var maxAttempts = (int)(Number(policy["MaxAttempts"]) ?? DefaultMaxAttempts);
            return retriesMade < maxAttempts ? delay : null;
        }

        return null;
    }

    private static bool Lists(JsonNode? exceptionTypes, string kind) => exceptionTypes switch
    {
        JsonArray array => array.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && s == kind),
        JsonValue value => value.TryGetValue<string>(out var s) && s == kind,
        _ => false,
    };

    /// <summary>A JSON number whatever its CLR backing (parsed JSON, or a long/int/double built in code).</summary>
    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
