using System.Diagnostics;
using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Extensions;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;
using PipelineStudio.Web.Components.Graph;
using PipelineStudio.Web.Model.Designer;

namespace PipelineStudio.Web.Components.Designer;

/// <summary>
/// The editable canvas: shows the session's document, and turns gestures into edits (drop a palette item,
/// draw or delete a link, move nodes). It never edits the diagram as the truth: after each edit it brings the
/// diagram in line with the document (<see cref="DesignerDiagramSync"/>), so undo and the JSON view stay exact.
/// </summary>
public sealed partial class DesignerCanvas : IDisposable
{
    private const double ZoomStep = 1.25;
    private const double FitMargin = 40;

    // Below this step names are too small to read; a wider pipeline opens at this zoom, showing its start.
    private const double OpenMinimumZoom = 0.6;

    private readonly BlazorDiagram _diagram = CreateDiagram();
    private readonly DesignerCanvasContext _context;
    private DesignerSession? _shownSession;
    private long _shownRevision = -1;
    private long _shownContentRevision = -1;
    private int _shownIssues = -1;
    private bool _syncingSelection;
    private bool _fitted;

    public DesignerCanvas() => _context = new DesignerCanvasContext(DropIntoBranchAsync);

    [Parameter, EditorRequired]
    public DesignerSession Session { get; set; } = null!;

    /// <summary>The palette type being dragged, if any (set by the page on dragstart).</summary>
    [Parameter]
    public string? DraggedType { get; set; }

    /// <summary>An edit was refused; the message is for the user.</summary>
    [Parameter]
    public EventCallback<string> OnError { get; set; }

    /// <summary>The canvas changed the document or the selection.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    internal BlazorDiagram Diagram => _diagram;

    protected override void OnAfterRender(bool firstRender) => TryFitOnce();

