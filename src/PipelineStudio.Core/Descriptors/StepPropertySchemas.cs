using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Descriptors;

/// <summary>
/// How the items of a keyed list or map are named in the step itself, e.g. a Processing step's
/// outputs by <c>OutputName</c>. <see cref="Names"/> returns null when the names are not all literal
/// (expressions), and then any name is accepted. Only <see cref="Enforced"/> names are checked;
/// the rest only feed the expression picker (a map such as Environment may gain keys at run time).
/// </summary>
internal sealed record NamedItems(string Noun, Func<StepDefinition, IReadOnlyList<string>?> Names, bool Enforced);

/// <summary>The property tree of one step type and where its item names come from, by schema path.</summary>
internal sealed record StepPropertySchema(ObjectNode Root, IReadOnlyDictionary<string, NamedItems> Named);

/// <summary>
/// Hand-written property trees of the Describe* responses that <c>Steps.X...</c> resolves against
/// (reference §3). Structures nobody references in a pipeline are left open (<c>{?}</c>) rather than
/// modelled, so the checker never rejects a real path it does not know in detail.
/// </summary>
internal static class StepPropertySchemas
{
    private const string TrainingJobSummary =
        "{~TrainingJobDefinitionName TrainingJobName TrainingJobArn ~TuningJobName CreationTime TrainingStartTime TrainingEndTime " +
        "TrainingJobStatus TunedHyperParameters{*} FailureReason FinalHyperParameterTuningJobObjectiveMetric{Type ~MetricName Value} ~ObjectiveStatus}";

    private const string ContainerDefinition =
        "{~ContainerHostname Image ImageConfig{?} ~Mode ModelDataUrl ModelDataSource{?} AdditionalModelDataSources[]{?} Environment{*} " +
        "~ModelPackageName ~InferenceSpecificationName MultiModelConfig{?}}";

