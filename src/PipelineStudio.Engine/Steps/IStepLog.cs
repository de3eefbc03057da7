namespace PipelineStudio.Engine.Steps;

/// <summary>The log of one step attempt: a file on disk, with each line also announced as a run event.</summary>
public interface IStepLog
{
    /// <summary>Appends a line (thread-safe: stdout and stderr readers may write concurrently).</summary>
    void Write(string line);

    /// <summary>The log file's path.</summary>
    string Path { get; }

    /// <summary>The last <paramref name="lines"/> lines written, oldest first.</summary>
    IReadOnlyList<string> Tail(int lines);
}
