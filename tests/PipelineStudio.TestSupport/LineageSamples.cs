using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.TestSupport;

/// <summary>
/// The lineage one churn execution records: raw data and code into Preprocess, its two splits, Train (with an image)
/// producing a model DerivedFrom the training split, Register producing model package churn-models/1, every run
/// AssociatedWith the execution context and that with the pipeline's.
/// </summary>
public static class LineageSamples
{
    public const string ExecutionId = "exec-churn-1";
    public const string PackageArn = "arn:aws:sagemaker:local:000000000000:model-package/churn-models/1";

    public static readonly DateTimeOffset At = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    public static string Raw => LineageIds.Artifact(LineageTypes.DataSet, "raw");

    public static string Script => LineageIds.Artifact(LineageTypes.Code, "preprocess.py");

    public static string TrainSplit => LineageIds.Artifact(LineageTypes.DataSet, "train");

    public static string TestSplit => LineageIds.Artifact(LineageTypes.DataSet, "test");

    public static string Image => LineageIds.Artifact(LineageTypes.Image, "xgboost");

    public static string ModelArtifact => LineageIds.Artifact(LineageTypes.Model, "model");

    public static string Package => LineageIds.Artifact(LineageTypes.ModelPackage, PackageArn);

    public static string Preprocess => LineageIds.StepRun(ExecutionId, "Preprocess");

    public static string Train => LineageIds.StepRun(ExecutionId, "Train");

    public static string Register => LineageIds.StepRun(ExecutionId, "Register");

    public static string Execution => LineageIds.ExecutionContext(ExecutionId);

    public static string Pipeline => LineageIds.PipelineContext("churn");

    public static string Group => LineageIds.ModelPackageGroupContext("churn-models");

    public static (IReadOnlyCollection<LineageEntity> Entities, IReadOnlyCollection<LineageAssociation> Associations) Churn()
    {
        LineageEntity Artifact(string id, string type, string name, string uri, long size, string? step = null) =>
            new(id, LineageKind.Artifact, type, name, At, uri, "sha256-" + name, size, step is null ? null : ExecutionId, step);
        LineageEntity Run(string id, string type, string step) =>
            new(id, LineageKind.Action, type, step, At, $"execution/{ExecutionId}/step/{step}", ExecutionId: ExecutionId, StepName: step);
        LineageEntity[] entities =
        [
            Artifact(Raw, LineageTypes.DataSet, "raw", "s3://studio/data/raw.csv", 2_400_000),
            Artifact(Script, LineageTypes.Code, "preprocess.py", "s3://studio/code/preprocess.py", 1_800),
            Artifact(TrainSplit, LineageTypes.DataSet, "train", "s3://studio/exec/train/train.csv", 1_600_000, "Preprocess"),
            Artifact(TestSplit, LineageTypes.DataSet, "test", "s3://studio/exec/test/test.csv", 400_000, "Preprocess"),
            Artifact(Image, LineageTypes.Image, "xgboost", "local/xgboost:1.7", 0),
            Artifact(ModelArtifact, LineageTypes.Model, "model", "s3://studio/exec/model/model.tar.gz", 52_000, "Train"),
            new(Package, LineageKind.Artifact, LineageTypes.ModelPackage, "churn-models v1", At, PackageArn, ExecutionId: ExecutionId, StepName: "Register"),
            Run(Preprocess, "ProcessingJob", "Preprocess"),
            Run(Train, "TrainingJob", "Train"),
            Run(Register, "ModelRegistration", "Register"),
            new(Execution, LineageKind.Context, LineageTypes.PipelineExecution, "churn run 1", At, ExecutionId: ExecutionId),
            new(Pipeline, LineageKind.Context, LineageTypes.Pipeline, "churn", At),
            new(Group, LineageKind.Context, LineageTypes.ModelPackageGroup, "churn-models", At),
        ];
        LineageAssociation[] associations =
        [
            new(Raw, Preprocess, AssociationTypes.ContributedTo),
            new(Script, Preprocess, AssociationTypes.ContributedTo),
            new(Preprocess, TrainSplit, AssociationTypes.Produced),
            new(Preprocess, TestSplit, AssociationTypes.Produced),
            new(TrainSplit, Train, AssociationTypes.ContributedTo),
            new(Image, Train, AssociationTypes.ContributedTo),
            new(Train, ModelArtifact, AssociationTypes.Produced),
            new(ModelArtifact, TrainSplit, AssociationTypes.DerivedFrom),
            new(ModelArtifact, Register, AssociationTypes.ContributedTo),
            new(Register, Package, AssociationTypes.Produced),
            new(Package, Group, AssociationTypes.AssociatedWith),
            new(Preprocess, Execution, AssociationTypes.AssociatedWith),
            new(Train, Execution, AssociationTypes.AssociatedWith),
            new(Register, Execution, AssociationTypes.AssociatedWith),
            new(Execution, Pipeline, AssociationTypes.AssociatedWith),
        ];
        return (entities, associations);
    }

    public static Task RecordChurnAsync(ILineageStore store)
    {
        var (entities, associations) = Churn();
        return store.RecordAsync(entities, associations);
    }
}
