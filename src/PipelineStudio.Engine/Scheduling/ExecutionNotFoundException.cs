namespace PipelineStudio.Engine.Scheduling;

/// <summary>Raised by Stop, Retry and CompleteCallback when the execution or callback token is unknown.</summary>
public sealed class ExecutionNotFoundException(string message) : Exception(message);
