using Microsoft.Extensions.Logging;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Middleware;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>Starting steps and settling the execution.</summary>
public sealed partial class ExecutionCoordinator
{
    private void Launch(string name)
    {
        _running++;
        var record = _steps[name];
        _interrupted.Remove(name, out var interrupted);
        var step = _definition.FindStep(name)!;
        var invocation = new StepInvocation
        {
            Execution = _execution,
            Definition = _definition,
            Step = step,
            Record = record,
            Expressions = ForStep(step),
            State = _services.State,
            Services = _services.Services,
            StopToken = _stop.Token,
            Attempt = record.AttemptCount,
            AttemptsBefore = interrupted is null ? record.AttemptCount : Math.Max(0, record.AttemptCount - 1),
            InterruptedAttempt = interrupted,
        };
        _ = Task.Run(() => RunStepAsync(invocation));
    }

    private async Task RunStepAsync(StepInvocation invocation)
    {
        StepResult result;
        RunStateBatch? changes = null;
        try
        {
            result = await _services.Pipeline.RunAsync(invocation, _stop.Token).ConfigureAwait(false);
            changes = invocation.Changes;
        }
        catch (Exception) when (_services.State.IsFrozen)
        {
            // Shutting down: the step was killed and nothing may be stored; the next start resumes it.
            result = StepResult.Stop("shutdown");
        }
        catch (Exception ex)
        {
            // The chain only throws when the store itself fails; the step cannot be trusted to have run.
            _services.Logger.LogError(ex, "Step {Step} of execution {ExecutionId} failed inside the engine.", invocation.StepName, _execution.Id);
            result = StepResult.Failure($"Step '{invocation.StepName}' failed inside the engine: {ex.Message}", FailureKinds.ServiceFault);
            invocation.Record = invocation.Record with { Status = StepStatus.Failed, FailureReason = result.FailureReason, EndedAt = _services.State.Time.GetUtcNow() };
            await TrySaveAsync(invocation.Record).ConfigureAwait(false);
        }
        finally
        {
            _services.GlobalSlots.Release();
        }

        _completions.Writer.TryWrite(new StepCompletion(invocation.StepName, result, invocation.Record, changes));
    }

    private async Task TrySaveAsync(StepRecord record)
    {
        try
        {
            await _services.State.SaveStepAsync(record).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _services.Logger.LogError(ex, "Could not store step {Step} of execution {ExecutionId}.", record.StepName, record.ExecutionId);
        }
    }

    /// <summary>Steps never started become NotExecuted; the execution ends Stopped, Failed (naming the step) or Succeeded.</summary>
    private async Task<ExecutionRecord> FinishAsync()
    {
        await _executionGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _settling = true;
        }
        finally
        {
            _executionGate.Release();
        }

        foreach (var name in _order)
        {
            if (_steps.TryGetValue(name, out var record) && record.Status == StepStatus.Pending)
            {
                QueueStep(record with { Status = StepStatus.NotExecuted, QueuedAt = null });
            }
        }

        await _changes.FlushAsync().ConfigureAwait(false);

        var failed = _order.Select(n => _steps.GetValueOrDefault(n)).FirstOrDefault(s => s?.Status == StepStatus.Failed);
        var (status, reason) = _stopping || _steps.Values.Any(s => s.Status == StepStatus.Stopped)
            ? (ExecutionStatus.Stopped, (string?)null)
            : failed is not null ? (ExecutionStatus.Failed, DescribeFailure(failed))
            : (ExecutionStatus.Succeeded, null);
        _execution = _execution with { Status = status, EndedAt = _services.State.Time.GetUtcNow(), FailureReason = reason };
        await _services.State.SaveExecutionAsync(_execution).ConfigureAwait(false);
        return _execution;
    }

    private static string DescribeFailure(StepRecord step) => step.StepType == StepTypes.Fail
        ? $"Step '{step.StepName}' failed with message: {step.FailureReason}"
        : $"Step '{step.StepName}' failed: {step.FailureReason}";

    /// <summary>
    /// A job step names its job up front, so that <c>Execution.TrainingJobName</c> / <c>ProcessingJobName</c> in its
    /// own arguments and the job it runs agree (the job executors read the name back from these variables).
    /// </summary>
    private EvaluationContext ForStep(StepDefinition step) =>
        step.Type is StepTypes.Processing or StepTypes.Training or StepTypes.Transform or StepTypes.Tuning
            ? _expressions with { ExecutionVariables = ExecutionVariables.WithJobName(_expressions.ExecutionVariables, JobNames.Create(_execution.Id, step.Name!)) }
            : _expressions;
}
