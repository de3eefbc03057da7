using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>
/// One lineage node in the diagram. No ports, and a size given up front (<see cref="NodeModel.ControlledSize"/>), so
/// drawing 2,000 of them costs no per-node or per-port measuring calls into the browser.
/// </summary>
public sealed class LineageNodeModel : NodeModel
{
    public LineageNodeModel(LineageViewNode view)
        : base(view.Id, new Point(view.X, view.Y))
    {
        View = view;
        Size = new Size(LineageView.NodeWidth, LineageView.NodeHeight);
        ControlledSize = true;
        Locked = true;
    }

    public LineageViewNode View { get; }

    public bool IsRoot { get; set; }

    public bool IsSelected { get; set; }

    public bool IsOnPath { get; set; }

    public bool IsExpanded { get; set; }

    /// <summary>Sets the highlight flags; true when any changed, so only those nodes are redrawn.</summary>
    public bool Mark(bool root, bool selected, bool onPath, bool expanded)
    {
        var changed = IsRoot != root || IsSelected != selected || IsOnPath != onPath || IsExpanded != expanded;
        (IsRoot, IsSelected, IsOnPath, IsExpanded) = (root, selected, onPath, expanded);
        return changed;
    }
}
