using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Descriptors;

/// <summary>
/// The property panel's fields per step type: the main arguments of each type, grouped, followed by
/// the fields every step has (display name, description) and the run settings its type accepts
/// (cache, retry). Everything else stays reachable through the raw JSON tab.
/// </summary>
public static partial class StepFields
{
    public const string GeneralGroup = "General";
    public const string RunSettingsGroup = "Run settings";

    public static readonly IReadOnlyList<string> InstanceTypes =
    [
        "ml.t3.medium", "ml.t3.large", "ml.m5.large", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge",
        "ml.c5.xlarge", "ml.c5.2xlarge", "ml.r5.xlarge", "ml.g4dn.xlarge", "ml.g5.xlarge", "ml.p3.2xlarge",
    ];

    public static readonly IReadOnlyList<string> RetryExceptionTypes =
    [
        "Step.SERVICE_FAULT", "Step.THROTTLING", "SageMaker.JOB_INTERNAL_ERROR", "SageMaker.CAPACITY_ERROR", "SageMaker.RESOURCE_LIMIT",
    ];

    private static readonly Dictionary<string, IReadOnlyList<FieldGroup>> ByType = new(StringComparer.Ordinal)
    {
        [StepTypes.Processing] = Processing(),
        [StepTypes.Training] = Training(),
        [StepTypes.Tuning] = Tuning(),
        [StepTypes.Transform] = Transform(),
        [StepTypes.Model] = Model(),
        [StepTypes.RegisterModel] = RegisterModel(),
        [StepTypes.Condition] = Condition(),
        [StepTypes.Fail] = Fail(),
        [StepTypes.Lambda] = Lambda(),
        [StepTypes.Callback] = Callback(),
        [StepTypes.QualityCheck] = Check(["DATA_QUALITY", "MODEL_QUALITY"]),
        [StepTypes.ClarifyCheck] = Check(["DATA_BIAS", "MODEL_BIAS", "MODEL_EXPLAINABILITY"]),
        [StepTypes.Emr] = Emr(),
        [StepTypes.Endpoint] = Endpoint(),
    };

    /// <summary>
    /// The groups of fields for a step type: its own groups, then General, then Run settings (cache
    /// when the type is cacheable, retry policies when retryable). Unknown types get General only.
    /// </summary>
    public static IReadOnlyList<FieldGroup> For(string? type)
    {
        var groups = new List<FieldGroup>();
        if (type is not null && ByType.TryGetValue(type, out var own))
        {
            groups.AddRange(own);
        }

        groups.Add(new FieldGroup(GeneralGroup,
        [
            new("DisplayName", "Display name", "A friendlier name shown instead of the step name; the step name stays the identifier.", FieldKind.Text, false),
            new("Description", "Description", "What the step does, for the people reading the pipeline.", FieldKind.MultilineText, false),
        ]));
        var descriptor = StepTypeCatalog.Find(type);
        var runSettings = new List<FieldDescriptor>();
        if (descriptor?.Cacheable == true)
        {
            runSettings.Add(new("CacheConfig.Enabled", "Cache results",
                "Reuse the result of an earlier successful run with the same arguments instead of running again.", FieldKind.Boolean, false));
            runSettings.Add(new("CacheConfig.ExpireAfter", "Cache expires after",
                "How long a cached result stays usable, as an ISO 8601 duration: PT1H is one hour, P30D thirty days.", FieldKind.Text, false)
            { Placeholder = "P30D", Options = ["PT1H", "PT12H", "P1D", "P7D", "P30D"] });
        }

        if (descriptor?.Retryable == true)
        {
            runSettings.Add(RetryPolicies());
        }

        if (runSettings.Count > 0)
        {
            groups.Add(new FieldGroup(RunSettingsGroup, runSettings));
        }

        return groups;
    }

    /// <summary>Every field of the type, flattened (groups in order).</summary>
    public static IEnumerable<FieldDescriptor> All(string? type) => For(type).SelectMany(g => g.Fields);

    private static FieldDescriptor RetryPolicies() =>
        new("RetryPolicies", "Retry policies",
            "When the step fails with one of the listed errors, wait IntervalSeconds (times BackoffRate after each attempt) and try again, " +
            "up to MaxAttempts or for ExpireAfterMin minutes.", FieldKind.ObjectList, false)
        {
            ItemNoun = "retry policy",
            NewItem = _ => StepTemplates.RetryPolicy(),
            ItemFields =
            [
                new("ExceptionType", "Errors to retry", "Step.* errors are service faults and throttling; SageMaker.* errors come from the job.", FieldKind.StringList, false)
                { Options = RetryExceptionTypes },
                new("IntervalSeconds", "Interval (s)", "Seconds before the first retry (1 to 43200).", FieldKind.Integer, false),
                new("BackoffRate", "Backoff rate", "Multiplier applied to the interval after each retry.", FieldKind.Number, false),
                new("MaxAttempts", "Max attempts", "Retries at most this many times (0 to 20); leave empty when using Expire after.", FieldKind.Integer, false),
                new("ExpireAfterMin", "Expire after (min)", "Stop retrying after this many minutes; use instead of Max attempts.", FieldKind.Integer, false),
            ],
        };

    private static FieldDescriptor Text(string path, string label, string help, bool expression = true, string? placeholder = null) =>
        new(path, label, help, FieldKind.Text, expression) { Placeholder = placeholder };

    private static FieldDescriptor Integer(string path, string label, string help, bool expression = true) =>
        new(path, label, help, FieldKind.Integer, expression);

    private static FieldDescriptor Choice(string path, string label, string help, IReadOnlyList<string> options, bool expression = false) =>
        new(path, label, help, FieldKind.Enum, expression) { Options = options };

    private static FieldDescriptor Map(string path, string label, string help, string? hiddenPrefix = null) =>
        new(path, label, help, FieldKind.KeyValueMap, true) { HiddenKeyPrefix = hiddenPrefix };

    private static FieldDescriptor Strings(string path, string label, string help, bool expression = true) =>
        new(path, label, help, FieldKind.StringList, expression);

    private static FieldDescriptor InstanceType(string path) =>
        new(path, "Instance type", "The ML instance type, e.g. ml.m5.large. Often a pipeline parameter.", FieldKind.Text, true) { Options = InstanceTypes };
}
