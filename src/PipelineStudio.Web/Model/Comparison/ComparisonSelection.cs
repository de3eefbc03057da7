namespace PipelineStudio.Web.Model.Comparison;

/// <summary>
/// Which executions a comparison shows, as the address carries them: <c>/compare?executions=a,b,c</c>. Blank and
/// repeated ids are dropped; beyond <see cref="MaxExecutions"/> the rest are left out (and said so), since more
/// columns than that stop being readable.
/// </summary>
public sealed record ComparisonSelection(IReadOnlyList<string> Ids, IReadOnlyList<string> LeftOut)
{
    public const int MinExecutions = 2;
    public const int MaxExecutions = 10;
    public const string Path = "/compare";

    public static ComparisonSelection Parse(string? executions)
    {
        var ids = (executions ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        return new ComparisonSelection(ids.Take(MaxExecutions).ToList(), ids.Skip(MaxExecutions).ToList());
    }

    /// <summary>The page address comparing these executions, in this order.</summary>
    public static string Href(IEnumerable<string> executionIds) =>
        $"{Path}?executions={string.Join(',', executionIds.Select(Uri.EscapeDataString))}";
}
