using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Web.Model;

/// <summary>
/// One <c>Get</c> of a step, with what it points to in words.
/// For <c>Steps.Train.ModelArtifacts.S3ModelArtifacts</c>: Target "Train", Detail "ModelArtifacts.S3ModelArtifacts".
/// </summary>
/// <param name="Kind">What the reference names.</param>
/// <param name="Get">The <c>Get</c> string as written.</param>
/// <param name="Target">The parameter, step, execution variable or experiment field named.</param>
/// <param name="Detail">What is known about the target: a parameter's type and default, a step's type and property path.</param>
/// <param name="UsedAt">Where in the step the reference sits, relative to the step (<c>Arguments.ProcessingInputs[0]...</c>).</param>
/// <param name="IsResolved">False when the target does not exist in the definition.</param>
public sealed record ResolvedReference(ReferenceKind Kind, string Get, string Target, string Detail, string UsedAt, bool IsResolved)
{
    public string KindLabel => Kind switch
    {
        ReferenceKind.Parameter => "Parameter",
        ReferenceKind.Step => "Step",
        ReferenceKind.Execution => "Execution variable",
        ReferenceKind.PipelineExperimentConfig => "Experiment config",
        _ => "Unknown",
    };
}
