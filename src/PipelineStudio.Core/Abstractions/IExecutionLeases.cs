namespace PipelineStudio.Core.Abstractions;

/// <summary>
/// Who runs which execution. Several engines may share one studio database (the web app and a CLI run on the same
/// data directory); each unfinished execution belongs to one of them, which renews its lease while it is alive.
/// Another engine takes an execution over only when its lease ran out or its owner is known to be dead, so an
/// execution is never run by two engines at once.
/// </summary>
public interface IExecutionLeases
{
    /// <summary>
    /// Makes <paramref name="newOwnerId"/> the owner if the owner is still <paramref name="expectedOwnerId"/>
    /// (compare-and-swap, so of two engines adopting the same execution exactly one wins). False when it changed.
    /// </summary>
    Task<bool> TryTakeAsync(string executionId, string? expectedOwnerId, string newOwnerId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease of every unfinished execution the owner holds.</summary>
    Task RenewAsync(string ownerId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Ends the owner's leases at once (a clean shutdown), so the next engine to start resumes them without waiting.</summary>
    Task ReleaseAsync(string ownerId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for an Executing execution to stop by storing Stopping; its owner sees the request and stops it.
    /// False when the execution is not Executing (already stopping or finished).
    /// </summary>
    Task<bool> RequestStopAsync(string executionId, CancellationToken cancellationToken = default);

    /// <summary>The owner's executions stored as Stopping: stop requests from other processes (and its own).</summary>
    Task<IReadOnlyList<string>> ListStoppingAsync(string ownerId, CancellationToken cancellationToken = default);
}
