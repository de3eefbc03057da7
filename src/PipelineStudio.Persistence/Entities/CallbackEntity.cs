namespace PipelineStudio.Persistence.Entities;

/// <summary>A Callback step's token and the answer to it (see <see cref="Core.Abstractions.ICallbackStore"/>).</summary>
public sealed class CallbackEntity
{
    public required string Token { get; set; }

    public required string ExecutionId { get; set; }

    public required string StepName { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool? Succeeded { get; set; }

    /// <summary>The answer's output parameters as a JSON object of strings.</summary>
    public string? OutputParametersJson { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>When the step stopped waiting on the token (answer taken up, or the step was stopped).</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
