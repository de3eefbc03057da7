using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Validation;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>
/// The local engine behind <see cref="IExecutionBackend"/>: checks a start request completely before storing
/// anything, then runs one <see cref="ExecutionCoordinator"/> per execution on a background task. Every execution it
/// runs is leased to this engine (<see cref="EngineInstance"/>), so other engines on the same database leave it alone.
/// </summary>
public sealed partial class LocalExecutionBackend(
    IPipelineStore pipelines,
    IRunStore store,
    StepExecutorRegistry executors,
    EngineServices services,
    CallbackRegistry callbacks,
    ICallbackStore callbackStore,
    IExecutionLeases leases,
    EngineInstance instance,
    EngineOptions options) : IExecutionBackend
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly ConcurrentDictionary<string, ExecutionCoordinator> _running = new(StringComparer.Ordinal);

    public async Task<ExecutionRecord> StartAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (version, definition) = await LoadAsync(request.PipelineName, request.PipelineVersion, cancellationToken).ConfigureAwait(false);
        var binding = ParameterBinder.Bind(definition, request.Parameters ?? new Dictionary<string, string>());
        if (!binding.IsValid)
        {
            throw new ExecutionRefusedException(binding.Problems);
        }

        var unrunnable = definition.AllSteps
            .Where(s => !executors.CanRun(s.Type))
            .Select(s => $"Step '{s.Name}' has type '{s.Type ?? "(none)"}', which cannot run locally.")
            .ToList();
        if (unrunnable.Count > 0)
        {
            throw new ExecutionRefusedException(unrunnable);
        }

        var id = RandomNumberGenerator.GetString(IdAlphabet, 12);
        var execution = new ExecutionRecord(
            id, version.Info.PipelineName, version.Info.Version, ExecutionStatus.Executing, binding.WireValues,
            services.State.Time.GetUtcNow(), DisplayName: request.DisplayName, MaxParallelSteps: request.MaxParallelSteps,
            OwnerId: instance.Id, LeaseExpiresAt: LeaseEnd());
        IReadOnlyList<StepRecord> steps;
        if (request.Selective is { } selective)
        {
            (execution, steps) = await PlanSelectiveAsync(execution, definition, selective, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            steps = StepNames(definition).Select(s => new StepRecord(id, s.Name!, s.Type!, StepStatus.Pending)).ToList();
        }

        await services.State.CreateExecutionAsync(execution, steps, cancellationToken).ConfigureAwait(false);
        Run(new ExecutionCoordinator(execution, definition, steps, services));
        return execution;
    }

    public async Task StopAsync(string executionId, CancellationToken cancellationToken = default)
    {
        if (_running.TryGetValue(executionId, out var coordinator))
        {
            await coordinator.StopAsync().ConfigureAwait(false);
            return;
        }

        var execution = await store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false)
            ?? throw new ExecutionNotFoundException($"Execution '{executionId}' does not exist.");
        if (execution.Status.IsFinished())
        {
            return;
        }

        if (IsOwnedByAnotherLiveEngine(execution))
        {
            // Another process (a CLI run, another studio) runs it: store the request; its owner sees it within a second.
            await leases.RequestStopAsync(executionId, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Unfinished and nobody alive runs it (e.g. left by a crash before recovery): nothing to cancel, settle it.
        await StopInStoreAsync(execution, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether an engine other than this one holds a live lease on the execution.</summary>
    internal bool IsOwnedByAnotherLiveEngine(ExecutionRecord execution) =>
        execution.OwnerId is { } owner && owner != instance.Id && !EngineInstance.IsKnownDead(owner)
            && execution.LeaseExpiresAt > services.State.Time.GetUtcNow();

    /// <summary>When a lease taken or renewed now runs out.</summary>
    internal DateTimeOffset LeaseEnd() => services.State.Time.GetUtcNow() + options.LeaseDuration;

    /// <summary>Ends an execution no coordinator runs: active steps Stopped, waiting ones NotExecuted, execution Stopped.</summary>
    internal async Task StopInStoreAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var now = services.State.Time.GetUtcNow();
        foreach (var step in await store.ListStepsAsync(execution.Id, cancellationToken).ConfigureAwait(false))
        {
            var settled = step.Status.IsActive() ? step with { Status = StepStatus.Stopped, EndedAt = now, FailureReason = "The execution was stopped." }
                : step.Status == StepStatus.Pending ? step with { Status = StepStatus.NotExecuted, QueuedAt = null }
                : null;
            if (settled is not null)
            {
                await services.State.SaveStepAsync(settled, cancellationToken).ConfigureAwait(false);
            }
        }

        await services.State.SaveExecutionAsync(execution with { Status = ExecutionStatus.Stopped, EndedAt = now }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExecutionRecord> CompleteCallbackAsync(
        string callbackToken, bool succeeded, IReadOnlyDictionary<string, string>? outputParameters, string? failureReason,
        CancellationToken cancellationToken = default)
    {
        var outputs = outputParameters ?? new Dictionary<string, string>();
        var outcome = await callbackStore.CompleteAsync(callbackToken, succeeded, outputs, failureReason, services.State.Time.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        switch (outcome)
        {
            case CallbackCompletionOutcome.UnknownToken:
                throw new ExecutionNotFoundException($"No Callback step was given the token '{callbackToken}'.");
            case CallbackCompletionOutcome.AlreadyCompleted:
                throw new ExecutionRefusedException([$"The Callback step with token '{callbackToken}' was already answered."]);
            case CallbackCompletionOutcome.NoLongerWaiting:
                throw new ExecutionRefusedException([$"The Callback step with token '{callbackToken}' is no longer waiting (its execution stopped or the step ended)."]);
        }

        // The answer is stored: whichever engine waits on the token takes it up. Wake it now if it waits in this process.
        callbacks.TryComplete(callbackToken, new CallbackCompletion(succeeded, outputs, failureReason));
        var callback = await callbackStore.GetAsync(callbackToken, cancellationToken).ConfigureAwait(false);
        return await store.GetExecutionAsync(callback!.ExecutionId, cancellationToken).ConfigureAwait(false)
            ?? throw new ExecutionNotFoundException($"Execution '{callback.ExecutionId}' does not exist.");
    }

    /// <summary>The final record once the execution ends (at once when it is not running here).</summary>
    public async Task<ExecutionRecord?> WaitForCompletionAsync(string executionId, CancellationToken cancellationToken = default)
    {
        if (_running.TryGetValue(executionId, out var coordinator))
        {
            return await coordinator.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a coordinator is running the execution in this process.</summary>
    public bool IsRunning(string executionId) => _running.ContainsKey(executionId);

    /// <summary>Runs a coordinator on a background task until its execution ends (used by start, retry and recovery).</summary>
    internal void Run(ExecutionCoordinator coordinator)
    {
        _running[coordinator.ExecutionId] = coordinator;
        _ = Task.Run(async () =>
        {
            await coordinator.RunAsync().ConfigureAwait(false);
            _running.TryRemove(coordinator.ExecutionId, out _);
        });
    }

    internal async Task<(PipelineVersion Version, PipelineDefinition Definition)> LoadAsync(string name, int? versionNumber, CancellationToken cancellationToken)
    {
        var version = versionNumber is { } number
            ? await pipelines.GetVersionAsync(name, number, cancellationToken).ConfigureAwait(false)
            : await pipelines.GetLatestAsync(name, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            var which = versionNumber is { } n ? $" version {n}" : string.Empty;
            throw new ExecutionRefusedException([$"Pipeline '{name}'{which} does not exist."]);
        }

        var report = DefinitionValidator.Validate(version.DefinitionJson);
        if (report.HasErrors || report.Definition is null)
        {
            var errors = report.Issues.Where(i => i.IsError).Select(i => $"{i.Path}: {i.Message}").ToList();
            throw new ExecutionRefusedException(errors.Count > 0 ? errors : [$"Pipeline '{name}' has an unreadable definition."]);
        }

        return (version, report.Definition);
    }

    internal static IEnumerable<StepDefinition> StepNames(PipelineDefinition definition) =>
        definition.AllSteps.Where(s => s.Name is not null).DistinctBy(s => s.Name);

    internal ILogger Logger => services.Logger;
}
