using System.Globalization;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>Runs a job's process and turns how it ended into success or a <see cref="JobFailedException"/>.</summary>
public static class JobProcess
{
    /// <summary>EX_TEMPFAIL: a job that exits with it asks to be retried, like SageMaker's internal errors.</summary>
    public const int TemporaryFailureExitCode = 75;
    private const int TailLines = 10;

    /// <param name="observe">Also sees every line (e.g. to match MetricDefinitions).</param>
    /// <param name="maxRuntime">StoppingCondition.MaxRuntimeInSeconds; the job is killed and fails when it runs longer.</param>
    public static async Task RunAsync(
        JobServices services,
        ProcessSpec spec,
        Action<string>? observe,
        TimeSpan? maxRuntime,
        CancellationToken cancellationToken)
    {
        var tail = new LogTail(TailLines);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (maxRuntime is { } limit && limit > TimeSpan.Zero)
        {
            deadline.CancelAfter(limit);
        }

        services.Note($"Running {string.Join(' ', [spec.FileName, .. spec.Arguments.Select(Quote)])}");
        ProcessOutcome outcome;
        try
        {
            outcome = await services.Runtime.RunAsync(spec, line =>
            {
                services.Log(line);
                tail.Add(line);
                observe?.Invoke(line);
            }, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JobFailedException(FailureKinds.AlgorithmError,
                $"MaxRuntimeExceeded: the job ran longer than StoppingCondition.MaxRuntimeInSeconds ({maxRuntime!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s) and was stopped.{Tail(tail)}");
        }
        catch (ProcessStartException ex)
        {
            throw JobFailedException.Client(ex.Message);
        }

        if (outcome.Succeeded)
        {
            services.Note("The job's process exited with code 0.");
            return;
        }

        if (outcome.KilledBySignal)
        {
            throw new JobFailedException(FailureKinds.JobInternalError,
                $"InternalServerError: the job's process was killed by signal {outcome.Signal} (exit code {outcome.ExitCode}).{Tail(tail)}");
        }

        var kind = outcome.ExitCode == TemporaryFailureExitCode ? FailureKinds.JobInternalError : FailureKinds.AlgorithmError;
        var label = kind == FailureKinds.JobInternalError ? "InternalServerError" : "AlgorithmError";
        throw new JobFailedException(kind, $"{label}: ExitCode {outcome.ExitCode}.{Tail(tail)}");
    }

    private static string Tail(LogTail tail) =>
        tail.Lines.Count == 0 ? " The job wrote no output." : " Last log lines:\n" + string.Join('\n', tail.Lines);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "/._-=:,@+".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
