using System.Text.Json.Nodes;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// A training job's CheckpointConfig: whatever is stored under S3Uri is copied to LocalPath (default
/// <c>/opt/ml/checkpoints</c>) before the script starts, so a retried job can resume, and copied back when it ends.
/// </summary>
public static class Checkpoints
{
    private const string DefaultLocalPath = "/opt/ml/checkpoints";

    /// <summary>Restores the checkpoints; returns (folder, S3Uri) to save later, or null when the job has no CheckpointConfig.</summary>
    public static async Task<(string Folder, string Uri)?> RestoreAsync(
        JsonObject? checkpointConfig, ContainerContract contract, JobServices services, CancellationToken cancellationToken)
    {
        if (JobJson.Text(checkpointConfig, "S3Uri") is not { Length: > 0 } uri)
        {
            return null;
        }

        var folder = ProcessingJob.LocalFolder(JobJson.Text(checkpointConfig, "LocalPath") ?? DefaultLocalPath, contract, "CheckpointConfig");
        Directory.CreateDirectory(folder);
        // Unlike an input, an empty checkpoint prefix is normal: the first attempt has nothing to resume from.
        var restored = await JobStaging.GuardAsync("checkpoints", uri, () => services.Artifacts.DownloadAsync(uri, folder, cancellationToken)).ConfigureAwait(false);
        services.Note($"Restored {restored.Count} checkpoint object(s) from {uri}.");
        return (folder, uri);
    }

    public static async Task SaveAsync((string Folder, string Uri)? checkpoints, JobServices services, CancellationToken cancellationToken)
    {
        if (checkpoints is { } target)
        {
            await JobStaging.UploadDirectoryAsync(services, target.Folder, target.Uri, "checkpoints", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Saves what a failed attempt left, without letting a save error hide the job's own failure.</summary>
    public static async Task SaveAfterFailureAsync((string Folder, string Uri)? checkpoints, JobServices services, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(checkpoints, services, cancellationToken).ConfigureAwait(false);
        }
        catch (JobFailedException ex)
        {
            services.Note("Checkpoints were not saved: " + ex.Message);
        }
    }
}
