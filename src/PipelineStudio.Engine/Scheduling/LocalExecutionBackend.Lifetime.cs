using Microsoft.Extensions.Logging;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>The engine's life next to others on one database: shutdown, and stop requests seen in the store.</summary>
public sealed partial class LocalExecutionBackend
{
    /// <summary>
    /// Shutdown of the host: nothing more is stored, running steps are killed, and each interrupted step is put back to
    /// Pending with its attempt closed as Stopped, so the next start runs it again without counting a failure.
    /// The leases are released so that start does not wait for them to run out.
    /// </summary>
    public async Task ShutdownAsync(TimeSpan grace)
    {
        services.State.Freeze();
        var abandoned = _running.Values.ToList();
        if (abandoned.Count == 0)
        {
            return;
        }

        await Task.WhenAll(abandoned.Select(c => c.AbandonAsync())).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(abandoned.Select(c => c.Completion)).WaitAsync(grace).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EngineShutdownException or TimeoutException)
        {
            // Expected: the coordinators end by refusing to store anything more.
        }

        try
        {
            foreach (var coordinator in abandoned)
            {
                await ParkAsync(coordinator.ExecutionId).ConfigureAwait(false);
            }

            await leases.ReleaseAsync(instance.Id, services.State.Time.GetUtcNow()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is already gone (or broken): the next start recovers these executions as after a crash.
            services.Logger.LogWarning(ex, "Could not park the running executions at shutdown; the next start recovers them.");
        }
    }

    /// <summary>The ids of the executions this engine runs now.</summary>
    public IReadOnlyCollection<string> RunningExecutionIds => [.. _running.Keys];

    /// <summary>Stops, at its owner's request seen in the store, an execution running here.</summary>
    internal Task StopRunningAsync(string executionId) =>
        _running.TryGetValue(executionId, out var coordinator) ? coordinator.StopAsync() : Task.CompletedTask;

    private async Task ParkAsync(string executionId)
    {
        var now = services.State.Time.GetUtcNow();
        foreach (var step in await store.ListStepsAsync(executionId).ConfigureAwait(false))
        {
            if (!step.Status.IsActive())
            {
                continue;
            }

            var open = (await store.ListAttemptsAsync(executionId, step.StepName).ConfigureAwait(false)).LastOrDefault(a => a.EndedAt is null);
            if (open is not null)
            {
                await store.SaveAttemptAsync(open with { Status = StepStatus.Stopped, EndedAt = now, FailureReason = ShutdownReason }).ConfigureAwait(false);
            }

            await store.SaveStepAsync(step with { Status = StepStatus.Pending, QueuedAt = null }).ConfigureAwait(false);
        }
    }

    /// <summary>Why an attempt ended at shutdown; the step runs again at the next start.</summary>
    public const string ShutdownReason = "The studio shut down during this attempt; the step runs again when it starts.";
}
