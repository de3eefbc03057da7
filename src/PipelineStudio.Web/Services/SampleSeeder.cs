using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;

namespace PipelineStudio.Web.Services;

/// <summary>
/// Gives a new studio something to look at: on a store with no pipelines at all, every
/// <c>samples/*.json</c> becomes a pipeline named after its file. A sample that does not validate
/// or cannot be read is logged and skipped; seeding never stops the studio from starting.
/// </summary>
public sealed partial class SampleSeeder(PipelineLibrary library, IPipelineStore store, ILogger<SampleSeeder> logger)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped sample {File}: it could not be saved.")]
    private partial void LogSampleFailed(Exception exception, string file);
}
