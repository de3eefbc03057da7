using System.Text;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Tests.Services;

public sealed class StepLogReaderTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("pipelinestudio-logs-").FullName;
    private readonly StepLogReader _reader;

    public StepLogReaderTests() => _reader = new StepLogReader(new EngineOptions { DataDirectory = _data });

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task ReadFromAsync_WholeLinesOnly_StopsBeforeTheLineBeingWrittenAndContinuesThere()
    {
        Write("one\ntwo\nthr");

        var first = await _reader.ReadFromAsync("e", "S", 1, 0, 1024, wholeLinesOnly: true);
        Append("ee\n");
        var second = await _reader.ReadFromAsync("e", "S", 1, first!.NextOffset, 1024, wholeLinesOnly: true);

        Assert.Equal("one\ntwo\n", first.Text);
        Assert.Equal("three\n", second!.Text);
        Assert.False(second.SkippedStart);
    }

    [Fact]
    public async Task ReadFromAsync_LongerThanAllowed_KeepsTheNewestWholeLines()
    {
        Write(string.Concat(Enumerable.Range(1, 100).Select(i => $"line {i:000}\n")));

        var chunk = await _reader.ReadFromAsync("e", "S", 1, 0, 30, wholeLinesOnly: true);

        Assert.True(chunk!.SkippedStart);
        Assert.Equal("line 098\nline 099\nline 100\n", chunk.Text);
    }

    [Fact]
    public async Task ReadFromAsync_MultiByteCharacters_AreNeverSplit()
    {
        Write("héllo wörld ✓\npartial ✓");

        var chunk = await _reader.ReadFromAsync("e", "S", 1, 0, 1024, wholeLinesOnly: true);

        Assert.Equal("héllo wörld ✓\n", chunk!.Text);
        Assert.Equal(Encoding.UTF8.GetByteCount("héllo wörld ✓\n"), chunk.NextOffset);
    }

    [Fact]
    public async Task Read_NoLogFile_IsNull()
    {
        Assert.Null(await _reader.ReadAllAsync("e", "S", 3));
        Assert.Null(await _reader.ReadFromAsync("e", "S", 3, 0, 1024, wholeLinesOnly: false));
    }

    private void Write(string text)
    {
        var path = _reader.PathFor("e", "S", 1);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private void Append(string text) => File.AppendAllText(_reader.PathFor("e", "S", 1), text, new UTF8Encoding(false));
}
