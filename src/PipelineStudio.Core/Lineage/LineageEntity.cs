namespace PipelineStudio.Core.Lineage;

/// <summary>SageMaker's lineage entity kinds (QueryLineage's LineageType).</summary>
public enum LineageKind
{
    Artifact,
    Action,
    Context,
    TrialComponent,
}

/// <summary>
/// One lineage vertex. Artifacts are identified by what they contain (type and content hash), so the same dataset read by
/// ten executions is one entity with ten consumers; actions are step runs; contexts group (pipeline, execution, model
/// package group).
/// </summary>
/// <param name="Id">Stable and URL-safe (see <see cref="LineageIds"/>).</param>
/// <param name="Type">ArtifactType / ActionType / ContextType: DataSet, Model, Code, Image, Report, ProcessingJob, Pipeline, ...</param>
/// <param name="SourceUri">Where it was first seen (an s3:// URI, a job or package ARN).</param>
/// <param name="ExecutionId">The execution that created it, when one did.</param>
public sealed record LineageEntity(
    string Id,
    LineageKind Kind,
    string Type,
    string Name,
    DateTimeOffset CreatedAt,
    string? SourceUri = null,
    string? ContentHash = null,
    long? Size = null,
    string? ExecutionId = null,
    string? StepName = null,
    IReadOnlyDictionary<string, string>? Properties = null);

/// <summary>A directed lineage edge; <see cref="Type"/> is one of <see cref="AssociationTypes"/>.</summary>
public sealed record LineageAssociation(string SourceId, string DestinationId, string Type);

/// <summary>SageMaker's suggested association types.</summary>
public static class AssociationTypes
{
    public const string ContributedTo = "ContributedTo";
    public const string Produced = "Produced";
    public const string DerivedFrom = "DerivedFrom";
    public const string AssociatedWith = "AssociatedWith";
    public const string SameAs = "SameAs";

    public static IReadOnlyList<string> All { get; } = [ContributedTo, Produced, DerivedFrom, AssociatedWith, SameAs];
}

/// <summary>Artifact, action and context type names the engine records.</summary>
public static class LineageTypes
{
    public const string DataSet = "DataSet";
    public const string Model = "Model";
    public const string Code = "Code";
    public const string Image = "Image";
    public const string Report = "Report";
    public const string ModelPackage = "ModelPackage";
    public const string Pipeline = "Pipeline";
    public const string PipelineExecution = "PipelineExecution";
    public const string ModelPackageGroup = "ModelPackageGroup";
}
