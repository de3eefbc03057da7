using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Artifacts;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>A finished training job: its DescribeTrainingJob-shaped properties and the metrics its log gave.</summary>
public sealed record TrainingJobResult(JsonObject Properties, MetricDefinitions Metrics);

/// <summary>
/// A CreateTrainingJob request run locally in script mode, as the SageMaker training toolkit does it: channels
/// are staged under <c>/opt/ml/input/data/&lt;channel&gt;</c>, <c>sagemaker_submit_directory</c> (an s3 tar.gz or
/// prefix) is unpacked into <c>/opt/ml/code</c>, and <c>sagemaker_program</c> runs there with the image's mapped
/// command, the hyperparameters as <c>--name value</c> and the SM_* variables. An explicit ContainerEntrypoint
/// runs instead (with ContainerArguments). Afterwards <c>/opt/ml/model</c> is packed into
/// <c>&lt;S3OutputPath&gt;/&lt;job&gt;/output/model.tar.gz</c> and MetricDefinitions give FinalMetricDataList.
/// </summary>
public static class TrainingJob
{
    private const string FailureFile = "/opt/ml/output/failure";

    public static async Task<TrainingJobResult> RunAsync(
        JsonObject request, string jobName, ContainerContract contract, JobServices services, CancellationToken cancellationToken)
    {
        var createdAt = services.Time.GetUtcNow();
        var algorithm = request["AlgorithmSpecification"] as JsonObject ?? throw JobFailedException.Client("The training job has no AlgorithmSpecification.");
        var image = JobJson.Text(algorithm, "TrainingImage");
        var outputPath = JobJson.Text(request, "OutputDataConfig", "S3OutputPath")
            ?? throw JobFailedException.Client("The training job has no OutputDataConfig.S3OutputPath.");
        var modelUri = ArtifactUri.TryParse(outputPath, out var outputUri, out var problem)
            ? outputUri.Append($"{jobName}/output/model.tar.gz").ToString()
            : throw JobFailedException.Client($"OutputDataConfig.S3OutputPath '{outputPath}' is invalid: {problem}");
        var metrics = ReadMetrics(algorithm);
        var hyperParameters = HyperParameters.From(request["HyperParameters"]);

        Directory.CreateDirectory(contract.OptMl);
        var channels = await StageChannelsAsync(request, contract, services, cancellationToken).ConfigureAwait(false);
        var checkpoints = await Checkpoints.RestoreAsync(request["CheckpointConfig"] as JsonObject, contract, services, cancellationToken).ConfigureAwait(false);
        WriteConfigFiles(request, hyperParameters, contract);
        var codeDirectory = contract.EnsureDirectory("/opt/ml/code");
        var command = await CommandAsync(algorithm, image, hyperParameters, contract, services, cancellationToken).ConfigureAwait(false);
        foreach (var folder in new[] { "/opt/ml/model", "/opt/ml/output/data" })
        {
            contract.EnsureDirectory(folder);
        }

        var environment = ProcessingJob.WithDefaults(contract.Map(JobJson.TextMap(request["Environment"])));
        foreach (var (name, value) in ScriptModeEnvironment.Create(jobName, hyperParameters, channels, contract))
        {
            environment[name] = value;
        }

        var startedAt = services.Time.GetUtcNow();
        // Hyperparameter values are arguments and variables too: "/opt/ml/..." in them maps like everywhere else.
        var spec = new ProcessSpec(command[0], contract.Map(command.Skip(1)), contract.Map(environment), codeDirectory);
        try
        {
            await JobProcess.RunAsync(services, spec, line => metrics.Observe(line, services.Time.GetUtcNow()),
                JobJson.MaxRuntime(request["StoppingCondition"]), cancellationToken).ConfigureAwait(false);
        }
        catch (JobFailedException ex)
        {
            // Checkpoints of a failed attempt are kept, so a retry can resume from them.
            await Checkpoints.SaveAfterFailureAsync(checkpoints, services, cancellationToken).ConfigureAwait(false);
            if (ReadFailureFile(contract) is not { } written)
            {
                throw;
            }

            // The training contract's own failure channel: the script's explanation comes first.
            throw new JobFailedException(ex.Kind, $"{written}\n{ex.Message}", ex);
        }

        await Checkpoints.SaveAsync(checkpoints, services, cancellationToken).ConfigureAwait(false);
        var packed = Path.Combine(contract.Workspace, "model.tar.gz");
        await ModelArchive.PackAsync(contract.Map("/opt/ml/model"), packed, cancellationToken).ConfigureAwait(false);
        await JobStaging.UploadFileAsync(services, packed, modelUri, "model.tar.gz", cancellationToken).ConfigureAwait(false);
        await UploadOutputDataAsync(contract, outputUri.Append($"{jobName}/output/output.tar.gz").ToString(), services, cancellationToken).ConfigureAwait(false);

        var endedAt = services.Time.GetUtcNow();
        var properties = request.DeepClone().AsObject();
        properties["TrainingJobName"] = jobName;
        properties["TrainingJobArn"] = JobNames.Arn("training-job", jobName);
        properties["TrainingJobStatus"] = "Completed";
        properties["SecondaryStatus"] = "Completed";
        properties["ModelArtifacts"] = new JsonObject { ["S3ModelArtifacts"] = modelUri };
        properties["FinalMetricDataList"] = metrics.ToFinalMetricDataList();
        properties["CreationTime"] = JobJson.Time(createdAt);
        properties["TrainingStartTime"] = JobJson.Time(startedAt);
        properties["TrainingEndTime"] = JobJson.Time(endedAt);
        properties["LastModifiedTime"] = JobJson.Time(endedAt);
        properties["TrainingTimeInSeconds"] = (long)Math.Ceiling((endedAt - startedAt).TotalSeconds);
        properties["SecondaryStatusTransitions"] = new JsonArray(new JsonObject
        {
            ["Status"] = "Completed",
            ["StartTime"] = JobJson.Time(startedAt),
            ["EndTime"] = JobJson.Time(endedAt),
            ["StatusMessage"] = "Training job completed",
        });
        return new TrainingJobResult(properties, metrics);
    }

