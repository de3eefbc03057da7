using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public class JsonTextDiffTests
{
    private static string Lines(int from, int to) => string.Join("\n", Enumerable.Range(from, to - from + 1).Select(i => $"line {i}"));

    [Fact]
    public void Build_OneChangedLineInTheMiddle_FoldsBothSidesBeyondTheContext()
    {
        var older = Lines(1, 20);
        var newer = older.Replace("line 10", "line ten", StringComparison.Ordinal);

        var diff = JsonTextDiff.Build(older, newer);

        Assert.Equal(DiffLineKind.Folded, diff[0].Kind);
        Assert.Equal(6, diff[0].FoldedCount);
        Assert.Equal(["line 7", "line 8", "line 9"], diff.Skip(1).Take(3).Select(l => l.Text));
        Assert.Equal((DiffLineKind.Removed, 10, (int?)null, "line 10"), (diff[4].Kind, diff[4].OldNumber, diff[4].NewNumber, diff[4].Text));
        Assert.Equal((DiffLineKind.Added, (int?)null, 10, "line ten"), (diff[5].Kind, diff[5].OldNumber, diff[5].NewNumber, diff[5].Text));
        Assert.Equal(DiffLineKind.Folded, diff[^1].Kind);
        Assert.Equal(7, diff[^1].FoldedCount);
    }

    [Fact]
    public void Build_InsertedLines_ShiftOnlyTheNewNumbers()
    {
        var diff = JsonTextDiff.Build("a\nb\nc", "a\nx\ny\nb\nc", context: 10);

        Assert.Equal(
            [(DiffLineKind.Unchanged, 1, 1), (DiffLineKind.Added, null, 2), (DiffLineKind.Added, null, 3), (DiffLineKind.Unchanged, 2, 4), (DiffLineKind.Unchanged, 3, 5)],
            diff.Select(l => (l.Kind, l.OldNumber, l.NewNumber)));
    }

    [Fact]
    public void Build_ShortUnchangedRun_IsNotFolded()
    {
        var diff = JsonTextDiff.Build("a\nb\nc\nd", "A\nb\nc\nD", context: 1);

        Assert.DoesNotContain(diff, l => l.Kind == DiffLineKind.Folded);
    }

    [Fact]
    public void Build_IdenticalTexts_AreOneFold()
    {
        var diff = JsonTextDiff.Build(Lines(1, 5), Lines(1, 5));

        Assert.Equal(5, Assert.Single(diff).FoldedCount);
    }
}
