using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>Labels and CSS modifiers of the comparison's classes; the colours live in CSS (theme-aware).</summary>
public static class UpstreamChangeStyles
{
    public static string LabelOf(UpstreamChange change) => change switch
    {
        UpstreamChange.Differs => "Differs",
        UpstreamChange.OnlyInA => "Only in A",
        UpstreamChange.OnlyInB => "Only in B",
        _ => "Same",
    };

    public static string ModifierOf(UpstreamChange change) => change switch
    {
        UpstreamChange.Differs => "differs",
        UpstreamChange.OnlyInA => "only-a",
        UpstreamChange.OnlyInB => "only-b",
        _ => "same",
    };

    /// <summary>Section titles for artifact types, in the comparison's order.</summary>
    public static string SectionOf(string type) => type switch
    {
        LineageTypes.Code => "Code",
        LineageTypes.DataSet => "Data sets",
        LineageTypes.Model => "Models",
        LineageTypes.Image => "Images",
        LineageTypes.Report => "Reports",
        _ => "Other artifacts",
    };
}
