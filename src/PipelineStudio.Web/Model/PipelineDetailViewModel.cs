using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model;

/// <summary>What loading a pipeline page found.</summary>
public enum PipelineLoadState
{
    Loading,
    Loaded,
    PipelineNotFound,
    VersionNotFound,
    Failed,
}

/// <summary>
/// State of a pipeline page: one stored version, its parsed definition and validation, the version
/// history, and which step is selected.
/// </summary>
public sealed class PipelineDetailViewModel(IPipelineStore store, ILogger logger)
{
    public PipelineLoadState State { get; private set; } = PipelineLoadState.Loading;

    public string Name { get; private set; } = "";

    public PipelineSummary? Summary { get; private set; }

    public PipelineVersion? Version { get; private set; }

    public IReadOnlyList<PipelineVersionInfo> Versions { get; private set; } = [];

    public PipelineDefinition? Definition { get; private set; }

    /// <summary>Validation of the stored text: a stored version has no errors, but may carry warnings.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; private set; } = [];

    public string? LoadError { get; private set; }

    public string? SelectedStep { get; private set; }

    public StepDetailsViewModel? SelectedDetails { get; private set; }

    public bool IsLatest => Version is not null && Summary is not null && Version.Info.Version == Summary.LatestVersion;

    public string ExportUrl => Version is null
        ? ""
        : $"/api/v1/pipelines/{Uri.EscapeDataString(Name)}/definition?version={Version.Info.Version}&download=true";

    public async Task LoadAsync(string name, int? version, CancellationToken cancellationToken = default)
    {
        Name = name;
        State = PipelineLoadState.Loading;
        SelectedStep = null;
        SelectedDetails = null;
        try
        {
            Summary = await store.FindAsync(name, cancellationToken);
            if (Summary is null)
            {
                State = PipelineLoadState.PipelineNotFound;
                return;
            }

            Version = version is { } v
                ? await store.GetVersionAsync(name, v, cancellationToken)
                : await store.GetLatestAsync(name, cancellationToken);
            Versions = await store.ListVersionsAsync(name, cancellationToken);
            if (Version is null)
            {
                State = PipelineLoadState.VersionNotFound;
                return;
            }

            var report = DefinitionValidator.Validate(Version.DefinitionJson);
            Definition = report.Definition;
            Issues = report.Issues;
            State = PipelineLoadState.Loaded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, "loading a pipeline");
            State = PipelineLoadState.Failed;
        }
    }

    /// <summary>Opens the details of <paramref name="stepName"/>; null closes them.</summary>
    public void SelectStep(string? stepName)
    {
        SelectedStep = stepName;
        SelectedDetails = stepName is null || Definition is null ? null : StepDetailsViewModel.Create(Definition, stepName, Issues);
    }
}
