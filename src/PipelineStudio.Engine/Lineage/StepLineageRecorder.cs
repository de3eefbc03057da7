using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Lineage;

/// <summary>
/// Turns one succeeded step run into lineage, as SageMaker does for the jobs a pipeline launches: the step run (Action),
/// its input and output artifacts identified by content hash (ContributedTo, Produced), models DerivedFrom their
/// datasets, the run AssociatedWith its execution's context and that with the pipeline's; RegisterModel adds the
/// model package and its group's context.
/// </summary>
public sealed class StepLineageRecorder(ILineageStore lineage, IArtifactStore artifacts)
{
    private static readonly HashSet<string> RecordedTypes = new(StringComparer.Ordinal)
    {
        StepTypes.Processing, StepTypes.Training, StepTypes.Tuning, StepTypes.Transform, StepTypes.Model, StepTypes.RegisterModel,
    };

    /// <summary>Only job and model steps have lineage; control steps (Condition, Fail, Lambda, Callback) have none, as in SageMaker.</summary>
    public static bool Records(string? stepType) => stepType is not null && RecordedTypes.Contains(stepType);

    public async Task RecordAsync(
        ExecutionRecord execution, StepDefinition step, JsonObject arguments, JsonNode? properties, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entities = new List<LineageEntity>();
        var associations = new List<LineageAssociation>();
        var action = new LineageEntity(
            LineageIds.StepRun(execution.Id, step.Name!), LineageKind.Action, JobTypeOf(step.Type!), step.Name!, at,
            SourceUri: ExecutionVariables(execution) + "/step/" + step.Name, ExecutionId: execution.Id, StepName: step.Name);
        var executionContext = new LineageEntity(
            LineageIds.ExecutionContext(execution.Id), LineageKind.Context, LineageTypes.PipelineExecution, execution.DisplayName ?? execution.Id,
            execution.CreatedAt, ExecutionVariables(execution), ExecutionId: execution.Id);
        var pipelineContext = new LineageEntity(
            LineageIds.PipelineContext(execution.PipelineName), LineageKind.Context, LineageTypes.Pipeline, execution.PipelineName, execution.CreatedAt);
        entities.AddRange([action, executionContext, pipelineContext]);
        associations.Add(new(action.Id, executionContext.Id, AssociationTypes.AssociatedWith));
        associations.Add(new(executionContext.Id, pipelineContext.Id, AssociationTypes.AssociatedWith));

        var inputs = ArtifactReferences.Inputs(arguments);
        var datasets = new List<string>();
        foreach (var input in inputs)
        {
            var artifact = await ArtifactAsync(input, execution, step, at, cancellationToken).ConfigureAwait(false);
            entities.Add(artifact);
            associations.Add(new(artifact.Id, action.Id, AssociationTypes.ContributedTo));
            if (input.Type == LineageTypes.DataSet)
            {
                datasets.Add(artifact.Id);
            }
        }

        foreach (var output in ArtifactReferences.Outputs(properties, inputs))
        {
            var artifact = await ArtifactAsync(output, execution, step, at, cancellationToken).ConfigureAwait(false);
            entities.Add(artifact);
            associations.Add(new(action.Id, artifact.Id, AssociationTypes.Produced));
            if (output.Type == LineageTypes.Model)
            {
                associations.AddRange(datasets.Select(d => new LineageAssociation(artifact.Id, d, AssociationTypes.DerivedFrom)));
            }
        }

        if (step.Type == StepTypes.RegisterModel && properties?["ModelPackageArn"]?.GetValue<string>() is { } packageArn)
        {
            var group = properties["ModelPackageGroupName"]?.GetValue<string>() ?? "models";
            var package = new LineageEntity(
                LineageIds.Artifact(LineageTypes.ModelPackage, packageArn), LineageKind.Artifact, LineageTypes.ModelPackage,
                $"{group} v{properties["ModelPackageVersion"]}", at, packageArn, ExecutionId: execution.Id, StepName: step.Name);
            var groupContext = new LineageEntity(
                LineageIds.ModelPackageGroupContext(group), LineageKind.Context, LineageTypes.ModelPackageGroup, group, at);
            entities.AddRange([package, groupContext]);
            associations.Add(new(action.Id, package.Id, AssociationTypes.Produced));
            associations.Add(new(package.Id, groupContext.Id, AssociationTypes.AssociatedWith));
        }

        await lineage.RecordAsync(entities, associations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Identified by content when the store has it (one object, or every object under a prefix), else by URI.</summary>
    private async Task<LineageEntity> ArtifactAsync(ArtifactReference reference, ExecutionRecord execution, StepDefinition step, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string? hash = null;
        long? size = null;
        if (reference.Uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            var objects = await artifacts.ListAsync(reference.Uri, cancellationToken).ConfigureAwait(false);
            if (objects.Count == 1 && objects[0].Uri == reference.Uri)
            {
                (hash, size) = (objects[0].ContentHash, objects[0].Size);
            }
            else if (objects.Count > 0)
            {
                var listing = string.Join('\n', objects.OrderBy(o => o.Uri, StringComparer.Ordinal)
                    .Select(o => $"{o.Uri[reference.Uri.Length..].TrimStart('/')} {o.ContentHash}"));
                (hash, size) = (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing))), objects.Sum(o => o.Size));
            }
        }

        var name = reference.Uri.TrimEnd('/');
        return new LineageEntity(
            LineageIds.Artifact(reference.Type, hash ?? reference.Uri), LineageKind.Artifact, reference.Type, name[(name.LastIndexOf('/') + 1)..], at,
            reference.Uri, hash, size, execution.Id, step.Name);
    }

    private static string ExecutionVariables(ExecutionRecord execution) =>
        Core.Expressions.ExecutionVariables.ArnOfExecution(execution.PipelineName, execution.Id);

    private static string JobTypeOf(string stepType) => stepType switch
    {
        StepTypes.Processing => "ProcessingJob",
        StepTypes.Training => "TrainingJob",
        StepTypes.Tuning => "HyperParameterTuningJob",
        StepTypes.Transform => "TransformJob",
        StepTypes.Model => "ModelCreation",
        _ => "ModelRegistration",
    };
}
