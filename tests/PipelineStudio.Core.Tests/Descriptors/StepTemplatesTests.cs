using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Core.Tests.Descriptors;

public class StepTemplatesTests
{
    public static TheoryData<string> KnownTypes() => new(StepTypeCatalog.All.Select(d => d.Type));

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void Create_KnownType_ValidatesWithoutAnyIssueInAOneStepPipeline(string type)
    {
        var report = ValidateAlone(StepTemplates.Create(type, "NewStep"));

        // Not even warnings today: a fresh step should not greet the user with an issue.
        Assert.True(report.Definition is not null && report.Issues.Count == 0, $"{type}: {Describe(report)}");
    }

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void Create_KnownType_HasATemplateWithNameTypeFirstAndNoLeftoverToken(string type)
    {
        var step = StepTemplates.Create(type, "Prep_1");
        var text = step.ToJsonString();

        Assert.True(StepTemplates.HasTemplate(type));
        Assert.Equal(["Name", "Type", "Arguments"], step.Select(p => p.Key).Take(3));
        Assert.Equal("Prep_1", (string?)step["Name"]);
        Assert.Equal(type, (string?)step["Type"]);
        Assert.DoesNotContain("__STEP__", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Processing_WritesTheSdkShapeWithTheSklearnImage()
    {
        var args = StepTemplates.Create(StepTypes.Processing, "Prep")["Arguments"]!.AsObject();

        Assert.Equal(StepTemplates.SklearnImageUri, (string?)args["AppSpecification"]!["ImageUri"]);
        Assert.Equal("python3", (string?)args["AppSpecification"]!["ContainerEntrypoint"]![0]);
        Assert.Equal(1, (int)args["ProcessingResources"]!["ClusterConfig"]!["InstanceCount"]!);
        Assert.Empty(args["ProcessingInputs"]!.AsArray());
        Assert.Empty(args["ProcessingOutputConfig"]!["Outputs"]!.AsArray());
    }

    [Fact]
    public void Create_Training_UsesTheStepNameInItsOutputPathAndSubmitDirectory()
    {
        var args = StepTemplates.Create(StepTypes.Training, "TrainChurn")["Arguments"]!.AsObject();

        Assert.Contains("\"TrainChurn\"", args["OutputDataConfig"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("/TrainChurn/source/", (string?)args["HyperParameters"]!["sagemaker_submit_directory"], StringComparison.Ordinal);
        Assert.Equal("\"train.py\"", (string?)args["HyperParameters"]!["sagemaker_program"]);
    }

    [Fact]
    public void Create_LambdaAndCallback_CarryTheirTopLevelTarget()
    {
        Assert.StartsWith("arn:aws:lambda:", (string?)StepTemplates.Create(StepTypes.Lambda, "L")["FunctionArn"], StringComparison.Ordinal);
        Assert.StartsWith("https://sqs.", (string?)StepTemplates.Create(StepTypes.Callback, "C")["SqsQueueUrl"], StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Condition_HasEmptyBranchesAndOneEditableCondition()
    {
        var args = StepTemplates.Create(StepTypes.Condition, "Gate")["Arguments"]!.AsObject();

        Assert.Single(args["Conditions"]!.AsArray());
        Assert.Empty(args["IfSteps"]!.AsArray());
        Assert.Empty(args["ElseSteps"]!.AsArray());
    }

    [Fact]
    public void Create_CalledTwice_ReturnsIndependentObjects()
    {
        var first = StepTemplates.Create(StepTypes.Processing, "A");
        var second = StepTemplates.Create(StepTypes.Processing, "A");

        first["Arguments"]!["RoleArn"] = "changed";

        Assert.Equal(StepTemplates.DefaultRoleArn, (string?)second["Arguments"]!["RoleArn"]);
    }

    [Theory]
    [InlineData("MyCompany:Custom")]
    [InlineData("processing")]
    public void Create_UnknownType_IsNameTypeAndEmptyArguments(string type)
    {
        var step = StepTemplates.Create(type, "X");

        Assert.Equal("{\"Name\":\"X\",\"Type\":\"" + type + "\",\"Arguments\":{}}", step.ToJsonString());
        Assert.False(StepTemplates.HasTemplate(type));
    }

    [Fact]
    public void Create_NameNeedingEscapes_IsKeptVerbatim()
    {
        var step = StepTemplates.Create(StepTypes.Fail, "a\"b");

        Assert.Equal("a\"b", (string?)step["Name"]);
        Assert.Equal("Step a\"b stopped the execution.", (string?)step["Arguments"]!["ErrorMessage"]);
    }

    [Fact]
    public void ItemTemplates_ValidateInsideAProcessingAndTrainingStep()
    {
        var processing = StepTemplates.Create(StepTypes.Processing, "Prep");
        processing["Arguments"]!["ProcessingInputs"]!.AsArray().Add(StepTemplates.ProcessingInput("raw"));
        processing["Arguments"]!["ProcessingOutputConfig"]!["Outputs"]!.AsArray().Add(StepTemplates.ProcessingOutput("train"));
        processing["RetryPolicies"] = new JsonArray(StepTemplates.RetryPolicy());
        var training = StepTemplates.Create(StepTypes.Training, "Train");
        training["Arguments"]!["InputDataConfig"]!.AsArray().Add(StepTemplates.TrainingChannel("train"));
        training["Arguments"]!["InputDataConfig"]![0]!["DataSource"]!["S3DataSource"]!["S3Uri"] =
            JsonNode.Parse("""{"Get":"Steps.Prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"}""");

        var report = ValidateAlone(processing, training);

        Assert.False(report.HasErrors, Describe(report));
    }

    private static ValidationReport ValidateAlone(params JsonObject[] steps)
    {
        var definition = new JsonObject
        {
            ["Version"] = "2020-12-01",
            ["Metadata"] = new JsonObject(),
            ["Parameters"] = new JsonArray(),
            ["PipelineExperimentConfig"] = null,
            ["Steps"] = new JsonArray(steps.Select(s => (JsonNode?)s).ToArray()),
        };
        return DefinitionValidator.Validate(definition.ToJsonString());
    }

    private static string Describe(ValidationReport report) =>
        report.Issues.Count == 0 ? "(no issues)" : string.Join(Environment.NewLine, report.Issues);
}
