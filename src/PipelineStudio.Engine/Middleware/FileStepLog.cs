using System.Text;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// One attempt's log: <c>&lt;data&gt;/logs/&lt;exec&gt;/&lt;step&gt;/&lt;attempt&gt;.log</c>, flushed line by line so a crash
/// keeps what was written; every line is also announced as a LogLineAppended event.
/// </summary>
public sealed class FileStepLog : IStepLog, IDisposable
{
    private const int TailCapacity = 500;
    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly Queue<string> _tail = new();
    private readonly Action<string>? _announce;
    private bool _disposed;

    public FileStepLog(string path, Action<string>? announce = null)
    {
        Path = path;
        _announce = announce;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false))
        {
            AutoFlush = true,
        };
    }

    public string Path { get; }

    /// <summary>The log path of one attempt; names are reduced to safe file names.</summary>
    public static string PathFor(string dataDirectory, string executionId, string stepName, int attempt) =>
        System.IO.Path.Combine(dataDirectory, "logs", SafeName(executionId), SafeName(stepName), $"{attempt}.log");

    public void Write(string line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _writer.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailCapacity)
            {
                _tail.Dequeue();
            }
        }

        _announce?.Invoke(line);
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
                _writer.Dispose();
            }
        }
    }

    private static string SafeName(string name)
    {
        var invalid = System.IO.Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || c == '.' && name.Trim('.').Length == 0 ? '_' : c).ToArray());
        return safe.Length == 0 ? "_" : safe;
    }
}
