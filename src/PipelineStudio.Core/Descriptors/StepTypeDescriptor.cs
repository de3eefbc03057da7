namespace PipelineStudio.Core.Descriptors;

/// <summary>Where in an ML workflow a step type belongs; the designer groups its palette by it.</summary>
public enum StepStage
{
    Data,
    Training,
    Evaluation,
    Deployment,
    ControlFlow,
    Integration,
}

/// <summary>What the studio knows about one step <c>Type</c> (reference §3).</summary>
/// <param name="Type">The <c>Type</c> string as written in definitions.</param>
/// <param name="DisplayName">A short name for palettes and headers.</param>
/// <param name="Stage">The palette group.</param>
/// <param name="Summary">One sentence saying what the step does.</param>
/// <param name="Cacheable">Whether a <c>CacheConfig</c> is honoured (by SageMaker or the SDK).</param>
/// <param name="Retryable">Whether <c>RetryPolicies</c> are accepted.</param>
/// <param name="RunsLocally">Whether the SDK's local mode runs it (and so the studio's local engine aims to).</param>
public sealed record StepTypeDescriptor(
    string Type, string DisplayName, StepStage Stage, string Summary, bool Cacheable, bool Retryable, bool RunsLocally);
