using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>Association types as CSS modifiers and legend labels (the diagram and the SVG export share them).</summary>
public static class LineageEdgeStyles
{
    public static string ModifierOf(string type) => type switch
    {
        AssociationTypes.ContributedTo => "contributed-to",
        AssociationTypes.Produced => "produced",
        AssociationTypes.DerivedFrom => "derived-from",
        AssociationTypes.AssociatedWith => "associated-with",
        AssociationTypes.SameAs => "same-as",
        _ => "other",
    };

    /// <summary>Every modifier <see cref="ModifierOf"/> gives, in drawing order (later ones on top).</summary>
    public static IReadOnlyList<string> DrawingOrder { get; } = ["associated-with", "same-as", "other", "derived-from", "contributed-to", "produced"];

    /// <summary>Stroke colour and dash for the SVG export, matching studio.css.</summary>
    public static (string Stroke, string? Dash) SvgStrokeOf(string type) => type switch
    {
        AssociationTypes.ContributedTo => ("#1e88e5", null),
        AssociationTypes.Produced => ("#43a047", null),
        AssociationTypes.DerivedFrom => ("#8e24aa", "6 4"),
        AssociationTypes.AssociatedWith => ("#9e9e9e", "2 4"),
        _ => ("#9e9e9e", "4 4"),
    };
}
