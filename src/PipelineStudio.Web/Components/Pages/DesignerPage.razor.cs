using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Components.Designer;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Model.Designer;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>
/// The step designer: palette, canvas, properties, validation and the JSON view over one
/// <see cref="DesignerSession"/>. Opens the latest version of a pipeline (or <c>?version=N</c>), or an empty
/// canvas at <c>/designer/new</c>; saves append a version, guarded against a concurrent save.
/// </summary>
public sealed partial class DesignerPage
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private static readonly (string Keys, string What)[] Shortcuts =
    [
        ("Delete / Backspace", "Delete the selected steps or link"),
        ("Ctrl+Z", "Undo"),
        ("Ctrl+Y or Ctrl+Shift+Z", "Redo"),
        ("Ctrl+C / Ctrl+V", "Copy / paste the selected steps (pasted under new names)"),
        ("Ctrl+A", "Select every step"),
        ("Arrow keys", "Nudge the selection by 10 (with Shift: 50)"),
        ("F", "Fit the pipeline to the view"),
        ("Ctrl+S", "Save as a new version"),
        ("?", "This help"),
        ("Ctrl+click", "Add a step to the selection"),
        ("Drag from a right-hand port", "Link: the target waits for the source (DependsOn); from if/else it goes into that branch"),
    ];

    private (string? Name, int? Version)? _loaded;
    private DesignerSession? _session;
    private DesignerCanvas? _canvas;
    private IJSObjectReference? _module;
    private DotNetObjectReference<DesignerPage>? _self;
    private string? _loadedJson;
    private string? _loadError;
    private bool _notFound;
    private string? _pipelineName;
    private int? _openedVersion;
    private int? _expectedLatest;
    private string? _draggedType;
    private bool _showJson;
    private ValidationIssue? _jsonIssue;
    private DesignerDraft? _draftOffer;
    private long _draftRevision;
    private CancellationTokenSource? _draftDebounce;
    private bool _helpOpen;

    [Parameter]
    public string? Name { get; set; }

    /// <summary>The version to open (<c>?version=N</c>); the latest when absent.</summary>
    [SupplyParameterFromQuery(Name = "version")]
    public int? Version { get; set; }

    [Inject]
    public required IPipelineStore Store { get; init; }

    [Inject]
    public required PipelineLibrary Library { get; init; }

    [Inject]
    public required StudioUser User { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<DesignerPage> Logger { get; init; }

    /// <summary>The session, for tests.</summary>
    internal DesignerSession? Session => _session;

    private List<BreadcrumbItem> Breadcrumbs => _pipelineName is { } name
        ? [new("Pipelines", "/pipelines"), new(name, $"/pipelines/{Uri.EscapeDataString(name)}"), new("Designer", null, disabled: true)]
        : [new("Pipelines", "/pipelines"), new("New pipeline", null, disabled: true)];

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Name, Version))
        {
            return;
        }

        _loaded = (Name, Version);
        await LoadFromStoreAsync();
        if (_module is not null)
        {
            await OpenSessionAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        if (firstRender)
        {
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "/assets/js/designer.js");
                _self = DotNetObjectReference.Create(this);
                await _module.InvokeVoidAsync("init", _self);
            }
            catch (JSException ex)
            {
                Logger.LogWarning(ex, "The designer's script did not load; shortcuts, drafts and export are off.");
            }

            await OpenSessionAsync();
            StateHasChanged();
            return;
        }

        ScheduleDraftSave();
    }

    public async ValueTask DisposeAsync()
    {
        _draftDebounce?.Cancel();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone: so is the page's listener.
            }
        }

        _self?.Dispose();
    }

    private async Task LoadFromStoreAsync()
    {
        _session = null;
        _notFound = false;
        _loadError = null;
        _draftOffer = null;
        _jsonIssue = null;
        _loadedJson = null;
        _pipelineName = Name;
        _openedVersion = null;
        _expectedLatest = null;
        if (Name is null)
        {
            _expectedLatest = 0;
            return;
        }

        try
        {
            var summary = await Store.FindAsync(Name);
            var version = summary is null ? null
                : Version is { } v ? await Store.GetVersionAsync(Name, v)
                : await Store.GetLatestAsync(Name);
            if (summary is null || version is null)
            {
                _notFound = true;
                return;
            }

            _loadedJson = version.DefinitionJson;
            _openedVersion = version.Info.Version;

            // Saving a new version on top of an older one is deliberate; what must not happen is missing a save made since opening.
            _expectedLatest = summary.LatestVersion;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _loadError = UserFacingErrors.Describe(ex, Logger, "opening the designer");
        }
    }

    /// <summary>Builds the session once the browser is reachable: a saved layout and a draft live in its storage.</summary>
    private async Task OpenSessionAsync()
    {
        if (_notFound || _loadError is not null)
        {
            return;
        }

        var positions = _pipelineName is { } name && _openedVersion is { } version
            ? DesignerDraft.TryReadPositions(await ReadStorageAsync(DesignerDraft.LayoutKey(name, version)))
            : null;
        var layout = PipelineDiagramMapper.Layout;
        if (_loadedJson is null)
        {
            _session = new DesignerSession(DesignerDocument.CreateEmpty(layout));
        }
        else
        {
            var (document, issue) = DesignerDocument.Parse(_loadedJson, positions, layout);
            if (document is null)
            {
                _loadError = $"the stored definition does not parse ({issue?.Message}).";
                return;
            }

            _session = new DesignerSession(document);
        }

        _draftRevision = _session.Document.Revision;
        var draft = DesignerDraft.TryRead(await ReadStorageAsync(DesignerDraft.StorageKey(_pipelineName)));
        if (draft is not null && draft.Json != _session.Document.ToJson(indented: false))
        {
            _draftOffer = draft;
        }
    }

    private async Task<string?> ReadStorageAsync(string key)
    {
        if (_module is null)
        {
            return null;
        }

        try
        {
            return await _module.InvokeAsync<string?>("read", key);
        }
        catch (JSException)
        {
            return null;
        }
    }

    private async Task WriteStorageAsync(string key, string? value)
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await (value is null ? _module.InvokeVoidAsync("remove", key) : _module.InvokeVoidAsync("write", key, value));
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // A draft that cannot be stored is not worth interrupting the user for.
        }
    }

    /// <summary>Stores the draft shortly after the last edit (each write sends the whole definition to the browser).</summary>
    private void ScheduleDraftSave()
    {
        if (_session is not { } session || session.Document.Revision == _draftRevision || _draftOffer is not null)
        {
            return;
        }

        _draftRevision = session.Document.Revision;
        _draftDebounce?.Cancel();
        _draftDebounce = new CancellationTokenSource();
        var token = _draftDebounce.Token;
        _ = InvokeAsync(async () =>
        {
            try
            {
                await Task.Delay(500, token);
            }
            catch (TaskCanceledException)
            {
                return;
            }

            var key = DesignerDraft.StorageKey(_pipelineName);
            await WriteStorageAsync(key, session.Document.IsDirty ? DesignerDraft.From(session.Document, _openedVersion, Clock.GetUtcNow()).Serialize() : null);
        });
    }

    private async Task RestoreDraftAsync()
    {
        if (_draftOffer is not { } draft || _session is not { } session)
        {
            return;
        }

        _draftOffer = null;
        if (session.ApplyJson(draft.Json) is { } issue)
        {
            ShowError($"The draft could not be restored: {issue.Message}");
            return;
        }

        session.Document.SetPositions(draft.NodePositions, "Restore draft layout");
        await InvokeAsync(StateHasChanged);
    }

    private async Task DiscardDraftAsync()
    {
        _draftOffer = null;
        await WriteStorageAsync(DesignerDraft.StorageKey(_pipelineName), null);
    }

    private void ShowError(string message) => Snackbar.Add(message, Severity.Warning);

    private void OnCanvasChanged() => StateHasChanged();
}
