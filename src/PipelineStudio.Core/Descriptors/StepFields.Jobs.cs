using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Descriptors;

/// <summary>Fields of the job steps: Processing, Training, Tuning, Transform, Model.</summary>
public static partial class StepFields
{
    private const string S3Help = "An s3:// URI; locally it maps onto the studio's artifact folder.";

    private static IReadOnlyList<FieldGroup> Processing() =>
    [
        new("Container",
        [
            Text("Arguments.AppSpecification.ImageUri", "Image URI",
                "The processing container image. Locally, the image decides which interpreter runs the entrypoint (sklearn images run python3)."),
            Strings("Arguments.AppSpecification.ContainerEntrypoint", "Entrypoint",
                "The command and its first arguments, e.g. python3 /opt/ml/processing/input/code/script.py.", expression: false),
            Strings("Arguments.AppSpecification.ContainerArguments", "Arguments",
                "Arguments passed after the entrypoint; numbers from parameters need a Join to become strings."),
            Map("Arguments.Environment", "Environment", "Environment variables set in the container."),
        ]),
        new("Data",
        [
            ProcessingInputs(),
            ProcessingOutputs(),
            PropertyFiles(),
        ]),
        new("Resources",
        [
            InstanceType("Arguments.ProcessingResources.ClusterConfig.InstanceType"),
            Integer("Arguments.ProcessingResources.ClusterConfig.InstanceCount", "Instance count", "How many instances run the job."),
            Integer("Arguments.ProcessingResources.ClusterConfig.VolumeSizeInGB", "Volume size (GB)", "Storage attached to each instance."),
            Integer("Arguments.StoppingCondition.MaxRuntimeInSeconds", "Max runtime (s)", "The job is stopped after this many seconds."),
            Text("Arguments.RoleArn", "Role ARN", "The IAM role the job runs as."),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Training() =>
    [
        new("Algorithm",
        [
            Text("Arguments.AlgorithmSpecification.TrainingImage", "Training image",
                "The training container image; framework images (sklearn, xgboost...) run your script in script mode."),
            new("Arguments.HyperParameters.sagemaker_program", "Entry point script",
                "The script run in script mode, relative to the source directory (the SDK's entry_point).", FieldKind.Text, false)
            { JsonEncoded = true, Placeholder = "train.py" },
            new("Arguments.HyperParameters.sagemaker_submit_directory", "Source directory",
                "An s3:// URI of a sourcedir.tar.gz or a prefix holding the script and its helpers (the SDK's source_dir).", FieldKind.Text, false)
            { JsonEncoded = true },
            Map("Arguments.HyperParameters", "Hyperparameters",
                "Passed to the script as --name value arguments and in SM_HPS; values are strings.", hiddenPrefix: "sagemaker_"),
            Choice("Arguments.AlgorithmSpecification.TrainingInputMode", "Input mode",
                "File copies channels to the instance before training; Pipe and FastFile stream them.", ["File", "Pipe", "FastFile"]),
            MetricDefinitions("Arguments.AlgorithmSpecification.MetricDefinitions"),
        ]),
        new("Data",
        [
            Channels("Arguments.InputDataConfig"),
            Text("Arguments.OutputDataConfig.S3OutputPath", "Output path", "Where model.tar.gz is written: <path>/<job>/output/. " + S3Help),
        ]),
        new("Resources",
        [
            InstanceType("Arguments.ResourceConfig.InstanceType"),
            Integer("Arguments.ResourceConfig.InstanceCount", "Instance count", "How many instances train together."),
            Integer("Arguments.ResourceConfig.VolumeSizeInGB", "Volume size (GB)", "Storage attached to each instance."),
            Integer("Arguments.StoppingCondition.MaxRuntimeInSeconds", "Max runtime (s)", "Training is stopped after this many seconds."),
            Map("Arguments.Environment", "Environment", "Environment variables set in the container."),
            Text("Arguments.RoleArn", "Role ARN", "The IAM role the job runs as."),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Tuning() =>
    [
        new("Tuning",
        [
            Choice("Arguments.HyperParameterTuningJobConfig.Strategy", "Strategy", "How the next hyperparameters are chosen.",
                ["Bayesian", "Random", "Hyperband", "Grid"]),
            Text("Arguments.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName", "Objective metric",
                "The metric (one of the metric definitions) that ranks training jobs.", expression: false),
            Choice("Arguments.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.Type", "Objective", "Whether a higher or lower metric is better.",
                ["Maximize", "Minimize"]),
            Integer("Arguments.HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs", "Max training jobs", "How many training jobs at most."),
            Integer("Arguments.HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs", "Max parallel jobs", "How many run at once."),
        ]),
        new("Training job",
        [
            Text("Arguments.TrainingJobDefinition.AlgorithmSpecification.TrainingImage", "Training image", "The container image every training job runs."),
            Map("Arguments.TrainingJobDefinition.StaticHyperParameters", "Static hyperparameters",
                "Hyperparameters every training job gets; the tuned ones come from the ranges (JSON tab).", hiddenPrefix: "sagemaker_"),
            MetricDefinitions("Arguments.TrainingJobDefinition.AlgorithmSpecification.MetricDefinitions"),
            Channels("Arguments.TrainingJobDefinition.InputDataConfig"),
            Text("Arguments.TrainingJobDefinition.OutputDataConfig.S3OutputPath", "Output path", "Where each job's model.tar.gz is written. " + S3Help),
            InstanceType("Arguments.TrainingJobDefinition.ResourceConfig.InstanceType"),
            Integer("Arguments.TrainingJobDefinition.ResourceConfig.InstanceCount", "Instance count", "Instances per training job."),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Transform() =>
    [
        new("Transform",
        [
            Text("Arguments.ModelName", "Model name", "The SageMaker model to run, usually Steps.<CreateModel>.ModelName."),
            Text("Arguments.TransformInput.DataSource.S3DataSource.S3Uri", "Input data", "The data to score. " + S3Help),
            Text("Arguments.TransformInput.ContentType", "Content type", "MIME type of the input, e.g. text/csv.", expression: false),
            Choice("Arguments.TransformInput.SplitType", "Split type", "How input files are split into records.", ["None", "Line", "RecordIO", "TFRecord"]),
            Text("Arguments.TransformOutput.S3OutputPath", "Output path", "Where the predictions are written. " + S3Help),
            Choice("Arguments.TransformOutput.AssembleWith", "Assemble with", "How output records are joined.", ["None", "Line"]),
            InstanceType("Arguments.TransformResources.InstanceType"),
            Integer("Arguments.TransformResources.InstanceCount", "Instance count", "How many instances score in parallel."),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Model() =>
    [
        new("Model",
        [
            Text("Arguments.PrimaryContainer.Image", "Image", "The inference container image."),
            Text("Arguments.PrimaryContainer.ModelDataUrl", "Model data", "The model.tar.gz, usually Steps.<Train>.ModelArtifacts.S3ModelArtifacts."),
            Map("Arguments.PrimaryContainer.Environment", "Environment", "Environment variables of the inference container (SAGEMAKER_PROGRAM...)."),
            Text("Arguments.ExecutionRoleArn", "Execution role ARN", "The IAM role the model runs as."),
        ]),
    ];

    private static FieldDescriptor ProcessingInputs() =>
        new("Arguments.ProcessingInputs", "Inputs",
            "Data staged into the container before it starts: each S3 URI is copied to its local path.", FieldKind.ObjectList, false)
        {
            ItemKey = "InputName",
            ItemNoun = "input",
            NewItem = StepTemplates.ProcessingInput,
            ItemFields =
            [
                Text("InputName", "Name", "Unique among the step's inputs; later steps refer to it by this name.", expression: false),
                Text("S3Input.S3Uri", "S3 URI", "Where the data comes from. " + S3Help),
                Text("S3Input.LocalPath", "Local path", "Where it appears in the container, under /opt/ml/processing/.", expression: false),
                Choice("S3Input.S3DataType", "Data type", "S3Prefix copies every object under the URI; ManifestFile lists them.", ["S3Prefix", "ManifestFile"]),
                Choice("S3Input.S3InputMode", "Input mode", "File copies before the job starts; Pipe streams.", ["File", "Pipe"]),
            ],
        };

    private static FieldDescriptor ProcessingOutputs() =>
        new("Arguments.ProcessingOutputConfig.Outputs", "Outputs",
            "Folders uploaded when the job ends; later steps read them as ProcessingOutputConfig.Outputs['name'].S3Output.S3Uri.", FieldKind.ObjectList, false)
        {
            ItemKey = "OutputName",
            ItemNoun = "output",
            NewItem = StepTemplates.ProcessingOutput,
            ItemFields =
            [
                Text("OutputName", "Name", "Unique among the step's outputs; later steps and property files refer to it by this name.", expression: false),
                Text("S3Output.S3Uri", "S3 URI", "Where the folder is uploaded. " + S3Help),
                Text("S3Output.LocalPath", "Local path", "The folder the script writes, under /opt/ml/processing/.", expression: false),
                Choice("S3Output.S3UploadMode", "Upload mode", "EndOfJob uploads once at the end; Continuous while the job runs.", ["EndOfJob", "Continuous"]),
            ],
        };

    private static FieldDescriptor PropertyFiles() =>
        new("PropertyFiles", "Property files",
            "JSON files inside an output that conditions and later steps read with JsonGet (e.g. evaluation.json).", FieldKind.ObjectList, false)
        {
            ItemKey = "PropertyFileName",
            ItemNoun = "property file",
            NewItem = name => new JsonObject { ["PropertyFileName"] = name, ["OutputName"] = "", ["FilePath"] = name + ".json" },
            ItemFields =
            [
                Text("PropertyFileName", "Name", "Referenced as Steps.<step>.PropertyFiles.<name> in JsonGet.", expression: false),
                Text("OutputName", "Output", "The output (by name) that contains the file.", expression: false),
                Text("FilePath", "File path", "Path of the file inside that output, e.g. evaluation.json.", expression: false),
            ],
        };

    private static FieldDescriptor Channels(string path) =>
        new(path, "Channels",
            "Named training inputs; each is staged to /opt/ml/input/data/<channel> and announced in SM_CHANNEL_<NAME>.", FieldKind.ObjectList, false)
        {
            ItemKey = "ChannelName",
            ItemNoun = "channel",
            NewItem = StepTemplates.TrainingChannel,
            ItemFields =
            [
                Text("ChannelName", "Channel", "The channel name, e.g. train or validation.", expression: false),
                Text("DataSource.S3DataSource.S3Uri", "S3 URI", "The data of this channel. " + S3Help),
                Text("ContentType", "Content type", "MIME type of the data, e.g. text/csv.", expression: false),
                Choice("DataSource.S3DataSource.S3DataType", "Data type", "S3Prefix takes every object under the URI.", ["S3Prefix", "ManifestFile", "AugmentedManifestFile"]),
            ],
        };

    private static FieldDescriptor MetricDefinitions(string path) =>
        new(path, "Metric definitions",
            "Regexes over the training log; the first group of each is the metric value (FinalMetricDataList['name']).", FieldKind.ObjectList, false)
        {
            ItemKey = "Name",
            ItemNoun = "metric",
            NewItem = name => new JsonObject { ["Name"] = name, ["Regex"] = name + "=([0-9\\.]+)" },
            ItemFields =
            [
                Text("Name", "Metric", "The metric name, e.g. validation:auc.", expression: false),
                Text("Regex", "Regex", "A regular expression whose first group captures the value.", expression: false),
            ],
        };
}
