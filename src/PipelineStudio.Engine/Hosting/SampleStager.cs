using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;

namespace PipelineStudio.Engine.Hosting;

/// <summary>
/// Puts the demo pipelines' scripts where their definitions expect them: every file of
/// <c>samples/&lt;pipeline&gt;/</c> becomes <c>s3://pipelinestudio-samples/&lt;pipeline&gt;/code/&lt;file&gt;</c>
/// (see samples/README.md). Staging again overwrites with the same content, so it is safe at every start.
/// </summary>
public sealed class SampleStager(IArtifactStore artifacts)
{
    public const string Bucket = "pipelinestudio-samples";

    /// <summary>The prefix a sample pipeline's definition reads its scripts from.</summary>
    public static string CodePrefix(string pipelineName) => $"s3://{Bucket}/{pipelineName}/code/";

    /// <summary>
    /// The scripts folder of a definition file: the folder next to it named like the file without <c>.json</c>,
    /// when that name is a valid pipeline name and the folder exists; otherwise null.
    /// </summary>
    public static string? FindScriptsFolder(string definitionFile)
    {
        var fullPath = Path.GetFullPath(definitionFile);
        var name = Path.GetFileNameWithoutExtension(fullPath);
        var folder = Path.Combine(Path.GetDirectoryName(fullPath) ?? ".", name);
        return PipelineNames.IsValidPipelineName(name) && Directory.Exists(folder) ? folder : null;
    }

    /// <summary>Stages one pipeline's scripts folder; returns how many files were uploaded.</summary>
    public async Task<int> StageAsync(string pipelineName, string scriptsFolder, CancellationToken cancellationToken = default)
    {
        var uploaded = await artifacts.UploadDirectoryAsync(scriptsFolder, CodePrefix(pipelineName), cancellationToken).ConfigureAwait(false);
        return uploaded.Count;
    }

    /// <summary>
    /// Stages every <c>&lt;name&gt;/</c> folder of the samples directory that has a matching <c>&lt;name&gt;.json</c>;
    /// returns the pipeline names staged. A missing samples directory stages nothing.
    /// </summary>
    public async Task<IReadOnlyList<string>> StageAllAsync(string samplesDirectory, CancellationToken cancellationToken = default)
    {
        var staged = new List<string>();
        if (!Directory.Exists(samplesDirectory))
        {
            return staged;
        }

        foreach (var definition in Directory.EnumerateFiles(samplesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            if (FindScriptsFolder(definition) is { } folder)
            {
                var name = Path.GetFileNameWithoutExtension(definition);
                await StageAsync(name, folder, cancellationToken).ConfigureAwait(false);
                staged.Add(name);
            }
        }

        return staged;
    }
}
