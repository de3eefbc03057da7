using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Events;
using Blazor.Diagrams.Core.Extensions;
using DiagramModel = Blazor.Diagrams.Core.Models.Base.Model;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Components.Lineage;

/// <summary>A node click, with whether Shift was held (Shift adds the node as the second end of a path).</summary>
public readonly record struct LineageNodeClick(string NodeId, bool AddToPath);

/// <summary>
/// The read-only lineage graph: zoom, pan, fit; click selects, Shift+click picks a path end, double-click expands.
/// The diagram is repopulated only when the view's nodes or edges change; selection and path changes redraw only
/// the nodes (and the edge layer) whose look changed. Nodes are added once the canvas size is known, together with the fit, so a
/// large graph is drawn once where it belongs instead of first at the origin and then moved.
/// </summary>
public sealed partial class LineageDiagram : IDisposable
{
    private const double ZoomStep = 1.25;
    private const double FitMargin = 40;
    private const double AutoFitMinimumZoom = 0.5;

    private static readonly string[] LegendTypes = [AssociationTypes.ContributedTo, AssociationTypes.Produced, AssociationTypes.DerivedFrom, AssociationTypes.AssociatedWith];

    private readonly BlazorDiagram _diagram = CreateDiagram();
    private LineageDiagramModel _model = LineageDiagramMapper.Map(LineageView.Empty);
    private LineageView? _shownView;
    private bool _fitted;
    private bool _populated;
    private Blazor.Diagrams.Core.Geometry.Rectangle? _lastContainer;

    [Parameter, EditorRequired]
    public LineageView View { get; set; } = LineageView.Empty;

    [Parameter, EditorRequired]
    public LineageViewState ViewState { get; set; } = new();

    [Parameter]
    public LineagePath Path { get; set; } = LineagePath.None;

    [Parameter]
    public EventCallback<LineageNodeClick> OnNodeClick { get; set; }

    [Parameter]
    public EventCallback<string> OnNodeDoubleClick { get; set; }

    /// <summary>The diagram behind the canvas, for tests.</summary>
    internal BlazorDiagram Diagram => _diagram;

    protected override void OnInitialized()
    {
        _diagram.PointerClick += OnPointerClick;
        _diagram.PointerDoubleClick += OnPointerDoubleClick;
        _diagram.ContainerChanged += PopulateAndFit;
        _diagram.ContainerChanged += KeepCentreOnResize;
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(View, _shownView))
        {
            // New nodes (expand, depth, filter) may land outside the view: fit again so they are seen.
            _shownView = View;
            _model = LineageDiagramMapper.Map(View);
            LineageDiagramMapper.Mark(_model, View, ViewState, Path);
            _populated = false;
            _fitted = false;
            PopulateAndFit();
            return;
        }

        foreach (var changed in LineageDiagramMapper.Mark(_model, View, ViewState, Path))
        {
            changed.Refresh();
        }
    }

    public void Dispose()
    {
        _diagram.PointerClick -= OnPointerClick;
        _diagram.PointerDoubleClick -= OnPointerDoubleClick;
        _diagram.ContainerChanged -= PopulateAndFit;
        _diagram.ContainerChanged -= KeepCentreOnResize;
    }

    private static BlazorDiagram CreateDiagram()
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = false };
        options.Zoom.Minimum = 0.05;
        options.Zoom.Maximum = 2.5;
        options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(false);
        options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(false);
        var diagram = new BlazorDiagram(options);
        diagram.UnregisterBehavior<DragNewLinkBehavior>();
        diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        diagram.RegisterComponent<LineageNodeModel, LineageNodeWidget>();
        diagram.RegisterComponent<LineageEdgeLayerModel, LineageEdgeLayerWidget>();
        return diagram;
    }

    private void OnPointerClick(DiagramModel? model, PointerEventArgs e)
    {
        if (model is LineageNodeModel node)
        {
            _ = InvokeAsync(() => OnNodeClick.InvokeAsync(new LineageNodeClick(node.Id, e.ShiftKey)));
        }
    }

    private void OnPointerDoubleClick(DiagramModel? model, PointerEventArgs e)
    {
        if (model is LineageNodeModel node)
        {
            _ = InvokeAsync(() => OnNodeDoubleClick.InvokeAsync(node.Id));
        }
    }

    /// <summary>Node sizes are known up front, so placing and fitting needs only the canvas size; both go in one refresh.</summary>
    private void PopulateAndFit()
    {
        // The canvas reports a zero height before the page's flex layout settles; a fit then would be wrong.
        if ((_populated && _fitted) || _diagram.Container is not { Width: > 0, Height: > 0 })
        {
            return;
        }

        _diagram.Batch(() =>
        {
            if (!_populated)
            {
                LineageDiagramMapper.Populate(_diagram, _model);
                _populated = true;
            }

            if (!_fitted && _model.Nodes.Count > 0)
            {
                _fitted = true;
                FitToView(AutoFitMinimumZoom);
            }
        });
    }

    /// <summary>Shows the whole graph centred, never zoomed past 100%; when that would be too small to read, opens on the start node.</summary>
    private void FitToView(double? minimumZoom = null)
    {
        if (_diagram.Container is not { } container || _model.Nodes.Count == 0)
        {
            return;
        }

        var bounds = _model.Nodes.GetBounds();
        var fitZoom = Math.Min(container.Width / (bounds.Width + (2 * FitMargin)), container.Height / (bounds.Height + (2 * FitMargin)));
        var zoom = Math.Clamp(fitZoom, minimumZoom ?? _diagram.Options.Zoom.Minimum, 1.0);
        var centre = zoom > fitZoom && View.Find(View.RootId) is { } root
            ? (X: root.X + (LineageView.NodeWidth / 2), Y: root.Y + (LineageView.NodeHeight / 2))
            : (X: bounds.Left + (bounds.Width / 2), Y: bounds.Top + (bounds.Height / 2));
        _diagram.SetZoom(zoom);
        _diagram.SetPan((container.Width / 2) - (centre.X * zoom), (container.Height / 2) - (centre.Y * zoom));
    }

    /// <summary>When the canvas changes size (the details panel opens beside it) what was in its middle stays in its middle.</summary>
    private void KeepCentreOnResize()
    {
        if (_diagram.Container is not { } container)
        {
            return;
        }

        if (_fitted && _lastContainer is { } last && (last.Width != container.Width || last.Height != container.Height))
        {
            _diagram.SetPan(_diagram.Pan.X + ((container.Width - last.Width) / 2), _diagram.Pan.Y + ((container.Height - last.Height) / 2));
        }

        _lastContainer = container;
    }

    private void ZoomBy(double factor)
    {
        if (_diagram.Container is not { } container)
        {
            return;
        }

        var oldZoom = _diagram.Zoom;
        var newZoom = Math.Clamp(oldZoom * factor, _diagram.Options.Zoom.Minimum, _diagram.Options.Zoom.Maximum);
        var modelX = ((container.Width / 2) - _diagram.Pan.X) / oldZoom;
        var modelY = ((container.Height / 2) - _diagram.Pan.Y) / oldZoom;
        _diagram.SetZoom(newZoom);
        _diagram.SetPan((container.Width / 2) - (modelX * newZoom), (container.Height / 2) - (modelY * newZoom));
    }
}
