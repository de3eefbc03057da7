using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Runs;

public sealed partial class StepRunDrawer
{
    private int _tab;

    [Parameter, EditorRequired]
    public StepRecord Step { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<AttemptRecord> Attempts { get; set; } = [];

    /// <summary>The step's arguments from the definition, indented; null when it has none.</summary>
    [Parameter]
    public string? ArgumentsJson { get; set; }

    /// <summary>The log being shown (the page follows it while the attempt runs); null while it is being opened.</summary>
    [Parameter]
    public StepLogTail? Log { get; set; }

    /// <summary>Whether the attempt whose log is shown is still running.</summary>
    [Parameter]
    public bool LogIsLive { get; set; }

    [Parameter]
    public EventCallback<int> OnAttemptSelected { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    [Parameter]
    public DateTimeOffset Now { get; set; }

    private int? LogAttempt => Log?.Attempt;

    private StepTypeStyle TypeStyle => StepTypeIcons.For(Step.StepType);

    private string? PropertiesJson => PrettyJson.Format(Step.PropertiesJson);

    private string? MetadataJson => PrettyJson.Format(Step.MetadataJson);

    private string NoAttemptsText =>
        Step.CacheHitSourceExecutionId is not null ? "A cache hit makes no attempts, so there is no log."
        : Step.SelectiveSourceExecutionId is not null ? "This step did not run in this execution, so there is no log here."
        : Step.Status is StepStatus.Pending ? "The step has not started yet."
        : Step.Status is StepStatus.NotExecuted ? "The step was not executed."
        : "No attempts yet.";

    private string DurationText => Step.StartedAt is { } started
        ? RunStatusStyles.FormatDuration((Step.EndedAt ?? (Step.Status.IsActive() ? Now : started)) - started)
        : "—";

    private RenderFragment LogContent => RenderLog;

    private static string ExecutionHref(string id) => $"/executions/{Uri.EscapeDataString(id)}";

    private string RawLogHref(int attempt) =>
        $"/api/v1/executions/{Uri.EscapeDataString(Step.ExecutionId)}/steps/{Uri.EscapeDataString(Step.StepName)}/logs?attempt={attempt}";

    /// <summary>The time of day to the second (UTC, like every stored time); the exact value is in the title.</summary>
    private static string Clock(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    // One <span> per block of lines, keyed by its number: full blocks never change, so a live log re-renders only its last block.
    private void RenderLog(RenderTreeBuilder builder)
    {
        var log = Log!;
        builder.OpenElement(0, "pre");
        builder.AddAttribute(1, "class", "step-log__text");
        builder.AddAttribute(2, "id", "step-logs");
        var lines = log.Lines;
        for (var start = 0; start < lines.Count; start += StepLogTail.BlockSize)
        {
            var count = Math.Min(StepLogTail.BlockSize, lines.Count - start);
            var text = new StringBuilder();
            for (var i = start; i < start + count; i++)
            {
                text.Append(lines[i]).Append('\n');
            }

            builder.OpenElement(3, "span");
            builder.SetKey((log.FirstLineNumber + start) / StepLogTail.BlockSize);
            builder.AddContent(4, text.ToString());
            builder.CloseElement();
        }

        builder.CloseElement();
    }
}
