namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>The last lines a job wrote, for its failure reason; thread-safe because stdout and stderr both feed it.</summary>
public sealed class LogTail
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;
    private readonly Lock _gate = new();

    public LogTail(int capacity = 10)
    {
        _capacity = capacity;
    }

    public void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == _capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }
}
