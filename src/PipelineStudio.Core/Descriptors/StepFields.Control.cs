using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Descriptors;

/// <summary>Fields of the control, registry and integration steps.</summary>
public static partial class StepFields
{
    public static readonly IReadOnlyList<string> ConditionTypes =
        ["Equals", "GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo", "In", "Not", "Or"];

    public static readonly IReadOnlyList<string> OutputTypes = ["String", "Integer", "Float", "Boolean"];

    public static readonly IReadOnlyList<string> ApprovalStatuses = ["PendingManualApproval", "Approved", "Rejected"];

    private static IReadOnlyList<FieldGroup> RegisterModel() =>
    [
        new("Registration",
        [
            Text("Arguments.ModelPackageGroupName", "Model package group", "The group the new model version is registered in."),
            new("Arguments.ModelApprovalStatus", "Approval status",
                "The status of the new version; Approved versions can be deployed by automation.", FieldKind.Enum, true) { Options = ApprovalStatuses },
            new("Arguments.InferenceSpecification.Containers", "Containers", "The inference containers of the model.", FieldKind.ObjectList, false)
            {
                ItemKey = "Image",
                ItemNoun = "container",
                NewItem = _ => new JsonObject { ["Image"] = StepTemplates.SklearnImageUri, ["ModelDataUrl"] = "" },
                ItemFields =
                [
                    Text("Image", "Image", "The inference container image."),
                    Text("ModelDataUrl", "Model data", "The model.tar.gz, usually Steps.<Train>.ModelArtifacts.S3ModelArtifacts."),
                    Map("Environment", "Environment", "Environment variables of the container."),
                ],
            },
            Strings("Arguments.InferenceSpecification.SupportedContentTypes", "Content types", "Input MIME types the model accepts.", expression: false),
            Strings("Arguments.InferenceSpecification.SupportedResponseMIMETypes", "Response types", "Output MIME types the model returns.", expression: false),
            Strings("Arguments.InferenceSpecification.SupportedRealtimeInferenceInstanceTypes", "Real-time instance types",
                "Instance types the model may be hosted on.", expression: false),
            Strings("Arguments.InferenceSpecification.SupportedTransformInstanceTypes", "Batch instance types",
                "Instance types batch transform may use.", expression: false),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Condition() =>
    [
        new("Condition",
        [
            new("Arguments.Conditions", "Conditions",
                "All conditions must hold for the If branch to run; otherwise the Else branch runs. Use Or and Not to combine.",
                FieldKind.Conditions, true) { Options = ConditionTypes },
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Fail() =>
    [
        new("Failure",
        [
            new("Arguments.ErrorMessage", "Error message", "Shown as the execution's failure reason; a Join can include parameter values.",
                FieldKind.MultilineText, true),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Lambda() =>
    [
        new("Lambda",
        [
            Text("FunctionArn", "Function ARN", "The Lambda function to invoke, e.g. arn:aws:lambda:us-east-1:123456789012:function:name."),
            Map("Arguments", "Inputs", "The event passed to the function: flat names and primitive values."),
            OutputParameters("The values the function returns, read later as OutputParameters['name']."),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Callback() =>
    [
        new("Callback",
        [
            Text("SqsQueueUrl", "SQS queue URL", "The queue that receives the callback message with its token."),
            Map("Arguments", "Inputs", "Sent in the message's arguments: flat names and primitive values."),
            OutputParameters("The values the answering system sends back with SendPipelineExecutionStepSuccess."),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Check(IReadOnlyList<string> checkTypes) =>
    [
        new("Check",
        [
            Choice("CheckType", "Check type", "What is checked.", checkTypes),
            Text("ModelPackageGroupName", "Model package group", "Where the baselines of the latest approved model are read from."),
            new("SkipCheck", "Skip check", "Compute baselines only, without comparing against the registered ones.", FieldKind.Boolean, true),
            new("FailOnViolation", "Fail on violation", "Fail the step when the check finds a violation.", FieldKind.Boolean, false),
            new("RegisterNewBaseline", "Register new baseline", "Use the newly computed baselines as the drift-check baselines.", FieldKind.Boolean, true),
            Text("Arguments.AppSpecification.ImageUri", "Image URI", "The Model Monitor or Clarify image."),
            InstanceType("Arguments.ProcessingResources.ClusterConfig.InstanceType"),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Emr() =>
    [
        new("EMR",
        [
            Text("Arguments.ClusterId", "Cluster ID", "An existing EMR cluster (j-...); leave empty and use ClusterConfig in JSON for a new one."),
            Text("Arguments.StepConfig.HadoopJarStep.Jar", "Jar", "The jar to run, e.g. command-runner.jar.", expression: false),
            Strings("Arguments.StepConfig.HadoopJarStep.Args", "Arguments", "Arguments of the jar, e.g. spark-submit and a script."),
        ]),
    ];

    private static IReadOnlyList<FieldGroup> Endpoint() =>
    [
        new("Endpoint",
        [
            Text("Arguments.EndpointName", "Endpoint name", "Created, or updated when it exists."),
            Text("Arguments.EndpointConfigName", "Endpoint config", "Usually Steps.<EndpointConfig>.EndpointConfigName."),
        ]),
    ];

    private static FieldDescriptor OutputParameters(string help) =>
        new("OutputParameters", "Output parameters", help, FieldKind.ObjectList, false)
        {
            ItemKey = "OutputName",
            ItemNoun = "output parameter",
            NewItem = name => new JsonObject { ["OutputName"] = name, ["OutputType"] = "String" },
            ItemFields =
            [
                Text("OutputName", "Name", "Read later as OutputParameters['name'].", expression: false),
                Choice("OutputType", "Type", "The type of the returned value.", OutputTypes),
            ],
        };
}
