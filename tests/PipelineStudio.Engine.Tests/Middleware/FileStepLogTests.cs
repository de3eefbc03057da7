using PipelineStudio.Engine.Middleware;
using PipelineStudio.Engine.Tests.Artifacts;

namespace PipelineStudio.Engine.Tests.Middleware;

public sealed class FileStepLogTests
{
    [Fact]
    public void Log_OnlyNotes_CreatesNoFileOrFolder()
    {
        using var temp = new TempDirectory();
        var path = FileStepLog.PathFor(temp.Path, "x1", "Check", 1);
        var announced = new List<string>();

        using (var log = new FileStepLog(path, announced.Add))
        {
            log.Note("started");
            log.Note("ended");
            Assert.False(log.HasOutput);
        }

        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        Assert.Empty(announced);
    }

    [Fact]
    public void Log_NotesThenALine_WritesAndAnnouncesTheNotesFirstInOrder()
    {
        using var temp = new TempDirectory();
        var path = FileStepLog.PathFor(temp.Path, "x1", "Train", 2);
        var announced = new List<string>();
        using var log = new FileStepLog(path, announced.Add);

        log.Note("started");
        log.Note("pulled image");
        log.Write("epoch 1");
        log.Note("ended");

        // Flushed line by line: another reader sees every line while the attempt still runs.
        Assert.Equal(["started", "pulled image", "epoch 1", "ended"], ReadShared(path));
        Assert.Equal(["started", "pulled image", "epoch 1", "ended"], announced);
        Assert.Equal(["epoch 1", "ended"], log.Tail(2));
        Assert.True(log.HasOutput);
    }

    [Fact]
    public void Log_WriteAfterDispose_IsIgnored()
    {
        using var temp = new TempDirectory();
        var path = FileStepLog.PathFor(temp.Path, "x1", "Late", 1);
        var log = new FileStepLog(path);
        log.Dispose();

        log.Write("too late");

        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("Train", "Train")]
    [InlineData("a/b", "a_b")]
    [InlineData("..", "__")]
    [InlineData("v1.2", "v1.2")]
    public void PathFor_StepName_BecomesASafeFolderName(string step, string folder)
    {
        var path = FileStepLog.PathFor("/data", "x1", step, 3);

        Assert.Equal(Path.Combine("/data", "logs", "x1", folder, "3.log"), path);
    }

    [Fact]
    public void Log_ForAnAttempt_WritesWherePathForSays()
    {
        using var temp = new TempDirectory();
        using (var log = new FileStepLog(temp.Path, "x1", "Train", 2))
        {
            log.Write("hello");
        }

        Assert.Equal(["hello"], File.ReadAllLines(FileStepLog.PathFor(temp.Path, "x1", "Train", 2)));
    }

    private static List<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
