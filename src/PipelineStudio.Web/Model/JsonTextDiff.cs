using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Web.Model;

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,

    /// <summary>A run of unchanged lines folded away; <see cref="DiffLine.Text"/> says how many.</summary>
    Folded,
}

/// <summary>One line of a unified diff, with its 1-based number in the older and the newer text.</summary>
public sealed record DiffLine(DiffLineKind Kind, int? OldNumber, int? NewNumber, string Text, int FoldedCount = 0);

/// <summary>
/// A unified line diff of two definitions (DiffPlex), both written in the studio's indented form first so that
/// formatting differences between stored versions never show as changes. Unchanged runs longer than twice the
/// context are folded.
/// </summary>
public static class JsonTextDiff
{
    public const int ContextLines = 3;

    public static IReadOnlyList<DiffLine> Build(PipelineDefinition older, PipelineDefinition newer, int context = ContextLines) =>
        Build(older.ToJson(), newer.ToJson(), context);

    public static IReadOnlyList<DiffLine> Build(string olderText, string newerText, int context = ContextLines)
    {
        var model = InlineDiffBuilder.Diff(olderText, newerText, ignoreWhiteSpace: false);
        var lines = new List<DiffLine>(model.Lines.Count);
        int oldNumber = 0, newNumber = 0;
        foreach (var piece in model.Lines)
        {
            switch (piece.Type)
            {
                case ChangeType.Deleted:
                    lines.Add(new DiffLine(DiffLineKind.Removed, ++oldNumber, null, piece.Text ?? ""));
                    break;
                case ChangeType.Inserted:
                    lines.Add(new DiffLine(DiffLineKind.Added, null, ++newNumber, piece.Text ?? ""));
                    break;
                default:
                    lines.Add(new DiffLine(DiffLineKind.Unchanged, ++oldNumber, ++newNumber, piece.Text ?? ""));
                    break;
            }
        }

        return Fold(lines, context);
    }

    private static List<DiffLine> Fold(List<DiffLine> lines, int context)
    {
        var result = new List<DiffLine>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Kind != DiffLineKind.Unchanged)
            {
                result.Add(lines[i++]);
                continue;
            }

            var start = i;
            while (i < lines.Count && lines[i].Kind == DiffLineKind.Unchanged)
            {
                i++;
            }

            // Keep context after the previous change and before the next one; fold the middle.
            var keepHead = start == 0 ? 0 : context;
            var keepTail = i == lines.Count ? 0 : context;
            var run = i - start;
            if (run <= keepHead + keepTail + 1)
            {
                result.AddRange(lines.GetRange(start, run));
                continue;
            }

            result.AddRange(lines.GetRange(start, keepHead));
            var folded = run - keepHead - keepTail;
            result.Add(new DiffLine(DiffLineKind.Folded, null, null, $"{folded} unchanged lines", folded));
            result.AddRange(lines.GetRange(i - keepTail, keepTail));
        }

        return result;
    }
}
