using System.Buffers;
using System.Text;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// One attempt's log: <c>&lt;data&gt;/logs/&lt;exec&gt;/&lt;step&gt;/&lt;attempt&gt;.log</c>, flushed line by line so a crash
/// keeps what was written; every line is also announced as a LogLineAppended event.
/// </summary>
/// <remarks>
/// The file (and its folder) is created with the first written line, not before: creating a file is most of what a
/// log costs a short in-process step, and an attempt with nothing to say needs none. A missing log file therefore
/// means "no output". Notes (<see cref="IStepLog.Note"/>) wait in memory, unannounced, until a real line comes;
/// they are then written and announced ahead of it, in order.
/// </remarks>
public sealed class FileStepLog : IStepLog, IDisposable
{
    private const int TailCapacity = 500;
    private static readonly SearchValues<char> InvalidNameChars = SearchValues.Create(System.IO.Path.GetInvalidFileNameChars());
    private readonly Lock _gate = new();
    private readonly Queue<string> _tail = new();
    private readonly List<string> _notes = [];
    private readonly Action<string>? _announce;
    private readonly (string DataDirectory, string ExecutionId, string StepName, int Attempt) _attempt;
    private string? _path;
    private StreamWriter? _writer;
    private bool _disposed;

    public FileStepLog(string path, Action<string>? announce = null)
    {
        _path = path;
        _announce = announce;
        _attempt = (string.Empty, string.Empty, string.Empty, 0);
    }

    /// <summary>The log of one attempt, at <see cref="PathFor"/> (worked out when first needed).</summary>
    public FileStepLog(string dataDirectory, string executionId, string stepName, int attempt, Action<string>? announce = null)
    {
        _announce = announce;
        _attempt = (dataDirectory, executionId, stepName, attempt);
    }

    public string Path => _path ??= PathFor(_attempt.DataDirectory, _attempt.ExecutionId, _attempt.StepName, _attempt.Attempt);

    /// <summary>Whether the file has been created (a line was written).</summary>
    public bool HasOutput
    {
        get
        {
            lock (_gate)
            {
                return _writer is not null;
            }
        }
    }

    /// <summary>The log path of one attempt; names are reduced to safe file names.</summary>
    public static string PathFor(string dataDirectory, string executionId, string stepName, int attempt) =>
        System.IO.Path.Combine(dataDirectory, "logs", SafeName(executionId), SafeName(stepName), $"{attempt}.log");

    public void Write(string line)
    {
        List<string>? released = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_writer is null)
            {
                _writer = Open(Path);
                if (_notes.Count > 0)
                {
                    released = [.. _notes];
                    _notes.Clear();
                    foreach (var note in released)
                    {
                        Append(_writer, note);
                    }
                }
            }

            Append(_writer, line);
            _writer.Flush();
        }

        if (_announce is { } announce)
        {
            foreach (var note in released ?? [])
            {
                announce(note);
            }

            announce(line);
        }
    }

    public void Note(string line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_writer is null)
            {
                _notes.Add(line);
                return;
            }
        }

        Write(line);
    }

    public IReadOnlyList<string> Tail(int lines)
    {
        lock (_gate)
        {
            return _tail.Skip(Math.Max(0, _tail.Count - lines)).ToList();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _writer?.Dispose();
            }
        }
    }

    private void Append(StreamWriter writer, string line)
    {
        writer.WriteLine(line);
        _tail.Enqueue(line);
        if (_tail.Count > TailCapacity)
        {
            _tail.Dequeue();
        }
    }

    private static StreamWriter Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false));
    }

    private static string SafeName(string name)
    {
        if (name.Length > 0 && !name.AsSpan().ContainsAny(InvalidNameChars) && name.AsSpan().ContainsAnyExcept('.'))
        {
            return name;
        }

        var invalid = System.IO.Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c == '.' && name.Trim('.').Length == 0 ? '_' : c).ToArray());
        return safe.Length == 0 ? "_" : safe;
    }
}
