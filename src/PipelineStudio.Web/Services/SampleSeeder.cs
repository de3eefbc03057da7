using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Engine.Hosting;

namespace PipelineStudio.Web.Services;

/// <summary>
/// Gives a new studio something to look at: on a store with no pipelines at all, every
/// <c>samples/*.json</c> becomes a pipeline named after its file. A sample that does not validate
/// or cannot be read is logged and skipped; seeding never stops the studio from starting.
/// Every start also stages the samples' scripts into the artifact store (<see cref="SampleStager"/>), so the
/// demo pipelines can run even when they were seeded long ago or the artifacts were deleted.
/// </summary>
public sealed partial class SampleSeeder(PipelineLibrary library, IPipelineStore store, SampleStager stager, ILogger<SampleSeeder> logger)
{
    public const string Author = "studio";
    public const string Message = "Demo pipeline";

    /// <summary>Seeds from <paramref name="samplesDirectory"/> and returns how many pipelines were created.</summary>
    public async Task<int> SeedAsync(string? samplesDirectory, CancellationToken cancellationToken = default)
    {
        if (samplesDirectory is null || !Directory.Exists(samplesDirectory))
        {
            LogNoSamples(samplesDirectory ?? "(none)");
            return 0;
        }

        await StageScriptsAsync(samplesDirectory, cancellationToken).ConfigureAwait(false);
        var existing = await store.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            return 0;
        }

        var created = 0;
        foreach (var file in Directory.EnumerateFiles(samplesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            if (await TrySeedAsync(file, cancellationToken).ConfigureAwait(false))
            {
                created++;
            }
        }

        LogSeeded(created, samplesDirectory);
        return created;
    }

    private async Task StageScriptsAsync(string samplesDirectory, CancellationToken cancellationToken)
    {
        try
        {
            var staged = await stager.StageAllAsync(samplesDirectory, cancellationToken).ConfigureAwait(false);
            LogStaged(staged.Count, SampleStager.Bucket);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the scripts the demo runs fail at their first step, which says so; the studio still starts.
            LogStagingFailed(ex, samplesDirectory);
        }
    }

    private async Task<bool> TrySeedAsync(string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        try
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            var result = await library.SaveAsync(name, text, Author, Message, isImport: true, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (!result.Saved)
            {
                LogSampleInvalid(file, string.Join("; ", result.Issues.Where(i => i.IsError)));
            }

            return result.Saved;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A broken sample (unreadable file, store refusing it) must not keep the studio from starting.
            LogSampleFailed(ex, file);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No samples folder at {Directory}; nothing to seed.")]
    private partial void LogNoSamples(string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo pipeline(s) from {Directory}.")]
    private partial void LogSeeded(int count, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped sample {File}: it does not validate: {Errors}")]
    private partial void LogSampleInvalid(string file, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staged the scripts of {Count} sample pipeline(s) into s3://{Bucket}/.")]
    private partial void LogStaged(int count, string bucket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not stage the sample scripts of {Directory}.")]
    private partial void LogStagingFailed(Exception exception, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped sample {File}: it could not be saved.")]
    private partial void LogSampleFailed(Exception exception, string file);
}
