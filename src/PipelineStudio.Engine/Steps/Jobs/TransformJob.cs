using System.Text.Json.Nodes;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// A CreateTransformJob request run locally as one batch command. The local contract, which an inference
/// script follows to serve both SageMaker and the studio:
/// <list type="bullet">
/// <item>the model's ModelDataUrl is staged in <c>/opt/ml/model</c> (a <c>.tar.gz</c> is extracted there);</item>
/// <item>its code comes from the container's <c>SAGEMAKER_SUBMIT_DIRECTORY</c> (s3 tar.gz or prefix) into
/// <c>/opt/ml/model/code</c>, or is the <c>code/</c> folder already inside model.tar.gz;</item>
/// <item>every object under TransformInput's S3Uri is copied to <c>/opt/ml/transform/input</c>;</item>
/// <item>the image's mapped command (e.g. python3) runs <c>SAGEMAKER_PROGRAM</c> as
/// <c>&lt;program&gt; --model-dir /opt/ml/model --input-dir /opt/ml/transform/input --output-dir /opt/ml/transform/output</c>
/// with the container's Environment, the step's Environment and SM_MODEL_DIR, SM_TRANSFORM_INPUT_DIR,
/// SM_TRANSFORM_OUTPUT_DIR, SM_CONTENT_TYPE, SM_ACCEPT, SM_SPLIT_TYPE, SM_ASSEMBLE_WITH;</item>
/// <item>the script writes one <c>&lt;input file name&gt;.out</c> per input file, as Batch Transform names them, and
/// everything under <c>/opt/ml/transform/output</c> is uploaded below TransformOutput.S3OutputPath.</item>
/// </list>
/// </summary>
public static class TransformJob
{
    private const string ModelFolder = "/opt/ml/model";
    private const string InputFolder = "/opt/ml/transform/input";
    private const string OutputFolder = "/opt/ml/transform/output";

    /// <param name="container">The model's PrimaryContainer (Image, Environment, ModelDataUrl), as its Model step recorded it.</param>
    public static async Task<JsonObject> RunAsync(
        JsonObject arguments, JsonObject container, string jobName, ContainerContract contract, JobServices services, CancellationToken cancellationToken)
    {
        var createdAt = services.Time.GetUtcNow();
        var containerEnvironment = JobJson.TextMap(container["Environment"]);
        var program = containerEnvironment.GetValueOrDefault("SAGEMAKER_PROGRAM")
            ?? throw JobFailedException.Client("The model's container has no SAGEMAKER_PROGRAM environment variable naming its inference script.");
        var outputPath = JobJson.Text(arguments, "TransformOutput", "S3OutputPath")
            ?? throw JobFailedException.Client("The transform job has no TransformOutput.S3OutputPath.");
        var inputUri = JobJson.Text(arguments, "TransformInput", "DataSource", "S3DataSource", "S3Uri")
            ?? throw JobFailedException.Client("The transform job has no TransformInput.DataSource.S3DataSource.S3Uri.");
        IReadOnlyList<string> interpreter;
        try
        {
            interpreter = services.Images.ResolveCommand(null, JobJson.Text(container, "Image"));
        }
        catch (InvalidOperationException ex)
        {
            throw JobFailedException.Client(ex.Message);
        }

        var modelFolder = contract.EnsureDirectory(ModelFolder);
        await StageModelAsync(JobJson.Text(container, "ModelDataUrl"), modelFolder, contract, services, cancellationToken).ConfigureAwait(false);
        var codeFolder = Path.Combine(modelFolder, "code");
        var script = containerEnvironment.TryGetValue("SAGEMAKER_SUBMIT_DIRECTORY", out var submitDirectory)
            ? await SourceDirectory.StageAsync(submitDirectory, program, codeFolder, Path.Combine(contract.Workspace, "sourcedir"), services, cancellationToken).ConfigureAwait(false)
            : ExistingScript(codeFolder, program);
        var inputFolder = contract.EnsureDirectory(InputFolder);
        await JobStaging.DownloadAsync(services, inputUri, inputFolder, "transform input", cancellationToken).ConfigureAwait(false);
        var outputFolder = contract.EnsureDirectory(OutputFolder);

        var environment = ProcessingJob.WithDefaults(contract.Map(containerEnvironment));
        foreach (var (name, value) in contract.Map(JobJson.TextMap(arguments["Environment"])))
        {
            environment[name] = value;
        }

        environment["TRANSFORM_JOB_NAME"] = jobName;
        environment["SM_MODEL_DIR"] = modelFolder;
        environment["SM_TRANSFORM_INPUT_DIR"] = inputFolder;
        environment["SM_TRANSFORM_OUTPUT_DIR"] = outputFolder;
        environment["SM_CONTENT_TYPE"] = JobJson.Text(arguments, "TransformInput", "ContentType") ?? "";
        environment["SM_SPLIT_TYPE"] = JobJson.Text(arguments, "TransformInput", "SplitType") ?? "None";
        environment["SM_ACCEPT"] = JobJson.Text(arguments, "TransformOutput", "Accept") ?? "";
        environment["SM_ASSEMBLE_WITH"] = JobJson.Text(arguments, "TransformOutput", "AssembleWith") ?? "None";

        var startedAt = services.Time.GetUtcNow();
        var spec = new ProcessSpec(interpreter[0],
            [.. interpreter.Skip(1), script, "--model-dir", modelFolder, "--input-dir", inputFolder, "--output-dir", outputFolder],
            environment, Path.GetDirectoryName(script)!);
        await JobProcess.RunAsync(services, spec, observe: null, maxRuntime: null, cancellationToken).ConfigureAwait(false);
        await JobStaging.UploadDirectoryAsync(services, outputFolder, outputPath, "transform output", cancellationToken).ConfigureAwait(false);

        var endedAt = services.Time.GetUtcNow();
        var properties = arguments.DeepClone().AsObject();
        properties["TransformJobName"] = jobName;
        properties["TransformJobArn"] = JobNames.Arn("transform-job", jobName);
        properties["TransformJobStatus"] = "Completed";
        properties["CreationTime"] = JobJson.Time(createdAt);
        properties["TransformStartTime"] = JobJson.Time(startedAt);
        properties["TransformEndTime"] = JobJson.Time(endedAt);
        return properties;
    }

    private static async Task StageModelAsync(string? modelDataUrl, string modelFolder, ContainerContract contract, JobServices services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(modelDataUrl))
        {
            return; // a model may carry everything in its image; the script then needs no model files
        }

        if (!ModelArchive.IsArchiveUri(modelDataUrl))
        {
            await JobStaging.DownloadAsync(services, modelDataUrl, modelFolder, "model data", cancellationToken).ConfigureAwait(false);
            return;
        }

        var scratch = Path.Combine(contract.Workspace, "modeldata");
        var objects = await JobStaging.DownloadAsync(services, modelDataUrl, scratch, "model data", cancellationToken).ConfigureAwait(false);
        var archive = Path.Combine(scratch, Path.GetFileName(objects[0].Uri));
        await JobStaging.GuardAsync("model data", modelDataUrl, async () =>
        {
            await ModelArchive.ExtractAsync(archive, modelFolder, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    private static string ExistingScript(string codeFolder, string program)
    {
        var script = Path.GetFullPath(Path.Combine(codeFolder, program));
        return script.StartsWith(codeFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(script)
            ? script
            : throw JobFailedException.Client(
                $"Inference script '{program}' was not found: set SAGEMAKER_SUBMIT_DIRECTORY on the model's container or pack it under code/ in model.tar.gz.");
    }
}
