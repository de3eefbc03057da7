namespace PipelineStudio.Core.Validation;

/// <summary>
/// Every validation code. Codes are stable: never renumber, only add. docs/validation.md lists them
/// with examples.
/// </summary>
public static class IssueCodes
{
    // Document
    public const string MalformedJson = "PS001";
    public const string NotAnObject = "PS002";
    public const string NestingTooDeep = "PS003";
    public const string DefinitionTooLarge = "PS004";
    public const string UnsupportedVersion = "PS005";
    public const string WrongFieldType = "PS006";
    public const string InvalidMetadata = "PS007";
    public const string InvalidPipelineName = "PS008";

    // Steps
    public const string MissingSteps = "PS010";
    public const string StepMissingName = "PS011";
    public const string StepMissingType = "PS012";
    public const string DuplicateStepName = "PS013";
    public const string InvalidStepName = "PS014";
    public const string UnknownStepType = "PS015";
    public const string DependsOnUnknownStep = "PS016";
    public const string SelfDependency = "PS017";
    public const string Cycle = "PS018";
    public const string ReferenceUnknownStep = "PS019";
    public const string UnknownStepProperty = "PS020";
    public const string PropertyFileUnknownOutput = "PS021";
    public const string UnknownPropertyFile = "PS022";
    public const string UnknownConditionType = "PS023";
    public const string MalformedCondition = "PS024";
    public const string FailStepReferenced = "PS025";
    public const string MissingRequiredField = "PS026";

    // Parameters and expressions
    public const string DuplicateParameterName = "PS030";
    public const string InvalidParameterName = "PS031";
    public const string UnknownParameterType = "PS032";
    public const string DefaultValueWrongType = "PS033";
    public const string DefaultNotInEnum = "PS034";
    public const string UndeclaredParameter = "PS035";
    public const string UnknownExecutionVariable = "PS036";
    public const string UnknownFunction = "PS037";
    public const string MalformedFunction = "PS038";
    public const string InvalidReference = "PS039";

    // Run-time configuration
    public const string InvalidCacheConfig = "PS040";
    public const string InvalidRetryPolicy = "PS041";

    // Export
    public const string ExtensionNotExportable = "PS050";
}
