using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model;

/// <summary>
/// State of the launch page: one pipeline version's parameter form, the recent executions it can copy values
/// from, and the start itself (refusals are shown, never thrown).
/// </summary>
public sealed class LaunchViewModel(IPipelineStore pipelines, IRunStore runs, IExecutionBackend backend, ILogger logger)
{
    /// <summary>How many earlier executions the "Clone from" picker offers.</summary>
    public const int RecentLimit = 20;

    public PipelineLoadState State { get; private set; } = PipelineLoadState.Loading;

    public string Name { get; private set; } = "";

    public PipelineVersion? Version { get; private set; }

    public int LatestVersion { get; private set; }

    public bool IsLatest => Version?.Info.Version == LatestVersion;

    public ParameterForm? Form { get; private set; }

    public string? LoadError { get; private set; }

    public IReadOnlyList<ExecutionRecord> RecentExecutions { get; private set; } = [];

    /// <summary>The execution whose values the form holds, when it was cloned.</summary>
    public ExecutionRecord? CloneSource { get; private set; }

    /// <summary>What cloning has to say (values left out, an execution of another pipeline, one that does not exist).</summary>
    public string? CloneNote { get; private set; }

    public string DisplayName { get; set; } = "";

    public bool IsStarting { get; private set; }

    /// <summary>Why the last start was refused or failed; empty otherwise.</summary>
    public IReadOnlyList<string> StartProblems { get; private set; } = [];

    public bool CanStart => State == PipelineLoadState.Loaded && Form is { IsValid: true } && !IsStarting;

    public async Task LoadAsync(string name, int? version, string? cloneFrom, CancellationToken cancellationToken = default)
    {
        Name = name;
        State = PipelineLoadState.Loading;
        try
        {
            var summary = await pipelines.FindAsync(name, cancellationToken);
            if (summary is null)
            {
                State = PipelineLoadState.PipelineNotFound;
                return;
            }

            LatestVersion = summary.LatestVersion;
            Version = version is { } v ? await pipelines.GetVersionAsync(name, v, cancellationToken) : await pipelines.GetLatestAsync(name, cancellationToken);
            if (Version is null)
            {
                State = PipelineLoadState.VersionNotFound;
                return;
            }

            var report = DefinitionValidator.Validate(Version.DefinitionJson);
            if (report.Definition is null)
            {
                LoadError = "The stored definition cannot be read, so there is no form to show.";
                State = PipelineLoadState.Failed;
                return;
            }

            Form = new ParameterForm(report.Definition);
            RecentExecutions = await runs.ListExecutionsAsync(new ExecutionQuery(name, Limit: RecentLimit), cancellationToken);
            State = PipelineLoadState.Loaded;
            if (!string.IsNullOrWhiteSpace(cloneFrom))
            {
                await CloneAsync(cloneFrom, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, "loading the launch form");
            State = PipelineLoadState.Failed;
        }
    }

    /// <summary>Fills the form with the parameter values of an earlier execution of this pipeline.</summary>
    public async Task CloneAsync(string executionId, CancellationToken cancellationToken = default)
    {
        if (Form is null)
        {
            return;
        }

        var source = RecentExecutions.FirstOrDefault(e => e.Id == executionId)
            ?? await runs.GetExecutionAsync(executionId, cancellationToken);
        if (source is null)
        {
            CloneSource = null;
            CloneNote = $"There is no execution “{executionId}” to copy values from; the form shows the defaults.";
            return;
        }

        if (source.PipelineName != Name)
        {
            CloneSource = null;
            CloneNote = $"Execution “{executionId}” belongs to pipeline “{source.PipelineName}”, so its values were not copied.";
            return;
        }

        CloneSource = source;
        var leftOut = Form.Apply(source.Parameters);
        CloneNote = leftOut.Count == 0
            ? null
            : $"Left out {string.Join(", ", leftOut)}: version {Version?.Info.Version} does not define {(leftOut.Count == 1 ? "it" : "them")}.";
    }

    /// <summary>Starts the execution; its id, or null when refused (see <see cref="StartProblems"/>).</summary>
    public async Task<string?> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Form is null || Version is null || !CanStart)
        {
            return null;
        }

        IsStarting = true;
        StartProblems = [];
        try
        {
            var request = new StartExecutionRequest(
                Name, Form.Supplied(), Version.Info.Version, string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim());
            var execution = await backend.StartAsync(request, cancellationToken);
            return execution.Id;
        }
        catch (ExecutionRefusedException refused)
        {
            StartProblems = refused.Problems;
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StartProblems = [UserFacingErrors.Describe(ex, logger, "starting an execution")];
            return null;
        }
        finally
        {
            IsStarting = false;
        }
    }
}
