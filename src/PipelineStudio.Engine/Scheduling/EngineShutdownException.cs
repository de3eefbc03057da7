namespace PipelineStudio.Engine.Scheduling;

/// <summary>
/// Raised by the state publisher once the engine is shutting down: nothing more is stored, so the database keeps the
/// state the next start resumes from (as after a crash, but with the interrupted attempts closed cleanly).
/// </summary>
public sealed class EngineShutdownException() : Exception("The engine is shutting down; the run state is no longer changed.");
