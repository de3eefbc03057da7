using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// Step caching (CacheConfig). The key is SHA-256 over the step type and its evaluated Arguments as canonical
/// JSON (object keys sorted), so two runs with the same resolved inputs share outputs. Input object contents
/// are not hashed: like SageMaker, the key covers the S3 URIs, not what is stored under them.
/// A hit reuses the newest Succeeded step of the same pipeline and step name that ended within ExpireAfter.
/// </summary>
public sealed class CacheMiddleware : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        var config = invocation.Step.CacheConfig;
        if (config is not { Enabled: true } || !TryParseDuration(config.ExpireAfter, out var expireAfter))
        {
            return await next(invocation, cancellationToken).ConfigureAwait(false);
        }

        invocation.CacheKey = ComputeKey(invocation.Step.Type ?? string.Empty, invocation.Arguments);
        var notBefore = invocation.State.Time.GetUtcNow() - expireAfter;
        var hit = await invocation.State.Store.FindCacheHitAsync(
            invocation.Execution.PipelineName, invocation.StepName, invocation.CacheKey, notBefore, cancellationToken).ConfigureAwait(false);
        if (hit is null || hit.ExecutionId == invocation.Execution.Id)
        {
            return await next(invocation, cancellationToken).ConfigureAwait(false);
        }

        invocation.CacheHitSourceExecutionId = hit.ExecutionId;
        return StepResult.Success(ParseObject(hit.PropertiesJson), ParseObject(hit.MetadataJson));
    }

    /// <summary>ISO-8601 durations such as PT1H or P30D; false for a missing or malformed one (the step then runs uncached).</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text.Trim());
            return duration > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            duration = TimeSpan.MaxValue;
            return true;
        }
    }

    public static string ComputeKey(string stepType, JsonObject arguments)
    {
        var text = stepType + "\n" + Canonical(arguments)!.ToJsonString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A copy with every object's keys in ordinal order, so equal content gives equal text.</summary>
    public static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonObject? ParseObject(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json) as JsonObject;
}
