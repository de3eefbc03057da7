using Microsoft.Extensions.Logging;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Scheduling;

namespace PipelineStudio.Engine.Hosting;

/// <summary>
/// What keeps an engine a good neighbour of other engines on the same database, once a second: stops the executions
/// someone asked (in the store) to stop, renews this engine's leases at a third of their length and, in a long-lived
/// host, adopts executions whose owner died (a CLI run that was killed). The host runs <see cref="RunAsync"/> while it lives.
/// </summary>
public sealed class ExecutionLeaseKeeper(
    LocalExecutionBackend backend, IExecutionLeases leases, EngineRecovery recovery, EngineInstance instance, EngineOptions options,
    EngineServices services)
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <param name="adoptOrphans">True in the web host: take over executions whose owner is gone. A CLI run only keeps its own.</param>
    public async Task RunAsync(bool adoptOrphans, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Tick, services.State.Time);
        var renewEvery = Math.Max(1, (int)(options.LeaseDuration / 3 / Tick));
        var adoptEvery = Math.Max(1, (int)(options.LeaseDuration / 2 / Tick));
        for (long tick = 1; await WaitAsync(timer, cancellationToken).ConfigureAwait(false); tick++)
        {
            try
            {
                await KeepAsync(renew: tick % renewEvery == 0, adopt: adoptOrphans && tick % adoptEvery == 0, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // The host (or the CLI run) is done with the engine.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy database must not end the loop: the next tick tries again, well within the lease.
                services.Logger.LogWarning(ex, "Could not keep the execution leases this time.");
            }
        }
    }

    /// <summary>One round; public so tests can drive it without a clock.</summary>
    public async Task KeepAsync(bool renew, bool adopt, CancellationToken cancellationToken = default)
    {
        var running = backend.RunningExecutionIds;
        if (running.Count > 0)
        {
            foreach (var id in await leases.ListStoppingAsync(instance.Id, cancellationToken).ConfigureAwait(false))
            {
                await backend.StopRunningAsync(id).ConfigureAwait(false);
            }

            if (renew)
            {
                await leases.RenewAsync(instance.Id, backend.LeaseEnd(), cancellationToken).ConfigureAwait(false);
            }
        }

        if (adopt)
        {
            await recovery.ResumeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
