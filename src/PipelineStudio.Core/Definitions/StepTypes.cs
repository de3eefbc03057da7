namespace PipelineStudio.Core.Definitions;

/// <summary>The step <c>Type</c> strings SageMaker knows (reference §3). Others are kept verbatim.</summary>
public static class StepTypes
{
    public const string Processing = "Processing";
    public const string Training = "Training";
    public const string Tuning = "Tuning";
    public const string Transform = "Transform";
    public const string Model = "Model";
    public const string RegisterModel = "RegisterModel";
    public const string Condition = "Condition";
    public const string Fail = "Fail";
    public const string Lambda = "Lambda";
    public const string Callback = "Callback";
    public const string QualityCheck = "QualityCheck";
    public const string ClarifyCheck = "ClarifyCheck";
    public const string Emr = "EMR";
    public const string EmrServerless = "EMRServerless";
    public const string AutoMl = "AutoML";
    public const string EndpointConfig = "EndpointConfig";
    public const string Endpoint = "Endpoint";
    public const string InferenceComponent = "InferenceComponent";
    public const string BedrockCustomModel = "BedrockCustomModel";
    public const string BedrockCustomModelDeployment = "BedrockCustomModelDeployment";
    public const string BedrockModelImport = "BedrockModelImport";
    public const string BedrockProvisionedModelThroughput = "BedrockProvisionedModelThroughput";
    public const string Lineage = "Lineage";

    public static IReadOnlyList<string> All { get; } =
    [
        Processing, Training, Tuning, Transform, Model, RegisterModel, Condition, Fail, Lambda, Callback,
        QualityCheck, ClarifyCheck, Emr, EmrServerless, AutoMl, EndpointConfig, Endpoint, InferenceComponent,
        BedrockCustomModel, BedrockCustomModelDeployment, BedrockModelImport, BedrockProvisionedModelThroughput,
        Lineage,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string? type) => type is not null && Known.Contains(type);
}
