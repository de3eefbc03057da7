using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// A CreateProcessingJob request run locally: each ProcessingInputs S3Input is copied to its LocalPath, the
/// ContainerEntrypoint (or the image's mapped command) runs with ContainerArguments and Environment, and each
/// output's LocalPath is uploaded to its S3Uri once the process exits with 0. Local paths must lie under
/// <c>/opt/ml/</c>, which maps into the attempt's workspace.
/// </summary>
public static class ProcessingJob
{
    /// <summary>Runs the job and returns its DescribeProcessingJob-shaped properties; failures throw <see cref="JobFailedException"/>.</summary>
    public static async Task<JsonObject> RunAsync(
        JsonObject arguments, string jobName, ContainerContract contract, JobServices services, CancellationToken cancellationToken)
    {
        var createdAt = services.Time.GetUtcNow();
        var app = arguments["AppSpecification"] as JsonObject ?? throw JobFailedException.Client("The processing job has no AppSpecification.");
        var image = JobJson.Text(app, "ImageUri");
        var inputs = JsonRead.Objects(arguments["ProcessingInputs"]).ToList();
        var outputs = JsonRead.Objects((arguments["ProcessingOutputConfig"] as JsonObject)?["Outputs"]).ToList();
        IReadOnlyList<string> command;
        try
        {
            command = services.Images.ResolveCommand(JobJson.TextList(app["ContainerEntrypoint"]), image);
        }
        catch (InvalidOperationException ex)
        {
            throw JobFailedException.Client(ex.Message);
        }

        Directory.CreateDirectory(contract.OptMl);
        JobJson.WriteFile(contract.Map("/opt/ml/config/processingjobconfig.json"), WithName(arguments, jobName));
        JobJson.WriteFile(contract.Map("/opt/ml/config/resourceconfig.json"), new JsonObject
        {
            ["current_host"] = ScriptModeEnvironment.Host,
            ["hosts"] = new JsonArray(ScriptModeEnvironment.Host),
        });
        foreach (var input in inputs)
        {
            await StageInputAsync(input, contract, services, cancellationToken).ConfigureAwait(false);
        }

        var outputFolders = outputs.Select(output => (Output: output, Folder: OutputFolder(output, contract))).ToList();
        var spec = new ProcessSpec(
            contract.Map(command[0]),
            contract.Map([.. command.Skip(1), .. JobJson.TextList(app["ContainerArguments"]) ?? []]),
            WithDefaults(contract.Map(JobJson.TextMap(arguments["Environment"]))),
            contract.Workspace);
        var startedAt = services.Time.GetUtcNow();
        await JobProcess.RunAsync(services, spec, observe: null, JobJson.MaxRuntime(arguments["StoppingCondition"]), cancellationToken).ConfigureAwait(false);

        foreach (var (output, folder) in outputFolders)
        {
            var name = JsonRead.String(output, "OutputName") ?? "(unnamed)";
            await JobStaging.UploadDirectoryAsync(services, folder, JobJson.Text(output, "S3Output", "S3Uri"), $"output '{name}'", cancellationToken).ConfigureAwait(false);
        }

        var endedAt = services.Time.GetUtcNow();
        var properties = WithName(arguments, jobName);
        properties["ProcessingJobArn"] = JobNames.Arn("processing-job", jobName);
        properties["ProcessingJobStatus"] = "Completed";
        properties["ExitMessage"] = "";
        properties["CreationTime"] = JobJson.Time(createdAt);
        properties["ProcessingStartTime"] = JobJson.Time(startedAt);
        properties["ProcessingEndTime"] = JobJson.Time(endedAt);
        properties["LastModifiedTime"] = JobJson.Time(endedAt);
        return properties;
    }

    /// <summary>Variables every local job gets unless it sets them: unbuffered Python, so its lines reach the log as they are printed.</summary>
    public static Dictionary<string, string> WithDefaults(IReadOnlyDictionary<string, string> environment)
    {
        var merged = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        merged.TryAdd("PYTHONUNBUFFERED", "1");
        return merged;
    }

    /// <summary>Checks that a container path lies under /opt/ml/ (anything else would be a path on the host) and maps it.</summary>
    public static string LocalFolder(string? containerPath, ContainerContract contract, string what)
    {
        if (string.IsNullOrEmpty(containerPath)
            || !containerPath.StartsWith(ContainerContract.ContainerRoot + "/", StringComparison.Ordinal)
            || containerPath.Split('/').Any(segment => segment is "." or ".."))
        {
            throw JobFailedException.Client($"{what}: LocalPath '{containerPath}' must be an absolute path under /opt/ml/ (e.g. /opt/ml/processing/input/data).");
        }

        return contract.Map(containerPath);
    }

    private static async Task StageInputAsync(JsonObject input, ContainerContract contract, JobServices services, CancellationToken cancellationToken)
    {
        var what = $"input '{JsonRead.String(input, "InputName") ?? "(unnamed)"}'";
        if (input["S3Input"] is not JsonObject s3Input)
        {
            throw JobFailedException.Client($"{what}: only S3Input sources run locally (DatasetDefinition needs Athena or Redshift).");
        }

        if (JobJson.Text(s3Input, "S3DataType") is "ManifestFile")
        {
            throw JobFailedException.Client($"{what}: S3DataType ManifestFile is not supported locally; use S3Prefix.");
        }

        var folder = LocalFolder(JobJson.Text(s3Input, "LocalPath"), contract, what);
        await JobStaging.DownloadAsync(services, JobJson.Text(s3Input, "S3Uri"), folder, what, cancellationToken).ConfigureAwait(false);
    }

    private static string OutputFolder(JsonObject output, ContainerContract contract)
    {
        var what = $"output '{JsonRead.String(output, "OutputName") ?? "(unnamed)"}'";
        if (output["S3Output"] is not JsonObject s3Output)
        {
            throw JobFailedException.Client($"{what}: only S3Output destinations run locally (not FeatureStoreOutput).");
        }

        var folder = LocalFolder(JobJson.Text(s3Output, "LocalPath"), contract, what);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static JsonObject WithName(JsonObject arguments, string jobName)
    {
        var copy = arguments.DeepClone().AsObject();
        copy["ProcessingJobName"] = jobName;
        return copy;
    }
}
