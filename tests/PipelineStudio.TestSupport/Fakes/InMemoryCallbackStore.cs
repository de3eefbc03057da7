using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.TestSupport.Fakes;

/// <summary><see cref="ICallbackStore"/> in memory, with the SQLite store's rules (one answer wins; closed tokens refuse answers).</summary>
public sealed class InMemoryCallbackStore : ICallbackStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CallbackRecord> _callbacks = new(StringComparer.Ordinal);

    public Task IssueAsync(CallbackRecord callback, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _callbacks.Add(callback.Token, callback);
        }

        return Task.CompletedTask;
    }

    public Task<CallbackCompletionOutcome> CompleteAsync(
        string token, bool succeeded, IReadOnlyDictionary<string, string> outputParameters, string? failureReason, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(token, out var callback))
            {
                return Task.FromResult(CallbackCompletionOutcome.UnknownToken);
            }

            if (!callback.IsOpen)
            {
                return Task.FromResult(callback.CompletedAt is null ? CallbackCompletionOutcome.NoLongerWaiting : CallbackCompletionOutcome.AlreadyCompleted);
            }

            _callbacks[token] = callback with
            {
                CompletedAt = at, Succeeded = succeeded, OutputParameters = outputParameters, FailureReason = failureReason,
            };
            return Task.FromResult(CallbackCompletionOutcome.Completed);
        }
    }

    public Task CloseAsync(string token, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_callbacks.TryGetValue(token, out var callback) && callback.ClosedAt is null)
            {
                _callbacks[token] = callback with { ClosedAt = at };
            }
        }

        return Task.CompletedTask;
    }

    public Task<CallbackRecord?> GetAsync(string token, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_callbacks.GetValueOrDefault(token));
        }
    }

    public Task<CallbackRecord?> FindPendingAsync(string executionId, string stepName, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_callbacks.Values
                .Where(c => c.ExecutionId == executionId && c.StepName == stepName && c.ClosedAt is null)
                .MaxBy(c => c.IssuedAt));
        }
    }
}
