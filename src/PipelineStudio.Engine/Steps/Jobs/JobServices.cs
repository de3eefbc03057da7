using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>What a local job needs from the engine, kept apart from the step contract so jobs can run inside a tuning job too.</summary>
/// <param name="Log">Receives every line for the step's log (job output and the engine's own notes).</param>
public sealed record JobServices(
    IArtifactStore Artifacts,
    IProcessRuntime Runtime,
    ImageCommandMap Images,
    TimeProvider Time,
    Action<string> Log)
{
    /// <summary>Prefix of the lines the engine itself writes into a job's log, so they stand apart from the job's output.</summary>
    public const string NotePrefix = "[pipelinestudio] ";

    public void Note(string message) => Log(NotePrefix + message);
}
