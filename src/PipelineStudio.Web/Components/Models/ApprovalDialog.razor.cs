using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Components.Models;

/// <summary>Changes a package's approval status; the comment is required, as the registry records why.</summary>
public partial class ApprovalDialog
{
    private string _comment = "";
    private string? _error;
    private bool _saving;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter, EditorRequired]
    public ModelPackageRecord Package { get; set; } = null!;

    [Parameter, EditorRequired]
    public ModelApprovalStatus Target { get; set; }

    [Inject]
    public required IModelRegistry Registry { get; init; }

    [Inject]
    public required StudioUser User { get; init; }

    [Inject]
    public required ILogger<ApprovalDialog> Logger { get; init; }

    private bool CanSubmit => !string.IsNullOrWhiteSpace(_comment) && !_saving;

    private void OnCommentChanged(string? text) => _comment = text ?? "";

    private async Task SubmitAsync()
    {
        if (!CanSubmit)
        {
            return;
        }

        _saving = true;
        _error = null;
        try
        {
            var changed = await Registry.ChangeApprovalAsync(Package.Arn, Target, User.Name, _comment.Trim());
            Dialog.Close(DialogResult.Ok(changed));
        }
        catch (KeyNotFoundException)
        {
            _error = $"{Package.GroupName} v{Package.Version} no longer exists in the registry.";
        }
        catch (ArgumentException ex)
        {
            _error = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = UserFacingErrors.Describe(ex, Logger, "changing a model package's approval");
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
