using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Model;

/// <summary>
/// The log of one attempt as the step drawer shows it, followed like <c>tail -f</c>: each refresh reads only what
/// the engine appended since the last one (LogLineAppended events say when), so nothing is shown twice or lost.
/// Only the newest <see cref="MaxLines"/> lines are kept; the full log stays one link away.
/// </summary>
public sealed class StepLogTail(StepLogReader reader, string executionId, string stepName, int attempt)
{
    public const int MaxLines = 5000;

    /// <summary>Lines are drawn in blocks of this many; a block that is full never changes, so re-renders only touch the last one.</summary>
    public const int BlockSize = 200;

    private const int MaxReadBytes = 2 * 1024 * 1024;
    private readonly List<string> _lines = [];
    private long _offset;
    private bool _partialLine;

    public string ExecutionId { get; } = executionId;

    public string StepName { get; } = stepName;

    public int Attempt { get; } = attempt;

    /// <summary>Whether a read happened yet.</summary>
    public bool Loaded { get; private set; }

    /// <summary>Whether the log file exists (a step that has not started its attempt has none yet).</summary>
    public bool Exists { get; private set; }

    /// <summary>Whether older lines were left out (the log is longer than what is kept on screen).</summary>
    public bool Truncated { get; private set; }

    /// <summary>The absolute number of the first kept line (0-based), always a multiple of <see cref="BlockSize"/> after trimming.</summary>
    public int FirstLineNumber { get; private set; }

    public IReadOnlyList<string> Lines => _lines;

    public bool Matches(LogLineAppended line) =>
        line.ExecutionId == ExecutionId && line.StepName == StepName && line.Attempt == Attempt;

    /// <summary>
    /// Reads what is new. While the attempt runs only whole lines are taken (the engine may be mid-line);
    /// once it ended the rest is taken too.
    /// </summary>
    public async Task RefreshAsync(bool attemptRunning, CancellationToken cancellationToken = default)
    {
        var chunk = await reader.ReadFromAsync(ExecutionId, StepName, Attempt, _offset, MaxReadBytes, wholeLinesOnly: attemptRunning, cancellationToken);
        Loaded = true;
        if (chunk is null)
        {
            return;
        }

        Exists = true;
        if (chunk.SkippedStart)
        {
            // The gap makes the kept lines meaningless as a prefix: start over from what was read.
            Truncated = true;
            _lines.Clear();
            _partialLine = false;
            FirstLineNumber = 0;
        }

        _offset = chunk.NextOffset;
        Append(chunk.Text);
        Trim();
    }

    private void Append(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var parts = text.Split('\n');
        var first = 0;
        if (_partialLine && _lines.Count > 0)
        {
            _lines[^1] += parts[0].TrimEnd('\r');
            first = 1;
        }

        // Text ending in '\n' splits into a last empty part, which is no line.
        var endsWithNewline = text.EndsWith('\n');
        var last = endsWithNewline ? parts.Length - 1 : parts.Length;
        for (var i = first; i < last; i++)
        {
            _lines.Add(parts[i].TrimEnd('\r'));
        }

        _partialLine = !endsWithNewline;
    }

    private void Trim()
    {
        if (_lines.Count <= MaxLines)
        {
            return;
        }

        var drop = (_lines.Count - MaxLines + BlockSize - 1) / BlockSize * BlockSize;
        _lines.RemoveRange(0, drop);
        FirstLineNumber += drop;
        Truncated = true;
    }
}
