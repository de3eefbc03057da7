using MudBlazor;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>The execution page's buttons: stop, retry, and re-run from the selected step.</summary>
public sealed partial class ExecutionPage
{
    private async Task StopAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Stop this execution?",
            "Running steps are killed and the execution ends Stopped. Steps that already finished keep their results, and Retry can pick up from here.",
            yesText: "Stop", cancelText: "Keep running");
        if (confirmed != true)
        {
            return;
        }

        await RunActionAsync("stop the execution", "stopping an execution", async () =>
        {
            await Backend.StopAsync(Id);
            Snackbar.Add("Stop requested: running steps are being stopped.", Severity.Info);
        });
    }

    private Task RetryAsync() => RunActionAsync("retry the execution", "retrying an execution", async () =>
    {
        await Backend.RetryAsync(Id);
        Snackbar.Add("Retrying: the failed and stopped steps run again.", Severity.Info);
    });

    private async Task RerunAsync()
    {
        if (ViewModel.SelectedStep is not { } step || !ViewModel.CanRerunFrom(step))
        {
            return;
        }

        var steps = ViewModel.RerunSteps(step);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Re-run from {step}?",
            $"A new execution of version {ViewModel.Execution!.PipelineVersion} with the same parameters runs {Plural(steps.Count, "step")} "
            + $"({string.Join(", ", steps)}); every other step's outputs are taken from this execution.",
            yesText: "Re-run", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await RunActionAsync("start the re-run", "starting a re-run", async () =>
        {
            var started = await Backend.StartAsync(ViewModel.RerunRequest(step));
            Snackbar.Add($"Started execution {started.Id}.", Severity.Success);
            Navigation.NavigateTo(ExecutionHref(started.Id));
        });
    }

    /// <summary>Runs a button's action with the buttons disabled; a failure becomes a snackbar in user words.</summary>
    /// <param name="what">Completes "Could not …" for the user.</param>
    /// <param name="whileDoing">Completes "Unexpected failure while …" in the log.</param>
    private async Task RunActionAsync(string what, string whileDoing, Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Snackbar.Add($"Could not {what}: {UserFacingErrors.Describe(ex, Logger, whileDoing)}", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
