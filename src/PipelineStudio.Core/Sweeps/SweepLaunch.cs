namespace PipelineStudio.Core.Sweeps;

/// <summary>What to start as one sweep: a pipeline version, the planned parameter sets and how to run them.</summary>
/// <param name="Members">Each member's parameter values (a <see cref="SweepPlan"/>'s members, in order).</param>
/// <param name="Concurrency">At most this many members run at once (1 to <see cref="SweepRunner.MaxConcurrency"/>).</param>
/// <param name="FailFast">When one member fails, stop the running ones and start no more.</param>
public sealed record SweepLaunch(
    string PipelineName,
    int PipelineVersion,
    SweepSpec Spec,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Members,
    int Concurrency,
    bool FailFast,
    string CreatedBy,
    string? DisplayName = null);

/// <summary>How a <see cref="SweepRunner"/> behaves; the defaults suit the studio.</summary>
public sealed class SweepRunnerOptions
{
    /// <summary>
    /// How often a sweep looks at its running members in the store even without an event, so a missed or
    /// late event can delay the next start but never hang the sweep.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Told about failures the runner survived (a store that failed, a listener that threw); the host logs them.</summary>
    public Action<string, Exception>? OnError { get; init; }
}

/// <summary>Raised when a sweep cannot start; nothing was stored. The message is written for the user.</summary>
public sealed class SweepRefusedException(string message) : Exception(message);
