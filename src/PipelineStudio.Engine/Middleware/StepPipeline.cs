using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// The middleware chain around the executors, outermost first: Stop, State, Evaluation, Lineage, Cache, Retry, Logging,
/// Timing, Attempt, then the executor. Retry sits outside Logging and Attempt so each attempt has its own log and record.
/// </summary>
public sealed class StepPipeline
{
    private readonly StepExecutorRegistry _executors;
    private readonly IArtifactStore _artifacts;
    private readonly EngineOptions _options;
    private readonly StepDelegate _entry;

    public StepPipeline(StepExecutorRegistry executors, IArtifactStore artifacts, EngineOptions options, IEnumerable<IStepMiddleware>? middlewares = null)
    {
        _executors = executors;
        _artifacts = artifacts;
        _options = options;
        var chain = (middlewares ?? DefaultChain(options)).ToList();
        StepDelegate next = ExecuteAsync;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var middleware = chain[i];
            var inner = next;
            next = (invocation, ct) => middleware.InvokeAsync(invocation, inner, ct);
        }

        _entry = next;
    }

    public static IReadOnlyList<IStepMiddleware> DefaultChain(EngineOptions options) =>
    [
        new StopMiddleware(), new StateMiddleware(), new EvaluationMiddleware(), new LineageMiddleware(), new CacheMiddleware(),
        new RetryMiddleware(), new LoggingMiddleware(options), new TimingMiddleware(), new AttemptMiddleware(),
    ];

    /// <summary>Runs the step; its outcome is left in <see cref="StepInvocation.Changes"/> for the caller to store and announce.</summary>
    public Task<StepResult> RunAsync(StepInvocation invocation, CancellationToken cancellationToken) => _entry(invocation, cancellationToken);

    private async Task<StepResult> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        var executor = _executors.Find(invocation.Step.Type);
        if (executor is null)
        {
            return StepResult.Failure($"Step '{invocation.StepName}' has type '{invocation.Step.Type}', which cannot run locally.");
        }

        var workspace = Path.Combine(_options.DataDirectory, "work", invocation.Execution.Id, invocation.StepName, invocation.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var context = new StepContext
        {
            Execution = invocation.Execution,
            Definition = invocation.Definition,
            Step = invocation.Step,
            Attempt = invocation.Attempt,
            Arguments = invocation.Arguments,
            StepJson = invocation.StepJson,
            Workspace = workspace,
            Log = invocation.Log ?? NullStepLog.Instance,
            Artifacts = _artifacts,
            Time = invocation.State.Time,
            Expressions = invocation.Expressions,
            Services = invocation.Services,
            ReportMetadataAsync = metadata => invocation.SaveRecordAsync(invocation.Record with { MetadataJson = metadata.ToJsonString() }),
        };
        try
        {
            return await executor.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (JobFailedException ex)
        {
            return StepResult.Failure(ex.Message, ex.Kind);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StepResult.Failure($"Step '{invocation.StepName}' failed: {ex.Message}", FailureKinds.ServiceFault);
        }
        catch (Exception ex)
        {
            return StepResult.Failure($"Step '{invocation.StepName}' failed unexpectedly: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private sealed class NullStepLog : IStepLog
    {
        public static readonly NullStepLog Instance = new();

        public string Path => string.Empty;

        public void Write(string line)
        {
        }

        public IReadOnlyList<string> Tail(int lines) => [];
    }
}
