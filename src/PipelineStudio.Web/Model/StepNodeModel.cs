using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using PipelineStudio.Core.Descriptors;

namespace PipelineStudio.Web.Model;

/// <summary>
/// A step drawn in the pipeline graph. It has no ports on purpose: the graph is read-only, and a
/// node without ports offers nothing to drag a new link from.
/// </summary>
public sealed class StepNodeModel(string stepName, string? stepType, string label, Point position)
    : NodeModel(stepName, position)
{
    /// <summary>The node's size in diagram units; StepNodeWidget.razor.css draws it at exactly this size.</summary>
    public const double Width = 240;

    /// <inheritdoc cref="Width"/>
    public const double Height = 64;

    public string StepName { get; } = stepName;

    public string? StepType { get; } = stepType;

    /// <summary>DisplayName when the step has one, else its name.</summary>
    public string Label { get; } = label;

    public StepTypeStyle Style { get; } = StepTypeIcons.For(stepType);

    /// <summary>The catalog's name for the type ("Register model"), or the raw type when the studio does not know it.</summary>
    public string TypeDisplayName { get; } = StepTypeCatalog.Find(stepType)?.DisplayName ?? stepType ?? "no type";

    public int ErrorCount { get; init; }

    public int WarningCount { get; init; }

    /// <summary>Whether this node is the one whose details are open; drives the highlight.</summary>
    public bool IsFocused { get; set; }

    /// <summary>The step's state in the execution shown (status, attempts, cache hit); null on a plain pipeline graph.</summary>
    public StepRunState? RunState { get; set; }
}
