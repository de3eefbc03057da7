using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.JSInterop;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Model.Designer;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>The designer's commands: edits from the header and the keyboard, save, export.</summary>
public sealed partial class DesignerPage
{
    private bool _saveOpen;
    private bool _saveAndRun;
    private bool _saving;
    private string? _saveName;
    private string? _saveMessage;
    private string? _saveError;
    private PipelineVersionConflictException? _conflict;

    /// <summary>A shortcut pressed on the page (outside text fields), from designer.js.</summary>
    [JSInvokable]
    public async Task OnShortcut(string action)
    {
        if (_session is not { } session)
        {
            return;
        }

        switch (action)
        {
            case "delete":
                await DeleteSelectionAsync();
                break;
            case "undo":
                await UndoAsync();
                break;
            case "redo":
                await RedoAsync();
                break;
            case "copy":
                if (session.CopySelected())
                {
                    Snackbar.Add(session.Clipboard!.Steps.Count == 1 ? "Copied 1 step" : $"Copied {session.Clipboard.Steps.Count} steps", Severity.Normal);
                }

                break;
            case "paste":
                Try(() => session.Paste());
                break;
            case "selectAll":
                session.SelectAll();
                break;
            case "save":
                OpenSave(andRun: false);
                break;
            case "fit":
                _canvas?.FitToView();
                break;
            case "help":
                _helpOpen = true;
                break;
            case var nudge when nudge.StartsWith("nudge:", StringComparison.Ordinal):
                var parts = nudge.Split(':');
                Try(() => session.Nudge(
                    double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture)));
                break;
        }

        await InvokeAsync(StateHasChanged);
    }

    private Task UndoAsync()
    {
        _session?.Document.Undo();
        return Task.CompletedTask;
    }

    private Task RedoAsync()
    {
        _session?.Document.Redo();
        return Task.CompletedTask;
    }

    private async Task DeleteSelectionAsync()
    {
        if (_canvas is not null)
        {
            await _canvas.DeleteSelectionAsync();
        }
        else
        {
            Try(() => _session?.DeleteSelected());
        }
    }

    private Task AddAtCentreAsync(string type)
    {
        if (_session is { } session)
        {
            Try(() => session.AddStep(type, _canvas?.VisibleCentre() ?? new Core.Graph.NodePosition(0, 0)));
        }

        return Task.CompletedTask;
    }

    private Task ApplyStepAsync(string name, JsonObject step)
    {
        Try(() => _session?.ApplyStep(name, step));
        return Task.CompletedTask;
    }

    private Task ApplyParametersAsync(JsonObject definition)
    {
        Try(() => _session?.Document.ReplaceDefinition(definition, "Edit parameters"));
        return Task.CompletedTask;
    }

    private static List<Core.Validation.ValidationIssue> StepIssues(DesignerSession session, string step) =>
        session.Issues.Where(i => i.StepName == step).ToList();

    private Task SelectFromIssueAsync(string step)
    {
        _session?.Select([step]);
        return Task.CompletedTask;
    }

    private void Try(Action edit)
    {
        try
        {
            edit();
        }
        catch (InvalidEditException ex)
        {
            ShowError(ex.Message);
        }
    }

    private async Task ExportAsync()
    {
        if (_session is not { } session || _module is null)
        {
            return;
        }

        var fileName = $"{_pipelineName ?? "new-pipeline"}.json";
        await _module.InvokeVoidAsync("download", fileName, session.Document.ToJson());
    }

    private void OpenSave(bool andRun)
    {
        _saveAndRun = andRun;
        _saveError = null;
        _saveOpen = true;
    }

    private async Task SaveAsync()
    {
        if (_session is not { } session)
        {
            return;
        }

        var isNew = _pipelineName is null;
        var name = _pipelineName ?? _saveName?.Trim() ?? "";
        if (!PipelineNames.IsValidPipelineName(name))
        {
            _saveError = $"Pipeline name '{name}' is not valid: use {PipelineNames.PipelineNameRule}.";
            return;
        }

        await SaveVersionAsync(session, name, isNew ? 0 : _expectedLatest);
    }

    /// <summary>"Save mine on top": the user has seen the conflict; the new version goes after theirs.</summary>
    private async Task SaveOnTopAsync()
    {
        if (_session is { } session && _conflict is { } conflict)
        {
            _conflict = null;
            await SaveVersionAsync(session, conflict.PipelineName, conflict.ActualVersion);
        }
    }

    private async Task SaveVersionAsync(DesignerSession session, string name, int? expectedLatest)
    {
        _saving = true;
        _saveError = null;
        try
        {
            var result = await Library.SaveAsync(name, session.Document.ToJson(), User.Name, _saveMessage?.Trim() ?? "",
                isImport: false, expectedLatestVersion: expectedLatest);
            if (!result.Saved)
            {
                _saveError = "Not saved: " + string.Join(" ", result.Issues.Where(i => i.IsError).Take(3).Select(i => $"{i.Code} {i.Message}"));
                _saveOpen = true;
                return;
            }

            await AfterSavedAsync(session, name, result.Version!);
        }
        catch (PipelineVersionConflictException ex) when (expectedLatest == 0)
        {
            _saveError = $"A pipeline named '{name}' already exists ({ex.ActualVersion} version(s)); choose another name.";
            _saveOpen = true;
        }
        catch (PipelineVersionConflictException ex)
        {
            _conflict = ex;
            _saveOpen = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _saveError = UserFacingErrors.Describe(ex, Logger, "saving from the designer");
            _saveOpen = true;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task AfterSavedAsync(DesignerSession session, string name, PipelineVersionInfo version)
    {
        var wasNew = _pipelineName is null;
        await WriteStorageAsync(DesignerDraft.StorageKey(_pipelineName), null);
        await WriteStorageAsync(DesignerDraft.LayoutKey(name, version.Version), DesignerDraft.SerializePositions(session.Document.Positions));
        session.Document.MarkClean();
        _draftRevision = session.Document.Revision;
        _pipelineName = name;
        _openedVersion = version.Version;
        _expectedLatest = version.Version;
        _saveOpen = false;
        _saveMessage = null;
        _conflict = null;
        Snackbar.Add($"Saved {name} v{version.Version}", Severity.Success);
        var designerUrl = $"/pipelines/{Uri.EscapeDataString(name)}/designer";
        if (_saveAndRun)
        {
            Navigation.NavigateTo($"/pipelines/{Uri.EscapeDataString(name)}/launch");
        }
        else if (wasNew)
        {
            // Same page, now for a named pipeline: keep the open session instead of reloading it.
            _loaded = (name, null);
            Navigation.NavigateTo(designerUrl, replace: true);
        }
    }

    private async Task ReloadTheirsAsync()
    {
        _conflict = null;
        await WriteStorageAsync(DesignerDraft.StorageKey(_pipelineName), null);
        _loaded = null;
        Navigation.NavigateTo($"/pipelines/{Uri.EscapeDataString(_pipelineName!)}/designer", forceLoad: false);
        await OnParametersSetAsync();
    }
}