    private static readonly Dictionary<string, StepPropertySchema> ByType = new(StringComparer.Ordinal)
    {
        [StepTypes.Processing] = Schema(
            "ProcessingJobName ProcessingJobArn ProcessingJobStatus ExitMessage FailureReason " +
            "ProcessingInputs[InputName]{~InputName ~AppManaged S3Input{S3Uri LocalPath ~S3DataType ~S3InputMode ~S3DataDistributionType ~S3CompressionType} DatasetDefinition{?}} " +
            "ProcessingOutputConfig{Outputs[OutputName]{~OutputName ~AppManaged S3Output{S3Uri LocalPath S3UploadMode} ~FeatureStoreOutput{FeatureGroupName}} ~KmsKeyId} " +
            "ProcessingResources{ClusterConfig{InstanceCount InstanceType VolumeSizeInGB ~VolumeKmsKeyId}} StoppingCondition{MaxRuntimeInSeconds} " +
            "AppSpecification{ImageUri ContainerEntrypoint[] ContainerArguments[]} Environment{*} NetworkConfig{?} RoleArn ExperimentConfig{?} " +
            "ProcessingEndTime ProcessingStartTime ~LastModifiedTime CreationTime ~MonitoringScheduleArn ~AutoMLJobArn ~TrainingJobArn",
            ("ProcessingOutputConfig.Outputs", ListNames("output", true, "ProcessingOutputConfig", "Outputs", "OutputName")),
            ("ProcessingInputs", ListNames("input", true, "ProcessingInputs", "InputName")),
            ("Environment", MapKeys("Environment"))),
        [StepTypes.Training] = Schema(
            "TrainingJobName TrainingJobArn ~TuningJobArn ~LabelingJobArn ~AutoMLJobArn ModelArtifacts{S3ModelArtifacts} " +
            "TrainingJobStatus SecondaryStatus FailureReason HyperParameters{*} " +
            "AlgorithmSpecification{TrainingImage AlgorithmName ~TrainingInputMode MetricDefinitions[Name]{Name ~Regex} ~EnableSageMakerMetricsTimeSeries " +
            "ContainerEntrypoint[] ContainerArguments[] TrainingImageConfig{?}} RoleArn " +
            "InputDataConfig[ChannelName]{~ChannelName DataSource{S3DataSource{~S3DataType S3Uri ~S3DataDistributionType AttributeNames[] InstanceGroupNames[]} " +
            "FileSystemDataSource{?}} ~ContentType ~CompressionType ~RecordWrapperType ~InputMode ~ShuffleConfig{Seed}} " +
            "OutputDataConfig{~KmsKeyId S3OutputPath ~CompressionType} " +
            "ResourceConfig{InstanceType InstanceCount VolumeSizeInGB ~VolumeKmsKeyId ~KeepAlivePeriodInSeconds InstanceGroups[]{?}} WarmPoolStatus{?} " +
            "VpcConfig{SecurityGroupIds[] Subnets[]} StoppingCondition{MaxRuntimeInSeconds MaxWaitTimeInSeconds ~MaxPendingTimeInSeconds} " +
            "CreationTime TrainingStartTime TrainingEndTime ~LastModifiedTime SecondaryStatusTransitions[]{Status StartTime EndTime StatusMessage} " +
            "FinalMetricDataList[MetricName]{~MetricName Value ~Timestamp} ~EnableNetworkIsolation ~EnableInterContainerTrafficEncryption " +
            "~EnableManagedSpotTraining ~CheckpointConfig{S3Uri LocalPath} ~TrainingTimeInSeconds ~BillableTimeInSeconds DebugHookConfig{?} " +
            "ExperimentConfig{?} DebugRuleConfigurations[]{?} TensorBoardOutputConfig{?} DebugRuleEvaluationStatuses[]{?} ProfilerConfig{?} " +
            "ProfilerRuleConfigurations[]{?} ProfilerRuleEvaluationStatuses[]{?} ~ProfilingStatus Environment{*} ~RetryStrategy{MaximumRetryAttempts} " +
            "RemoteDebugConfig{?} InfraCheckConfig{?}",
            ("InputDataConfig", ListNames("input channel", true, "InputDataConfig", "ChannelName")),

            // Built-in algorithms emit metrics without MetricDefinitions, so only declared definitions are a closed list.
            ("FinalMetricDataList", ListNames("metric", false, "AlgorithmSpecification", "MetricDefinitions", "Name")),
            ("HyperParameters", MapKeys("HyperParameters")),
            ("Environment", MapKeys("Environment"))),
        [StepTypes.Tuning] = Schema(
            "HyperParameterTuningJobName HyperParameterTuningJobArn HyperParameterTuningJobStatus FailureReason CreationTime " +
            "HyperParameterTuningEndTime ~LastModifiedTime HyperParameterTuningJobConfig{?} TrainingJobDefinition{?} TrainingJobDefinitions[]{?} " +
            "WarmStartConfig{?} ~TrainingJobStatusCounters{Completed InProgress RetryableError NonRetryableError Stopped} " +
            "~ObjectiveStatusCounters{Succeeded Pending Failed} Autotune{?} TuningJobCompletionDetails{?} ConsumedResources{?} " +
            "BestTrainingJob" + TrainingJobSummary + " OverallBestTrainingJob" + TrainingJobSummary +
            " TrainingJobSummaries[0]" + TrainingJobSummary),
        [StepTypes.Transform] = Schema(
            "TransformJobName TransformJobArn TransformJobStatus FailureReason ModelName ~MaxConcurrentTransforms ModelClientConfig{?} " +
            "~MaxPayloadInMB ~BatchStrategy Environment{*} TransformInput{DataSource{S3DataSource{~S3DataType S3Uri}} ~ContentType ~CompressionType ~SplitType} " +
            "TransformOutput{S3OutputPath ~Accept ~AssembleWith ~KmsKeyId} DataCaptureConfig{?} TransformResources{InstanceType InstanceCount ~VolumeKmsKeyId} " +
            "CreationTime TransformStartTime TransformEndTime ~LabelingJobArn ~AutoMLJobArn ~DataProcessing{InputFilter OutputFilter JoinSource} ExperimentConfig{?}"),
        [StepTypes.Model] = Schema(
            "ModelName ModelArn ExecutionRoleArn CreationTime ~EnableNetworkIsolation PrimaryContainer" + ContainerDefinition +
            " Containers[0]" + ContainerDefinition + " ~InferenceExecutionConfig{~Mode} VpcConfig{SecurityGroupIds[] Subnets[]} DeploymentRecommendation{?}",
            ("PrimaryContainer.Environment", MapKeys("PrimaryContainer", "Environment"))),
        [StepTypes.RegisterModel] = Schema(
            "ModelPackageName ModelPackageGroupName ModelPackageVersion ModelPackageArn ModelPackageDescription CreationTime " +
            "InferenceSpecification{Containers[0]{~ContainerHostname Image ~ImageDigest ModelDataUrl ModelDataSource{?} ~ProductId Environment{*} " +
            "ModelInput{?} ~Framework ~FrameworkVersion ~NearestModelName AdditionalS3DataSource{?}} SupportedTransformInstanceTypes[] " +
            "SupportedRealtimeInferenceInstanceTypes[] SupportedContentTypes[] SupportedResponseMIMETypes[]} SourceAlgorithmSpecification{?} " +
            "ValidationSpecification{?} ModelPackageStatus ModelPackageStatusDetails{?} ~CertifyForMarketplace ModelApprovalStatus CreatedBy{?} " +
            "MetadataProperties{?} ModelMetrics{?} ~LastModifiedTime LastModifiedBy{?} ApprovalDescription ~Domain ~Task ~SamplePayloadUrl " +
            "CustomerMetadataProperties{*} DriftCheckBaselines{?} AdditionalInferenceSpecifications[]{?} ~SkipModelValidation ~SourceUri " +
            "SecurityConfig{?} ModelCard{?} ModelLifeCycle{?}"),
        [StepTypes.Condition] = Schema("Outcome"),
        [StepTypes.Fail] = Schema(""),
        [StepTypes.Lambda] = OutputParametersSchema(),
        [StepTypes.Callback] = OutputParametersSchema(),
        [StepTypes.QualityCheck] = Schema(
            "CalculatedBaselineConstraints CalculatedBaselineStatistics BaselineUsedForDriftCheckStatistics BaselineUsedForDriftCheckConstraints"),
        [StepTypes.ClarifyCheck] = Schema("CalculatedBaselineConstraints BaselineUsedForDriftCheckConstraints"),
        [StepTypes.Emr] = Schema(
            "ClusterId Id Name Config{Jar Properties{*} MainClass Args[]} ~ActionOnFailure ExecutionRoleArn " +
            "Status{State ~StateChangeReason{Code Message} FailureDetails{Reason Message LogFile} ~Timeline{CreationDateTime StartDateTime EndDateTime}}"),
        [StepTypes.AutoMl] = Schema(
            "AutoMLJobName ~AutoMLJobArn InputDataConfig[]{?} OutputDataConfig{~KmsKeyId S3OutputPath} RoleArn AutoMLJobObjective{~MetricName} " +
            "ProblemType AutoMLJobConfig{?} CreationTime EndTime ~LastModifiedTime FailureReason PartialFailureReasons[]{?} " +
            "BestCandidate{CandidateName FinalAutoMLJobObjectiveMetric{Type ~MetricName Value ~StandardMetricName} ~ObjectiveStatus CandidateSteps[]{?} " +
            "~CandidateStatus InferenceContainers[0]{Image ModelDataUrl Environment{*}} CreationTime EndTime ~LastModifiedTime FailureReason " +
            "CandidateProperties{CandidateArtifactLocations{Explainability ModelInsights BacktestResults} CandidateMetrics[]{?}} " +
            "InferenceContainerDefinitions{?}} AutoMLJobStatus ~AutoMLJobSecondaryStatus ~GenerateCandidateDefinitionsOnly " +
            "AutoMLJobArtifacts{CandidateDefinitionNotebookLocation DataExplorationNotebookLocation} ResolvedAttributes{?} ModelDeployConfig{?} " +
            "ModelDeployResult{?} BestCandidateProperties{ModelInsightsJsonReportPath ExplainabilityJsonReportPath}"),
        [StepTypes.EndpointConfig] = Schema(
            "EndpointConfigName EndpointConfigArn ProductionVariants[]{?} DataCaptureConfig{?} ~KmsKeyId CreationTime AsyncInferenceConfig{?} " +
            "ExplainerConfig{?} ShadowProductionVariants[]{?} ExecutionRoleArn VpcConfig{?} ~EnableNetworkIsolation"),
        [StepTypes.Endpoint] = Schema(
            "EndpointName EndpointArn EndpointConfigName ProductionVariants[]{?} DataCaptureConfig{?} EndpointStatus FailureReason CreationTime " +
            "~LastModifiedTime LastDeploymentConfig{?} AsyncInferenceConfig{?} PendingDeploymentSummary{?} ExplainerConfig{?} ShadowProductionVariants[]{?}"),
    };

