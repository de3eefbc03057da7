using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>An execution backend that records what the page asked for and answers as told.</summary>
internal sealed class FakeExecutionBackend : IExecutionBackend
{
    public List<StartExecutionRequest> Started { get; } = [];

    public List<string> Stopped { get; } = [];

    public List<string> Retried { get; } = [];

    /// <summary>Thrown by every call when set.</summary>
    public Exception? Failure { get; set; }

    public Task<ExecutionRecord> StartAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        Started.Add(request);
        return Task.FromResult(new ExecutionRecord(
            $"new{Started.Count}", request.PipelineName, request.PipelineVersion ?? 1, ExecutionStatus.Executing,
            request.Parameters, DateTimeOffset.UnixEpoch));
    }

    public Task StopAsync(string executionId, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        Stopped.Add(executionId);
        return Task.CompletedTask;
    }

    public Task<ExecutionRecord> RetryAsync(string executionId, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        Retried.Add(executionId);
        return Task.FromResult(new ExecutionRecord(executionId, "p", 1, ExecutionStatus.Executing, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch));
    }

    public Task<ExecutionRecord> CompleteCallbackAsync(
        string callbackToken, bool succeeded, IReadOnlyDictionary<string, string>? outputParameters, string? failureReason,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    private void ThrowIfFailing()
    {
        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
