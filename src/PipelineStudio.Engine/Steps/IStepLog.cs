namespace PipelineStudio.Engine.Steps;

/// <summary>The log of one step attempt: a file on disk, with each line also announced as a run event.</summary>
public interface IStepLog
{
    /// <summary>Appends a line (thread-safe: stdout and stderr readers may write concurrently).</summary>
    void Write(string line);

    /// <summary>
    /// A line about the attempt rather than from it (when it started, how long it took, a condition's outcome):
    /// kept only next to the attempt's own output. An attempt that writes nothing else leaves no log at all, since
    /// the same facts are in its stored attempt record and step metadata.
    /// </summary>
    void Note(string line) => Write(line);

    /// <summary>The log file's path (the file exists only once a line was written).</summary>
    string Path { get; }

    /// <summary>The last <paramref name="lines"/> lines written, oldest first.</summary>
    IReadOnlyList<string> Tail(int lines);
}