    /// <summary>The schema of a step type; null when the studio has none (then every path is accepted).</summary>
    public static StepPropertySchema? For(string? type) => type is null ? null : ByType.GetValueOrDefault(type);

    private static StepPropertySchema Schema(string text, params (string Path, NamedItems Items)[] named) =>
        new(PropertySchemaParser.Parse(text), named.ToDictionary(n => n.Path, n => n.Items, StringComparer.Ordinal));

    private static StepPropertySchema OutputParametersSchema() => Schema(
        "OutputParameters{*}",
        ("OutputParameters", new NamedItems("output parameter", DeclaredOutputParameters, true)));

    private static IReadOnlyList<string>? DeclaredOutputParameters(StepDefinition step) =>
        step.OutputParameters.Any(p => p.Name is null) ? null : step.OutputParameters.Select(p => p.Name!).ToList();

    /// <summary>
    /// Names of the items of an array under <c>Arguments</c> (the last path element is the key member).
    /// A missing array declares none when <paramref name="absentMeansNone"/>; otherwise any name goes.
    /// </summary>
    private static NamedItems ListNames(string noun, bool absentMeansNone, params string[] argumentPathAndKey) =>
        new(noun, step =>
        {
            var node = Navigate(step.Arguments, argumentPathAndKey[..^1]);
            if (node is null)
            {
                return absentMeansNone ? [] : null;
            }

            if (node is not JsonArray items)
            {
                return null;
            }

            var names = new List<string>(items.Count);
            foreach (var item in items)
            {
                if (item is not JsonObject obj || JsonRead.String(obj, argumentPathAndKey[^1]) is not { } name)
                {
                    return null;
                }

                names.Add(name);
            }

            return names;
        }, Enforced: true);

    /// <summary>Keys of a literal map under <c>Arguments</c>; only offered in the picker, never enforced.</summary>
    private static NamedItems MapKeys(params string[] argumentPath) =>
        new("key", step => Navigate(step.Arguments, argumentPath) is JsonObject map ? map.Select(p => p.Key).ToList() : null, false);

    private static JsonNode? Navigate(JsonNode? node, string[] path)
    {
        foreach (var member in path)
        {
            node = (node as JsonObject)?[member];
        }

        return node;
    }
}