    protected override void OnInitialized()
    {
        _diagram.SelectionChanged += OnSelectionChanged;
        _diagram.PointerUp += OnPointerUp;
        _diagram.Links.Added += OnLinkAdded;
        _diagram.ContainerChanged += TryFitOnce;
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shownSession, Session))
        {
            // Another document (a reload after a conflict): start from an empty diagram and fit it once drawn.
            _shownSession = Session;
            _shownRevision = -1;
            _shownContentRevision = -1;

            // An empty canvas has nothing to fit, and fitting after the first drop would jump the view.
            _fitted = Session.Document.Definition.AllSteps.Count == 0;
            _diagram.Batch(() =>
            {
                _diagram.Links.Clear();
                _diagram.Nodes.Clear();
            });
        }

        if (_shownRevision != Session.Document.Revision || _shownIssues != Session.Issues.Count)
        {
            SyncNow();
        }

        ShowSelection();
    }

    public void Dispose()
    {
        _diagram.SelectionChanged -= OnSelectionChanged;
        _diagram.PointerUp -= OnPointerUp;
        _diagram.Links.Added -= OnLinkAdded;
        _diagram.ContainerChanged -= TryFitOnce;
    }

    /// <summary>Deletes the selected links and steps (the Delete key).</summary>
    public async Task DeleteSelectionAsync()
    {
        var links = _diagram.Links.OfType<DesignerLinkModel>().Where(l => l.Selected && !l.IsDraft).ToList();
        foreach (var link in links)
        {
            await TryEditAsync(() => Session.Disconnect(link.SourceStep, link.TargetStep!, link.Kind!.Value));
        }

        await TryEditAsync(() => Session.DeleteSelected());
    }

    /// <summary>Shows every step, centred; never zooms past 100% so a small pipeline is not blown up.</summary>
    public void FitToView() => FitToView(null);

    /// <summary>
    /// Like <see cref="FitToView()"/>; with a <paramref name="minimumZoom"/> above what fitting needs, the graph is
    /// shown from its left edge (where a pipeline starts) at that zoom instead of shrunk past reading.
    /// </summary>
    private void FitToView(double? minimumZoom)
    {
        if (_diagram.Container is not { } container || _diagram.Nodes.Count == 0)
        {
            return;
        }

        var bounds = _diagram.Nodes.GetBounds();
        var fitZoom = Math.Min(container.Width / (bounds.Width + (2 * FitMargin)), container.Height / (bounds.Height + (2 * FitMargin)));
        var zoom = Math.Clamp(fitZoom, minimumZoom ?? _diagram.Options.Zoom.Minimum, 1.0);
        var panX = zoom > fitZoom
            ? FitMargin - (bounds.Left * zoom)
            : (container.Width / 2) - ((bounds.Left + (bounds.Width / 2)) * zoom);
        _diagram.SetZoom(zoom);
        _diagram.SetPan(panX, (container.Height / 2) - ((bounds.Top + (bounds.Height / 2)) * zoom));
    }

    public void ZoomBy(double factor)
    {
        if (_diagram.Container is not { } container)
        {
            return;
        }

        // Around the canvas centre, so the view does not drift to the top-left corner.
        var oldZoom = _diagram.Zoom;
        var newZoom = Math.Clamp(oldZoom * factor, _diagram.Options.Zoom.Minimum, _diagram.Options.Zoom.Maximum);
        var centreX = container.Width / 2;
        var centreY = container.Height / 2;
        var modelX = (centreX - _diagram.Pan.X) / oldZoom;
        var modelY = (centreY - _diagram.Pan.Y) / oldZoom;
        _diagram.SetZoom(newZoom);
        _diagram.SetPan(centreX - (modelX * newZoom), centreY - (modelY * newZoom));
    }

    /// <summary>Where a new step goes when it is added without a drop point: the middle of the visible canvas.</summary>
    public NodePosition VisibleCentre()
    {
        if (_diagram.Container is not { } container)
        {
            return new NodePosition(0, 0);
        }

        var x = ((container.Width / 2) - _diagram.Pan.X) / _diagram.Zoom;
        var y = ((container.Height / 2) - _diagram.Pan.Y) / _diagram.Zoom;
        return new NodePosition(x - (DesignerNodeModel.Width / 2), y - (DesignerNodeModel.Height / 2));
    }

    private async Task AutoLayoutAsync()
    {
        // The edit brings the nodes to their new places at once, so the fit measures where they are going to be.
        await TryEditAsync(() => Session.Document.AutoLayout());
        FitToView();
    }

    private void SyncNow()
    {
        var document = Session.Document;
        var issues = Session.Issues;
        var positionsOnly = document.ContentRevision == _shownContentRevision && issues.Count == _shownIssues;
        _shownRevision = document.Revision;
        _shownContentRevision = document.ContentRevision;
        _shownIssues = issues.Count;
        if (positionsOnly)
        {
            DesignerDiagramSync.ApplyPositions(_diagram, document);
        }
        else
        {
            DesignerDiagramSync.Apply(_diagram, document, issues);
        }
    }

    private static BlazorDiagram CreateDiagram()
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = true };
        options.Zoom.Minimum = 0.15;
        options.Zoom.Maximum = 2.5;
        options.Links.RequireTarget = true;
        options.Links.EnableSnapping = true;
        options.Links.SnappingRadius = 28;
        options.Links.Factory = (_, source, target) =>
            source is DesignerPortModel { Role: not PortRole.Input } port ? new DesignerLinkModel(port, target) : null!;
        options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(false);
        options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(false);
        var diagram = new BlazorDiagram(options);

        // Keys go through the page (and so through the document and its undo), never straight to the diagram.
        diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        diagram.RegisterComponent<DesignerNodeModel, DesignerNodeWidget>();
        diagram.RegisterComponent<DesignerLinkModel, DesignerLinkWidget>();
        diagram.RegisterComponent<LinkLabelModel, BranchLabelWidget>();
        return diagram;
    }

    private async Task OnDropAsync(DragEventArgs e)
    {
        if (DraggedType is not { } type || _diagram.Container is null)
        {
            return;
        }

        var point = _diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        var position = new NodePosition(point.X - (DesignerNodeModel.Width / 2), point.Y - (DesignerNodeModel.Height / 2));
        await TryEditAsync(() => Session.AddStep(type, position));
    }

    private async Task DropIntoBranchAsync(string condition, ConditionBranch branch)
    {
        if (DraggedType is not { } type)
        {
            return;
        }

        var at = Session.Document.Positions.TryGetValue(condition, out var p) ? p : new NodePosition(0, 0);
        var offsetY = branch == ConditionBranch.If ? -(DesignerNodeModel.Height + 20) : DesignerNodeModel.Height + 20;
        var position = new NodePosition(at.X + DesignerNodeModel.Width + 90, at.Y + offsetY);
        await TryEditAsync(() => Session.AddStep(type, position, StepLocation.InBranch(condition, branch)));
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (link is DesignerLinkModel { IsDraft: true } draft)
        {
            draft.TargetAttached += OnDraftAttached;
        }
    }

    private void OnDraftAttached(BaseLinkModel link)
    {
        link.TargetAttached -= OnDraftAttached;
        var draft = (DesignerLinkModel)link;
        var target = link.Target.Model switch
        {
            DesignerPortModel port => port.Step,
            DesignerNodeModel node => node,
            _ => null,
        };

        // Let the library finish its pointer-up handling before the draft goes.
        _ = InvokeAsync(async () =>
        {
            await Task.Yield();
            _diagram.Links.Remove(draft);
            if (target is not null && draft.SourcePort is { } source)
            {
                await TryEditAsync(() => Session.Connect(source.Step.StepName, source.Role, target.StepName));
            }
        });
    }

    /// <summary>After a drag: the nodes' new places become one "Move steps" edit.</summary>
    private void OnPointerUp(Blazor.Diagrams.Core.Models.Base.Model? model, Blazor.Diagrams.Core.Events.PointerEventArgs e)
    {
        var moved = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        foreach (var node in _diagram.Nodes.OfType<DesignerNodeModel>())
        {
            var now = new NodePosition(node.Position.X, node.Position.Y);
            if (Session.Document.Positions.TryGetValue(node.StepName, out var before) && before != now)
            {
                moved[node.StepName] = now;
            }
        }

        if (moved.Count > 0)
        {
            _ = InvokeAsync(() => TryEditAsync(() => Session.Document.SetPositions(moved)));
        }
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        if (_syncingSelection)
        {
            return;
        }

        var selected = _diagram.GetSelectedModels().OfType<DesignerNodeModel>().Select(n => n.StepName).ToList();
        if (!Session.Selected.SetEquals(selected))
        {
            _ = InvokeAsync(async () =>
            {
                Session.Select(selected);
                await OnChanged.InvokeAsync();
            });
        }

        if (model is DesignerNodeModel node)
        {
            node.Refresh();
        }
        else if (model is DesignerLinkModel link)
        {
            link.Refresh();
        }
    }

    /// <summary>Selection made outside the canvas (an issue clicked, Ctrl+A, a paste) shows on the canvas.</summary>
    private void ShowSelection()
    {
        _syncingSelection = true;
        try
        {
            foreach (var node in _diagram.Nodes.OfType<DesignerNodeModel>())
            {
                var wanted = Session.Selected.Contains(node.StepName);
                if (node.Selected != wanted)
                {
                    if (wanted)
                    {
                        _diagram.SelectModel(node, unselectOthers: false);
                    }
                    else
                    {
                        _diagram.UnselectModel(node);
                    }

                    node.Refresh();
                }
            }
        }
        finally
        {
            _syncingSelection = false;
        }
    }

    private async Task TryEditAsync(Action edit)
    {
        var started = Stopwatch.GetTimestamp();
        var revision = Session.Document.Revision;
        try
        {
            edit();
        }
        catch (InvalidEditException ex)
        {
            await OnError.InvokeAsync(ex.Message);
        }

        if (Session.Document.Revision != revision)
        {
            // Sync here rather than in the coming render, so the edit's metric covers the whole of the designer's work.
            SyncNow();
            DesignerMetrics.RecordEdit(Session.Document.UndoLabel ?? "Edit", Stopwatch.GetElapsedTime(started));
        }

        await OnChanged.InvokeAsync();
    }

    private Task TryEditAsync(Func<bool> edit) => TryEditAsync(() => { edit(); });

    private Task TryEditAsync(Func<string> edit) => TryEditAsync(() => { edit(); });

    private Task TryEditAsync(Func<IReadOnlyList<string>> edit) => TryEditAsync(() => { edit(); });

    /// <summary>Fits the graph once, when the canvas and the nodes have been measured (an opened pipeline).</summary>
    private void TryFitOnce()
    {
        if (_fitted || _diagram.Container is null || _diagram.Nodes.Count == 0)
        {
            return;
        }

        _fitted = true;
        FitToView(OpenMinimumZoom);
    }
}