    private static MetricDefinitions ReadMetrics(JsonObject algorithm)
    {
        try
        {
            return MetricDefinitions.From(algorithm["MetricDefinitions"]);
        }
        catch (ArgumentException ex)
        {
            throw JobFailedException.Client(ex.Message);
        }
    }

    private static async Task<IReadOnlyList<(string Name, string Folder)>> StageChannelsAsync(
        JsonObject request, ContainerContract contract, JobServices services, CancellationToken cancellationToken)
    {
        var channels = new List<(string, string)>();
        foreach (var channel in JsonRead.Objects(request["InputDataConfig"]))
        {
            var name = JsonRead.String(channel, "ChannelName") ?? "";
            if (name.Length == 0 || ContainerContract.SafeName(name) != name)
            {
                throw JobFailedException.Client($"Channel name '{name}' is invalid: use letters, digits, '.', '-' and '_'.");
            }

            var what = $"channel '{name}'";
            var uri = JobJson.Text(channel, "DataSource", "S3DataSource", "S3Uri")
                ?? throw JobFailedException.Client($"{what}: only S3DataSource channels run locally.");
            var folder = contract.EnsureDirectory($"/opt/ml/input/data/{name}");
            await JobStaging.DownloadAsync(services, uri, folder, what, cancellationToken).ConfigureAwait(false);
            channels.Add((name, folder));
        }

        return channels;
    }

    private static async Task<IReadOnlyList<string>> CommandAsync(
        JsonObject algorithm, string? image, HyperParameters hyperParameters, ContainerContract contract, JobServices services, CancellationToken cancellationToken)
    {
        try
        {
            if (JobJson.TextList(algorithm["ContainerEntrypoint"]) is { Count: > 0 } entrypoint)
            {
                var explicitCommand = services.Images.ResolveCommand(entrypoint, image);
                return contract.Map([.. explicitCommand, .. JobJson.TextList(algorithm["ContainerArguments"]) ?? []]);
            }

            var program = hyperParameters.Program ?? throw JobFailedException.Client(
                $"The training job runs image '{image}' without sagemaker_program or ContainerEntrypoint: only script mode runs locally " +
                "(set the sagemaker_program and sagemaker_submit_directory hyperparameters, as the SDK's framework estimators do).");
            var script = await SourceDirectory.StageAsync(hyperParameters.SubmitDirectory, program, contract, services, cancellationToken).ConfigureAwait(false);
            var interpreter = program.EndsWith(".sh", StringComparison.Ordinal) ? ["/bin/sh"] : services.Images.ResolveCommand(null, image);
            return [.. interpreter, script, .. hyperParameters.ToArguments()];
        }
        catch (InvalidOperationException ex)
        {
            throw JobFailedException.Client(ex.Message);
        }
    }

    private static void WriteConfigFiles(JsonObject request, HyperParameters hyperParameters, ContainerContract contract)
    {
        var hps = new JsonObject();
        foreach (var (name, value) in hyperParameters.Raw)
        {
            hps[name] = value;
        }

        var channels = new JsonObject();
        foreach (var channel in JsonRead.Objects(request["InputDataConfig"]))
        {
            channels[JsonRead.String(channel, "ChannelName") ?? ""] = new JsonObject
            {
                ["ContentType"] = JobJson.Text(channel, "ContentType"),
                ["TrainingInputMode"] = JobJson.Text(request, "AlgorithmSpecification", "TrainingInputMode") ?? "File",
                ["S3DistributionType"] = JobJson.Text(channel, "DataSource", "S3DataSource", "S3DataDistributionType") ?? "FullyReplicated",
                ["RecordWrapperType"] = JobJson.Text(channel, "RecordWrapperType") ?? "None",
            };
        }

        JobJson.WriteFile(contract.Map("/opt/ml/input/config/hyperparameters.json"), hps);
        JobJson.WriteFile(contract.Map("/opt/ml/input/config/inputdataconfig.json"), channels);
        JobJson.WriteFile(contract.Map("/opt/ml/input/config/resourceconfig.json"), new JsonObject
        {
            ["current_host"] = ScriptModeEnvironment.Host,
            ["hosts"] = new JsonArray(ScriptModeEnvironment.Host),
            ["network_interface_name"] = "eth0",
        });
    }

    private static async Task UploadOutputDataAsync(ContainerContract contract, string uri, JobServices services, CancellationToken cancellationToken)
    {
        var folder = contract.Map("/opt/ml/output/data");
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return;
        }

        var packed = Path.Combine(contract.Workspace, "output.tar.gz");
        await ModelArchive.PackAsync(folder, packed, cancellationToken).ConfigureAwait(false);
        await JobStaging.UploadFileAsync(services, packed, uri, "output.tar.gz", cancellationToken).ConfigureAwait(false);
    }

    private static string? ReadFailureFile(ContainerContract contract)
    {
        var path = contract.Map(FailureFile);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Trim();
        return text.Length == 0 ? null : text.Length > 1024 ? text[..1024] : text;
    }
}
