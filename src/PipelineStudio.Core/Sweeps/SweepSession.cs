using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Core.Sweeps;

/// <summary>
/// The loop of one running sweep. Only this loop changes the sweep's records, so it needs no locks; others talk
/// to it through <see cref="RequestStop"/> and the run events that wake it.
/// </summary>
internal sealed class SweepSession(SweepRunner runner, SweepRecord sweep, IReadOnlyList<SweepMemberRecord> members)
{
    private readonly SweepMemberRecord[] _members = members.OrderBy(m => m.Index).ToArray();
    private readonly HashSet<string> _stopSent = new(StringComparer.Ordinal);
    private readonly AsyncSignal _wake = new();
    private readonly TaskCompletionSource<SweepRecord> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SweepRecord _sweep = sweep;
    private volatile bool _stopRequested = sweep.StopRequested;

    public string SweepId => _sweep.Id;

    public Task<SweepRecord> Completion => _completion.Task;

    public Task Loop { get; set; } = Task.CompletedTask;

    public void RequestStop()
    {
        _stopRequested = true;
        _wake.Set();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Any execution of this pipeline that ends may free a slot; checking the store decides whether it did.
        using var subscription = runner.Hub.Subscribe(null, e =>
        {
            if (e is ExecutionChanged { Execution: var execution } && execution.Status.IsFinished() && execution.PipelineName == _sweep.PipelineName)
            {
                _wake.Set();
            }

            return ValueTask.CompletedTask;
        });

        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    if (await AdvanceAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A store that failed once may work on the next pass; the sweep must not die with it.
                    runner.ReportError($"Sweep {SweepId} could not advance; it tries again.", ex);
                }

                await _wake.WaitAsync(runner.Options.PollInterval, runner.Time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            _completion.TrySetCanceled(cancellationToken);
            throw;
        }
    }

    /// <summary>One pass: settle finished members, stop or fill slots, and end the sweep when nothing is left. True once ended.</summary>
    private async Task<bool> AdvanceAsync(CancellationToken cancellationToken)
    {
        await SettleFinishedAsync(cancellationToken).ConfigureAwait(false);
        if (_stopRequested && !_sweep.StopRequested)
        {
            await SaveSweepAsync(_sweep with { StopRequested = true }, cancellationToken).ConfigureAwait(false);
        }

        if (HaltNote() is null)
        {
            await FillSlotsAsync(cancellationToken).ConfigureAwait(false);
        }

        // Checked again after filling: a member the engine refused may just have failed a fail-fast sweep.
        if (HaltNote() is { } note)
        {
            await HaltAsync(note, cancellationToken).ConfigureAwait(false);
        }

        if (!_members.All(m => m.IsFinished))
        {
            return false;
        }

        var status = _members.Any(m => m.State == SweepMemberState.Failed) ? SweepStatus.Failed
            : _sweep.StopRequested || _members.Any(m => m.State is SweepMemberState.Stopped or SweepMemberState.NotStarted) ? SweepStatus.Stopped
            : SweepStatus.Completed;
        await SaveSweepAsync(_sweep with { Status = status, EndedAt = runner.Time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        _completion.TrySetResult(_sweep);
        return true;
    }

    /// <summary>Why waiting members will not start (stopped, or failed fast); null while the sweep goes on.</summary>
    private string? HaltNote()
    {
        if (_sweep.StopRequested)
        {
            return "Not started: the sweep was stopped.";
        }

        var firstFailure = _members.FirstOrDefault(m => m.State == SweepMemberState.Failed);
        return _sweep.FailFast && firstFailure is not null
            ? $"Not started: execution #{firstFailure.Index + 1} failed and the sweep fails fast."
            : null;
    }

    // The store, not the events, decides: an event missed or not yet delivered only delays this until the next pass.
    private async Task SettleFinishedAsync(CancellationToken cancellationToken)
    {
        foreach (var member in _members.Where(m => m.State == SweepMemberState.Running).ToList())
        {
            var execution = await runner.Runs.GetExecutionAsync(member.ExecutionId!, cancellationToken).ConfigureAwait(false);
            if (execution is null)
            {
                await SaveMemberAsync(member with { State = SweepMemberState.Failed, Note = "Its execution no longer exists." }, cancellationToken).ConfigureAwait(false);
            }
            else if (SweepMemberRecord.FinalStateOf(execution.Status) is { } final)
            {
                await SaveMemberAsync(member with { State = final }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task FillSlotsAsync(CancellationToken cancellationToken)
    {
        while (_members.Count(m => m.State == SweepMemberState.Running) < _sweep.Concurrency
            && _members.FirstOrDefault(m => m.State == SweepMemberState.Pending) is { } next)
        {
            var started = await StartMemberAsync(next, cancellationToken).ConfigureAwait(false);
            await SaveMemberAsync(started, cancellationToken).ConfigureAwait(false);
            if (started.State == SweepMemberState.Failed && _sweep.FailFast)
            {
                return;
            }
        }
    }

    private async Task<SweepMemberRecord> StartMemberAsync(SweepMemberRecord member, CancellationToken cancellationToken)
    {
        var request = new StartExecutionRequest(
            _sweep.PipelineName, member.Parameters, _sweep.PipelineVersion,
            DisplayName: $"{_sweep.DisplayName ?? "sweep " + _sweep.Id} #{member.Index + 1}");
        try
        {
            var execution = await runner.Backend.StartAsync(request, cancellationToken).ConfigureAwait(false);
            return member with { State = SweepMemberState.Running, ExecutionId = execution.Id };
        }
        catch (ExecutionRefusedException refused)
        {
            return member with { State = SweepMemberState.Failed, Note = "Refused: " + string.Join(" ", refused.Problems) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            runner.ReportError($"Sweep {SweepId} could not start execution #{member.Index + 1}.", ex);
            return member with { State = SweepMemberState.Failed, Note = "The execution could not be started; the studio's log has the details." };
        }
    }

    private async Task HaltAsync(string notStartedNote, CancellationToken cancellationToken)
    {
        foreach (var member in _members.Where(m => m.State == SweepMemberState.Pending).ToList())
        {
            await SaveMemberAsync(member with { State = SweepMemberState.NotStarted, Note = notStartedNote }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var member in _members.Where(m => m.State == SweepMemberState.Running && !_stopSent.Contains(m.ExecutionId!)).ToList())
        {
            _stopSent.Add(member.ExecutionId!);
            try
            {
                await runner.Backend.StopAsync(member.ExecutionId!, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // It may have ended on its own meanwhile; the next pass reads its final state from the store.
                runner.ReportError($"Sweep {SweepId} could not stop execution {member.ExecutionId}.", ex);
            }
        }
    }

    private async Task SaveMemberAsync(SweepMemberRecord member, CancellationToken cancellationToken)
    {
        await runner.Store.SaveMemberAsync(member, cancellationToken).ConfigureAwait(false);
        _members[member.Index] = member;
        runner.Notify(SweepId);
    }

    private async Task SaveSweepAsync(SweepRecord sweep, CancellationToken cancellationToken)
    {
        await runner.Store.SaveAsync(sweep, cancellationToken).ConfigureAwait(false);
        _sweep = sweep;
        runner.Notify(SweepId);
    }
}
