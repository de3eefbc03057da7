using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>Job names and ARNs as SageMaker Pipelines makes them: <c>pipelines-&lt;execution&gt;-&lt;step&gt;-&lt;random&gt;</c>.</summary>
public static partial class JobNames
{
    /// <summary>SageMaker's limit for training, processing and transform job names.</summary>
    public const int MaxLength = 63;
    private const string RandomAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new job name; characters SageMaker does not allow become '-', and the name is cut to 63 characters.</summary>
    public static string Create(string executionId, string stepName) =>
        Fit($"pipelines-{Clean(executionId)}-{Clean(stepName)}", "-" + RandomSuffix(6));

    /// <summary>The name of the <paramref name="index"/>-th (1-based) training job of a tuning job, like SageMaker's <c>&lt;tuning&gt;-003-&lt;random&gt;</c>.</summary>
    public static string ForTrainingJobOfTuning(string tuningJobName, int index) =>
        Fit(tuningJobName, $"-{index:000}-{RandomSuffix(6)}");

    /// <summary><c>arn:aws:sagemaker:local:000000000000:&lt;resource&gt;/&lt;name in lower case&gt;</c>, e.g. resource "training-job".</summary>
    public static string Arn(string resource, string name) =>
        $"{ExecutionVariables.LocalArnPrefix}{resource}/{name.ToLowerInvariant()}";

    private static string Fit(string head, string tail)
    {
        var room = MaxLength - tail.Length;
        return (head.Length > room ? head[..room].TrimEnd('-') : head) + tail;
    }

    private static string Clean(string text) => NotAllowed().Replace(text, "-");

    private static string RandomSuffix(int length) => RandomNumberGenerator.GetString(RandomAlphabet, length);

    [GeneratedRegex("[^a-zA-Z0-9-]", RegexOptions.CultureInvariant)]
    private static partial Regex NotAllowed();
}
