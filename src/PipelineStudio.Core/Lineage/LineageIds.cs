using System.Security.Cryptography;
using System.Text;

namespace PipelineStudio.Core.Lineage;

/// <summary>
/// Stable, URL-safe lineage ids (they appear in <c>/api/v1/lineage/{id}</c> and in page URLs), and the ARN form
/// SageMaker tools expect.
/// </summary>
public static class LineageIds
{
    /// <summary>One id per artifact type and content: the same bytes under two URIs are one entity.</summary>
    public static string Artifact(string type, string contentHashOrUri) => "artifact-" + Digest(type + "\n" + contentHashOrUri);

    public static string StepRun(string executionId, string stepName) => $"action-{executionId}-{stepName}";

    public static string PipelineContext(string pipelineName) => "context-pipeline-" + pipelineName;

    public static string ExecutionContext(string executionId) => "context-execution-" + executionId;

    public static string ModelPackageGroupContext(string groupName) => "context-group-" + groupName;

    /// <summary>arn:aws:sagemaker:local:000000000000:artifact/..., action/..., context/...</summary>
    public static string ArnOf(LineageEntity entity) =>
        $"arn:aws:sagemaker:local:000000000000:{entity.Kind.ToString().ToLowerInvariant()}/{entity.Id}";

    private static string Digest(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
}
