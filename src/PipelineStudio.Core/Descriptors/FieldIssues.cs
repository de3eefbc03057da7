namespace PipelineStudio.Core.Descriptors;

/// <summary>Pins validation issues to the field they are about, by JSON path.</summary>
public static class FieldIssues
{
    /// <summary>
    /// The path of the field an issue at <paramref name="issuePath"/> belongs to: the field whose path
    /// is the longest prefix of the issue's path below the step (so <c>$.Steps[0].Arguments.ProcessingInputs[1].S3Input.S3Uri</c>
    /// lands on <c>Arguments.ProcessingInputs</c>). Null when no field matches; the panel then shows the issue at the top.
    /// </summary>
    public static string? MatchField(IEnumerable<FieldDescriptor> fields, string stepJsonPath, string issuePath)
    {
        if (!issuePath.StartsWith(stepJsonPath + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var relative = issuePath[(stepJsonPath.Length + 1)..];
        string? best = null;
        foreach (var field in fields)
        {
            var path = field.Path;
            var covers = relative == path ||
                (relative.Length > path.Length && relative.StartsWith(path, StringComparison.Ordinal) && relative[path.Length] is '.' or '[');
            if (covers && (best is null || path.Length > best.Length))
            {
                best = path;
            }
        }

        return best;
    }
}
