using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.TestSupport.Fakes;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>
/// An execution backend for page tests: records start requests, stores each execution (so pages that list them
/// find it) and can be told to refuse, as the engine does when values are wrong.
/// </summary>
internal sealed class RecordingBackend(InMemoryRunStore runs, TimeProvider clock) : IExecutionBackend
{
    private int _next;

    public List<StartExecutionRequest> Started { get; } = [];

    /// <summary>When set, the next start throws <see cref="ExecutionRefusedException"/> with these problems.</summary>
    public IReadOnlyList<string>? RefuseWith { get; set; }

    public async Task<ExecutionRecord> StartAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        if (RefuseWith is { } problems)
        {
            throw new ExecutionRefusedException(problems);
        }

        Started.Add(request);
        var execution = new ExecutionRecord(
            $"exec{Interlocked.Increment(ref _next)}", request.PipelineName, request.PipelineVersion ?? 1, ExecutionStatus.Executing,
            request.Parameters, clock.GetUtcNow(), DisplayName: request.DisplayName);
        await runs.CreateExecutionAsync(execution, [], cancellationToken);
        return execution;
    }

    public Task StopAsync(string executionId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ExecutionRecord> RetryAsync(string executionId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ExecutionRecord> CompleteCallbackAsync(
        string callbackToken, bool succeeded, IReadOnlyDictionary<string, string>? outputParameters, string? failureReason,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
