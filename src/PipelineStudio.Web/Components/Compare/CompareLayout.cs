namespace PipelineStudio.Web.Components.Compare;

/// <summary>Shared sizes of the comparison tables, so their columns line up (see ComparePage.razor.css).</summary>
public static class CompareLayout
{
    private const int NameColumnPx = 240;
    private const int ExecutionColumnPx = 150;

    /// <summary>Below this width the table scrolls sideways instead of squeezing ten executions into slivers.</summary>
    public static string TableStyle(int executions) => $"min-width: {NameColumnPx + (executions * ExecutionColumnPx)}px";
}
