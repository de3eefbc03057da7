namespace PipelineStudio.Engine.Runtime;

/// <summary>What to run: a program (a path, or a name looked up on PATH), its arguments, extra environment and folder.</summary>
/// <param name="Environment">Variables added to (or overriding) the studio's own environment.</param>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory);

/// <summary>How a process ended.</summary>
/// <param name="ExitCode">The exit code; 128 + N when signal N ended it (the shell convention, which .NET follows).</param>
/// <param name="KilledBySignal">True when the code means a signal ended the process (129..192).</param>
public sealed record ProcessOutcome(int ExitCode, bool KilledBySignal)
{
    /// <summary>The signal number when <see cref="KilledBySignal"/>, else null.</summary>
    public int? Signal => KilledBySignal ? ExitCode - 128 : null;

    public bool Succeeded => ExitCode == 0;

    public static ProcessOutcome FromExitCode(int exitCode) => new(exitCode, exitCode is > 128 and <= 128 + 64);
}

/// <summary>A process that could not be started (missing program, not executable, bad working folder).</summary>
public sealed class ProcessStartException : Exception
{
    public ProcessStartException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>Runs processes; the seam that lets executors be tested with a fake.</summary>
public interface IProcessRuntime
{
    /// <summary>
    /// Runs the process to its end, handing every stdout and stderr line to <paramref name="onLine"/> as it comes
    /// (one call at a time). Cancellation kills the whole process tree and then throws
    /// <see cref="OperationCanceledException"/>; a process that cannot start throws <see cref="ProcessStartException"/>.
    /// </summary>
    Task<ProcessOutcome> RunAsync(ProcessSpec spec, Action<string> onLine, CancellationToken cancellationToken);
}
