using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Components.Shared;

/// <summary>Imports a definition from a file or pasted text, validating as the user types.</summary>
public partial class ImportDialog
{
    private const string JsonPlaceholder = "{ \"Version\": \"2020-12-01\", \"Parameters\": [], \"Steps\": [ ... ] }";

    private string? _fileError;
    private string? _saveError;
    private bool _saving;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    /// <summary>How long typing must pause before the text is validated. Tests set 0.</summary>
    [Parameter]
    public double ValidationDelayMs { get; set; } = 300;

    [Inject]
    public required PipelineLibrary Library { get; init; }

    [Inject]
    public required IPipelineStore Store { get; init; }

    [Inject]
    public required StudioUser User { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required ILogger<ImportDialog> Logger { get; init; }

    private ImportFormModel Form { get; } = new();

    // Empty names only count as an error once there is something to import.
    private bool ShowNameError => Form.NameError is not null && (Form.Name.Length > 0 || Form.HasText);

    private string SubmitText => _saving ? "Importing…" : Form.ExistingVersion is null ? "Import" : "Import as new version";

    private async Task OnNameChangedAsync(string? name)
    {
        Form.SetName(name);
        await LookUpExistingAsync();
    }

    private void OnTextChanged(string? text)
    {
        _saveError = null;
        Form.SetText(text);
    }

    private async Task OnFileChosenAsync(InputFileChangeEventArgs e)
    {
        _fileError = null;
        var file = e.File;
        if (file.Size > ImportFormModel.MaxFileBytes)
        {
            _fileError = $"{file.Name} is {file.Size / 1024 / 1024.0:0.0} MiB; the studio reads files up to {ImportFormModel.MaxFileBytes / 1024 / 1024} MiB.";
            return;
        }

        try
        {
            using var reader = new StreamReader(file.OpenReadStream(ImportFormModel.MaxFileBytes));
            Form.LoadFile(file.Name, await reader.ReadToEndAsync());
            await LookUpExistingAsync();
        }
        catch (IOException ex)
        {
            _fileError = $"Could not read {file.Name}: {ex.Message}";
        }
    }

    private async Task LookUpExistingAsync()
    {
        Form.ExistingVersion = Form.NameError is null ? (await Store.FindAsync(Form.Name))?.LatestVersion : null;
    }

    private async Task ImportAsync()
    {
        if (!Form.CanImport || _saving)
        {
            return;
        }

        _saving = true;
        _saveError = null;
        try
        {
            var message = Form.FileName is null ? "Imported from pasted text" : $"Imported from {Form.FileName}";
            var result = await Library.SaveAsync(Form.Name, Form.Text, User.Name, message, isImport: true);
            if (!result.Saved)
            {
                Form.SaveIssues = result.Issues;
                return;
            }

            var version = result.Version!.Version;
            var warnings = result.Issues.Count;
            Snackbar.Add(
                warnings == 0
                    ? $"Imported {Form.Name} as version {version}."
                    : $"Imported {Form.Name} as version {version} with {IssueStyles.Summarize(result.Issues)}.",
                warnings == 0 ? Severity.Success : Severity.Warning);
            Dialog.Close(DialogResult.Ok(Form.Name));
            Navigation.NavigateTo($"/pipelines/{Uri.EscapeDataString(Form.Name)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage failures (disk, locks, a concurrent save) become a message in the dialog, not a dead circuit.
            _saveError = $"The definition could not be saved: {UserFacingErrors.Describe(ex, Logger, "saving an imported definition")}";
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
