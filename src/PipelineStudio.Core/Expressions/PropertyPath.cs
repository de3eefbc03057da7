namespace PipelineStudio.Core.Expressions;

public enum SegmentKind
{
    /// <summary><c>.Name</c></summary>
    Member,

    /// <summary><c>[0]</c></summary>
    Index,

    /// <summary><c>['key']</c>: a map key, or the name of an item in a list of named items.</summary>
    Key,
}

public readonly record struct PathSegment(SegmentKind Kind, string Value);

/// <summary>Parses property paths such as <c>ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri</c>.</summary>
public static class PropertyPath
{
    /// <summary>Splits a path into segments; null when the path is not well formed.</summary>
    public static IReadOnlyList<PathSegment>? Parse(string path)
    {
        var segments = new List<PathSegment>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                i++;
            }

            if (i >= path.Length)
            {
                return null;
            }

            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    return null;
                }

                var inner = path[(i + 1)..close];
                if (inner.Length >= 2 && (inner[0] is '\'' or '"') && inner[^1] == inner[0])
                {
                    segments.Add(new PathSegment(SegmentKind.Key, inner[1..^1]));
                }
                else if (int.TryParse(inner, out var index) && index >= 0)
                {
                    segments.Add(new PathSegment(SegmentKind.Index, inner));
                }
                else
                {
                    return null;
                }

                i = close + 1;
                continue;
            }

            var end = i;
            while (end < path.Length && path[end] is not ('.' or '['))
            {
                end++;
            }

            if (end == i)
            {
                return null;
            }

            segments.Add(new PathSegment(SegmentKind.Member, path[i..end]));
            i = end;
        }

        return segments;
    }
}
