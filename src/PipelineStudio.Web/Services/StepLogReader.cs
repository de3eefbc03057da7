using System.Text;
using PipelineStudio.Engine.Middleware;
using PipelineStudio.Engine.Scheduling;

namespace PipelineStudio.Web.Services;

/// <summary>What one read of a step attempt's log returned.</summary>
/// <param name="Text">The bytes read, as UTF-8 text.</param>
/// <param name="NextOffset">Where the next read continues (a byte offset into the file).</param>
/// <param name="SkippedStart">Whether the read began past the requested offset because the file was longer than allowed.</param>
public sealed record StepLogChunk(string Text, long NextOffset, bool SkippedStart);

/// <summary>
/// Reads the per-attempt log files the engine writes (<see cref="FileStepLog"/>), for the REST API and the
/// execution page alike. The engine may still be appending, so files are opened shared for writing.
/// </summary>
public sealed class StepLogReader(EngineOptions options)
{
    public string PathFor(string executionId, string stepName, int attempt) =>
        FileStepLog.PathFor(options.DataDirectory, executionId, stepName, attempt);

    /// <summary>The whole log of one attempt as it is now; null when the attempt has no log file.</summary>
    public async Task<string?> ReadAllAsync(string executionId, string stepName, int attempt, CancellationToken cancellationToken = default)
    {
        var path = PathFor(executionId, stepName, attempt);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = OpenShared(path);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// What was appended since <paramref name="offset"/>, for following a log as it grows: at most
    /// <paramref name="maxBytes"/> (the newest ones; the start is skipped to a line boundary), and with
    /// <paramref name="wholeLinesOnly"/> only up to the last complete line, so a line being written is read once, whole.
    /// Null when the attempt has no log file (yet).
    /// </summary>
    public async Task<StepLogChunk?> ReadFromAsync(
        string executionId, string stepName, int attempt, long offset, int maxBytes, bool wholeLinesOnly, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var path = PathFor(executionId, stepName, attempt);
        if (!File.Exists(path))
        {
            return null;
        }

        FileStream stream;
        try
        {
            stream = OpenShared(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            var length = stream.Length;
            var start = Math.Min(offset, length);
            var skipped = length - start > maxBytes;
            if (skipped)
            {
                start = length - maxBytes;
            }

            var buffer = new byte[length - start];
            stream.Position = start;
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);

            // Cutting at '\n' never splits a UTF-8 character: no byte of a multi-byte sequence is 0x0A.
            var from = skipped ? FirstLineStart(buffer) : 0;
            var to = wholeLinesOnly ? Array.LastIndexOf(buffer, (byte)'\n') + 1 : buffer.Length;
            if (to < from)
            {
                // Nothing complete yet past the skipped start; read this part again next time.
                return new StepLogChunk("", start + from, skipped);
            }

            return new StepLogChunk(Encoding.UTF8.GetString(buffer, from, to - from), start + to, skipped);
        }
    }

    // After a skipped start the first line is partial: begin after its end (or read nothing if it never ends).
    private static int FirstLineStart(byte[] buffer)
    {
        var newline = Array.IndexOf(buffer, (byte)'\n');
        return newline < 0 ? buffer.Length : newline + 1;
    }

    private static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
}
