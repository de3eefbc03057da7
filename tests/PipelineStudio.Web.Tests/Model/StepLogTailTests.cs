using System.Text;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Tests.Model;

public sealed class StepLogTailTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("pipelinestudio-tail-").FullName;
    private readonly StepLogReader _reader;

    public StepLogTailTests() => _reader = new StepLogReader(new EngineOptions { DataDirectory = _data });

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task RefreshAsync_LogGrowing_ShowsEveryLineOnceInOrder()
    {
        var tail = new StepLogTail(_reader, "e", "S", 1);
        await tail.RefreshAsync(attemptRunning: true);
        Assert.True(tail.Loaded);
        Assert.False(tail.Exists);

        Append("a\nb\nhal");
        await tail.RefreshAsync(attemptRunning: true);
        Append("f\nc\n");
        await tail.RefreshAsync(attemptRunning: true);
        Append("last without newline");
        await tail.RefreshAsync(attemptRunning: false);

        Assert.Equal(["a", "b", "half", "c", "last without newline"], tail.Lines);
        Assert.False(tail.Truncated);
    }

    [Fact]
    public async Task RefreshAsync_MoreThanKept_DropsWholeOldBlocks()
    {
        var tail = new StepLogTail(_reader, "e", "S", 1);
        var total = StepLogTail.MaxLines + 250;
        Append(string.Concat(Enumerable.Range(0, total).Select(i => $"{i}\n")));

        await tail.RefreshAsync(attemptRunning: false);

        Assert.True(tail.Truncated);
        Assert.Equal(0, tail.FirstLineNumber % StepLogTail.BlockSize);
        Assert.InRange(tail.Lines.Count, StepLogTail.MaxLines - StepLogTail.BlockSize, StepLogTail.MaxLines);
        Assert.Equal($"{total - 1}", tail.Lines[^1]);
        Assert.Equal($"{tail.FirstLineNumber}", tail.Lines[0]);
    }

    private void Append(string text)
    {
        var path = _reader.PathFor("e", "S", 1);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, text, new UTF8Encoding(false));
    }
}
