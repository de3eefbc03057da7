namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// A job that failed, with a reason fit for the step's FailureReason and its <see cref="FailureKinds"/> kind:
/// an interrupted or killed job (exit code 75, EX_TEMPFAIL, or a signal) is JOB_INTERNAL_ERROR; an IO failure
/// while staging or collecting artifacts is Step.SERVICE_FAULT; a script that fails is an AlgorithmError. A job
/// that cannot be set up as written (bad URI, missing input, unknown program) has no kind: no retry mends it.
/// </summary>
public sealed class JobFailedException : Exception
{
    public JobFailedException(string? kind, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        Kind = kind;
    }

    /// <summary>A <see cref="FailureKinds"/> value, or null for a failure no retry policy matches.</summary>
    public string? Kind { get; }

    /// <summary>A job that is wrong as written: a plain, never retried failure.</summary>
    public static JobFailedException Client(string reason) => new(null, reason);
}
