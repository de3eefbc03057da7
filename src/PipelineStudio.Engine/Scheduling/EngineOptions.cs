namespace PipelineStudio.Engine.Scheduling;

/// <summary>A local stand-in for a Lambda function: a shell command (JSON on stdin, JSON on stdout) or an HTTP endpoint (POST).</summary>
public sealed class LambdaTarget
{
    /// <summary>Run with <c>/bin/sh -c</c>; receives the step's inputs as a JSON object on stdin and prints a JSON object.</summary>
    public string? Command { get; set; }

    /// <summary>Receives the inputs as the POST body and answers with a JSON object.</summary>
    public string? Url { get; set; }
}

/// <summary>Settings of the local engine, bound from the <c>Engine</c> configuration section.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Engine";

    /// <summary>How many steps run at once across all executions; 0 or less means processor count * 2.</summary>
    public int MaxParallelSteps { get; set; }

    /// <summary>Where logs and workspaces go (<c>logs/</c>, <c>work/</c>); set from <c>Studio:DataDirectory</c> when empty.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>Local Lambda functions by function name (the last segment of the ARN) or by the whole FunctionArn.</summary>
    public Dictionary<string, LambdaTarget> Lambda { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Callback settings.</summary>
    public CallbackOptions Callback { get; set; } = new();

    /// <summary>How long a local Lambda command or request may take (SageMaker's default Lambda timeout is 120 s).</summary>
    public int LambdaTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// How long an engine's claim on its executions lasts without renewal; it renews at a third of that. Another engine
    /// takes an execution over once the claim ran out (at once when the owner is a dead process on this machine).
    /// </summary>
    public int LeaseSeconds { get; set; } = 30;

    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(Math.Max(3, LeaseSeconds));

    public int EffectiveMaxParallelSteps => MaxParallelSteps > 0 ? MaxParallelSteps : Environment.ProcessorCount * 2;
}

/// <summary>Where Callback steps drop the SQS message body they would have sent.</summary>
public sealed class CallbackOptions
{
    /// <summary>A folder receiving one <c>&lt;token&gt;.json</c> per callback; none when empty.</summary>
    public string? Outbox { get; set; }
}
