using System.Globalization;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// The eight execution variables (<c>{"Get": "Execution.&lt;Name&gt;"}</c>, reference §5) and the
/// values a local execution gives them. ARNs use the <c>local</c> region and account
/// <c>000000000000</c>, so they can never be mistaken for real AWS resources.
/// </summary>
public static class ExecutionVariables
{
    public const string StartDateTime = "StartDateTime";
    public const string CurrentDateTime = "CurrentDateTime";
    public const string PipelineName = "PipelineName";
    public const string PipelineArn = "PipelineArn";
    public const string PipelineExecutionId = "PipelineExecutionId";
    public const string PipelineExecutionArn = "PipelineExecutionArn";
    public const string TrainingJobName = "TrainingJobName";
    public const string ProcessingJobName = "ProcessingJobName";

    /// <summary>The ARN prefix of every local SageMaker resource.</summary>
    public const string LocalArnPrefix = "arn:aws:sagemaker:local:000000000000:";

    public static IReadOnlyList<string> All { get; } =
    [
        StartDateTime, CurrentDateTime, PipelineName, PipelineArn,
        PipelineExecutionId, PipelineExecutionArn, TrainingJobName, ProcessingJobName,
    ];

    private static readonly HashSet<string> Names = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary><c>arn:aws:sagemaker:local:000000000000:pipeline/&lt;name&gt;</c></summary>
    public static string ArnOfPipeline(string pipelineName) => $"{LocalArnPrefix}pipeline/{pipelineName}";

    /// <summary><c>arn:aws:sagemaker:local:000000000000:pipeline/&lt;name&gt;/execution/&lt;id&gt;</c></summary>
    public static string ArnOfExecution(string pipelineName, string executionId) =>
        $"{ArnOfPipeline(pipelineName)}/execution/{executionId}";

    /// <summary>
    /// Date-times as ISO 8601 UTC with milliseconds (<c>2026-11-29T05:39:35.123Z</c>). SageMaker
    /// does not document its format; this one sorts as text and every language parses it.
    /// </summary>
    public static string FormatDateTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The variables of one execution. <see cref="CurrentDateTime"/> is left out: the evaluator
    /// reads it from <see cref="EvaluationContext.Time"/> each time it is used. When
    /// <paramref name="jobName"/> is given (the job the current step runs), both
    /// <see cref="TrainingJobName"/> and <see cref="ProcessingJobName"/> carry it; otherwise they
    /// are absent and referencing them is an error naming the step.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Create(
        string executionId, string pipelineName, DateTimeOffset startTime, string? jobName = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StartDateTime] = FormatDateTime(startTime),
            [PipelineName] = pipelineName,
            [PipelineArn] = ArnOfPipeline(pipelineName),
            [PipelineExecutionId] = executionId,
            [PipelineExecutionArn] = ArnOfExecution(pipelineName, executionId),
        };
        if (jobName is not null)
        {
            values[TrainingJobName] = jobName;
            values[ProcessingJobName] = jobName;
        }

        return values;
    }

    /// <summary>The same variables with the current step's job name set (or cleared when null).</summary>
    public static IReadOnlyDictionary<string, string> WithJobName(IReadOnlyDictionary<string, string> variables, string? jobName)
    {
        var values = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        values.Remove(TrainingJobName);
        values.Remove(ProcessingJobName);
        if (jobName is not null)
        {
            values[TrainingJobName] = jobName;
            values[ProcessingJobName] = jobName;
        }

        return values;
    }
}
