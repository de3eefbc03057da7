using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>How a waiting Callback step was completed (SendPipelineExecutionStepSuccess / Failure).</summary>
public sealed record CallbackCompletion(bool Succeeded, IReadOnlyDictionary<string, string> OutputParameters, string? FailureReason);

/// <summary>
/// Callback steps waiting for their token. Tokens live in memory: after a restart the step's attempt is
/// interrupted and a retry (if its policy allows) issues a new token.
/// </summary>
public sealed class CallbackRegistry
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly ConcurrentDictionary<string, Waiter> _waiting = new(StringComparer.Ordinal);

    /// <summary>A fresh 10-character alphanumeric token, like SageMaker's.</summary>
    public static string NewToken() => RandomNumberGenerator.GetString(Alphabet, 10);

    /// <summary>Registers a waiting step and returns the task its completion finishes.</summary>
    public Task<CallbackCompletion> Register(string token, string executionId)
    {
        var waiter = new Waiter(executionId);
        if (!_waiting.TryAdd(token, waiter))
        {
            throw new InvalidOperationException($"Callback token '{token}' is already in use.");
        }

        return waiter.Completion.Task;
    }

    public void Unregister(string token) => _waiting.TryRemove(token, out _);

    /// <summary>Completes the step waiting on the token; returns its execution id, or null when no step waits on it.</summary>
    public string? TryComplete(string token, CallbackCompletion completion)
    {
        if (!_waiting.TryRemove(token, out var waiter))
        {
            return null;
        }

        waiter.Completion.TrySetResult(completion);
        return waiter.ExecutionId;
    }

    private sealed record Waiter(string ExecutionId)
    {
        public TaskCompletionSource<CallbackCompletion> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
