using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;

namespace PipelineStudio.Web.Model;

/// <summary>What the diff page found when loading two versions.</summary>
public enum VersionDiffState
{
    Loading,
    Loaded,
    PipelineNotFound,
    VersionNotFound,

    /// <summary>The pipeline has a single version: nothing to compare.</summary>
    SingleVersion,
    Failed,
}

/// <summary>
/// The diff page's state: two stored versions of a pipeline, their structural diff and their text diff.
/// Missing <c>from</c>/<c>to</c> default to the latest version and the one before it.
/// </summary>
public sealed class VersionDiffViewModel(IPipelineStore store, ILogger logger)
{
    public VersionDiffState State { get; private set; } = VersionDiffState.Loading;

    public IReadOnlyList<PipelineVersionInfo> Versions { get; private set; } = [];

    public PipelineVersionInfo? From { get; private set; }

    public PipelineVersionInfo? To { get; private set; }

    /// <summary>The version asked for that does not exist, for the message.</summary>
    public int? MissingVersion { get; private set; }

    public PipelineDiffResult? Diff { get; private set; }

    public IReadOnlyList<DiffLine> TextDiff { get; private set; } = [];

    public string? LoadError { get; private set; }

    public async Task LoadAsync(string name, int? from, int? to, CancellationToken cancellationToken = default)
    {
        State = VersionDiffState.Loading;
        Diff = null;
        TextDiff = [];
        MissingVersion = null;
        try
        {
            Versions = await store.ListVersionsAsync(name, cancellationToken);
            if (Versions.Count == 0)
            {
                State = VersionDiffState.PipelineNotFound;
                return;
            }

            var latest = Versions.Max(v => v.Version);
            var toVersion = to ?? latest;
            var fromVersion = from ?? Versions.Where(v => v.Version < toVersion).Select(v => (int?)v.Version).Max() ?? toVersion;
            if (from is null && to is null && Versions.Count == 1)
            {
                To = From = Versions[0];
                State = VersionDiffState.SingleVersion;
                return;
            }

            var older = await store.GetVersionAsync(name, fromVersion, cancellationToken);
            var newer = await store.GetVersionAsync(name, toVersion, cancellationToken);
            if (older is null || newer is null)
            {
                MissingVersion = older is null ? fromVersion : toVersion;
                State = VersionDiffState.VersionNotFound;
                return;
            }

            From = older.Info;
            To = newer.Info;
            var (olderDefinition, olderIssue) = PipelineDefinition.Parse(older.DefinitionJson);
            var (newerDefinition, newerIssue) = PipelineDefinition.Parse(newer.DefinitionJson);
            if (olderDefinition is null || newerDefinition is null)
            {
                LoadError = (olderIssue ?? newerIssue)?.Message;
                State = VersionDiffState.Failed;
                return;
            }

            Diff = PipelineDiff.Compare(olderDefinition, newerDefinition);
            TextDiff = JsonTextDiff.Build(olderDefinition, newerDefinition);
            State = VersionDiffState.Loaded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, "comparing two pipeline versions");
            State = VersionDiffState.Failed;
        }
    }
}
