using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Extensions;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Graph;

/// <summary>
/// The read-only graph of one definition: zoom and pan, click a step to select it, "Fit" to see all.
/// Links cannot be drawn or deleted; nodes are locked in their laid-out places.
/// </summary>
public sealed partial class PipelineDiagram : IDisposable
{
    private const double ZoomStep = 1.25;
    private const double FitMargin = 40;

    // Below this the step names are too small to read; a wider graph opens at this zoom, showing its start.
    private const double AutoFitMinimumZoom = 0.6;

    private readonly BlazorDiagram _diagram = CreateDiagram();
    private PipelineDiagramModel _model = new([], []);
    private PipelineDefinition? _shownDefinition;
    private bool _fitted;
    private Blazor.Diagrams.Core.Geometry.Rectangle? _lastContainer;

    [Parameter, EditorRequired]
    public PipelineDefinition Definition { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<ValidationIssue> Issues { get; set; } = [];

    [Parameter]
    public string? SelectedStep { get; set; }

    [Parameter]
    public EventCallback<string?> SelectedStepChanged { get; set; }

    /// <summary>Each step's state in an execution, for the live graph; null draws the plain pipeline.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, StepRunState>? RunStates { get; set; }

    /// <summary>Width (px) covered on the right by a panel over the canvas; a selected step is panned out from under it.</summary>
    [Parameter]
    public double CoveredRight { get; set; }

    /// <summary>The diagram behind the canvas, for tests.</summary>
    internal BlazorDiagram Diagram => _diagram;

    protected override void OnInitialized()
    {
        _diagram.PointerClick += OnPointerClick;
        _diagram.ContainerChanged += TryFitOnce;
        _diagram.ContainerChanged += KeepCentreOnResize;
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Definition, _shownDefinition))
        {
            _shownDefinition = Definition;
            _fitted = false;
            foreach (var node in _model.Nodes)
            {
                node.SizeChanged -= OnNodeSized;
            }

            _model = PipelineDiagramMapper.Map(Definition, Issues);
            foreach (var node in _model.Nodes)
            {
                node.Locked = true;
                node.SizeChanged += OnNodeSized;
            }

            PipelineDiagramMapper.Populate(_diagram, _model);
        }

        foreach (var node in _model.Nodes)
        {
            var focused = node.StepName == SelectedStep;
            var runState = RunStates?.GetValueOrDefault(node.StepName);
            var changed = node.IsFocused != focused || node.RunState != runState;
            node.RunState = runState;
            if (node.IsFocused != focused)
            {
                node.IsFocused = focused;
                if (focused)
                {
                    KeepClearOfCoveredArea(node);
                }
            }

            // Only nodes whose look changed are redrawn: a live run re-renders the page several times a second.
            if (changed)
            {
                node.Refresh();
            }
        }
    }

    /// <summary>Pans left just enough that <paramref name="node"/> is not hidden under the details panel.</summary>
    private void KeepClearOfCoveredArea(StepNodeModel node)
    {
        if (_diagram.Container is not { } container || CoveredRight <= 0)
        {
            return;
        }

        var right = _diagram.Pan.X + ((node.Position.X + StepNodeModel.Width) * _diagram.Zoom);
        var visibleRight = container.Width - CoveredRight - FitMargin;
        if (right > visibleRight)
        {
            _diagram.SetPan(_diagram.Pan.X - (right - visibleRight), _diagram.Pan.Y);
        }
    }

    public void Dispose()
    {
        _diagram.PointerClick -= OnPointerClick;
        _diagram.ContainerChanged -= TryFitOnce;
        _diagram.ContainerChanged -= KeepCentreOnResize;
        foreach (var node in _model.Nodes)
        {
            node.SizeChanged -= OnNodeSized;
        }
    }

    private static BlazorDiagram CreateDiagram()
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = false };
        options.Zoom.Minimum = 0.15;
        options.Zoom.Maximum = 2.5;
        options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(false);
        options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(false);
        var diagram = new BlazorDiagram(options);

        // Read-only: no drawing new links from nodes, no keyboard deletion.
        diagram.UnregisterBehavior<DragNewLinkBehavior>();
        diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        diagram.RegisterComponent<StepNodeModel, StepNodeWidget>();
        diagram.RegisterComponent<StepLinkModel, StepLinkWidget>();
        diagram.RegisterComponent<LinkLabelModel, BranchLabelWidget>();
        return diagram;
    }

    private void OnPointerClick(Blazor.Diagrams.Core.Models.Base.Model? model, Blazor.Diagrams.Core.Events.PointerEventArgs e)
    {
        if (model is StepNodeModel node)
        {
            _ = InvokeAsync(() => SelectedStepChanged.InvokeAsync(node.StepName));
        }
    }

    private void OnNodeSized(NodeModel node) => TryFitOnce();

    /// <summary>
    /// When the canvas changes size (a side panel opens next to it, the window is resized) what was in its
    /// middle stays in its middle, instead of the graph sliding under the new right edge.
    /// </summary>
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

    /// <summary>Fits the graph once, when the canvas and every node have been measured.</summary>
    private void TryFitOnce()
    {
        if (_fitted || _diagram.Container is null || _model.Nodes.Count == 0 || _model.Nodes.Any(n => n.Size is null))
        {
            return;
        }

        _fitted = true;
        FitToView(AutoFitMinimumZoom);
    }

    /// <summary>
    /// Shows the whole graph centred. Unlike the library's ZoomToFit it never zooms past 100%, so a
    /// three-step pipeline is not blown up to fill the screen. With a <paramref name="minimumZoom"/>
    /// above what fitting needs, the graph is shown from its left edge (where a pipeline starts).
    /// </summary>
    private void FitToView(double? minimumZoom = null)
    {
        if (_diagram.Container is not { } container || _model.Nodes.Count == 0)
        {
            return;
        }

        var bounds = _diagram.Nodes.GetBounds();
        var fitZoom = Math.Min(
            container.Width / (bounds.Width + 2 * FitMargin),
            container.Height / (bounds.Height + 2 * FitMargin));
        var zoom = Math.Clamp(fitZoom, minimumZoom ?? _diagram.Options.Zoom.Minimum, 1.0);
        var panX = zoom > fitZoom
            ? FitMargin - (bounds.Left * zoom)
            : (container.Width / 2) - ((bounds.Left + (bounds.Width / 2)) * zoom);
        _diagram.SetZoom(zoom);
        _diagram.SetPan(panX, (container.Height / 2) - ((bounds.Top + (bounds.Height / 2)) * zoom));
    }

    private void ZoomBy(double factor)
    {
        if (_diagram.Container is not { } container)
        {
            return;
        }

        // Zoom around the canvas centre so the view does not drift to the top-left corner.
        var oldZoom = _diagram.Zoom;
        var newZoom = Math.Clamp(oldZoom * factor, _diagram.Options.Zoom.Minimum, _diagram.Options.Zoom.Maximum);
        var centreX = container.Width / 2;
        var centreY = container.Height / 2;
        var modelX = (centreX - _diagram.Pan.X) / oldZoom;
        var modelY = (centreY - _diagram.Pan.Y) / oldZoom;
        _diagram.SetZoom(newZoom);
        _diagram.SetPan(centreX - (modelX * newZoom), centreY - (modelY * newZoom));
    }
}
