using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class StepRulesTests
{
    [Theory]
    [InlineData("""["A"]""", "$.Steps[0]")]
    [InlineData("""[{"Name":5,"Type":"Fail","Arguments":{}}]""", "$.Steps[0].Name")]
    [InlineData("""[{"Name":"A","Type":["Fail"],"Arguments":{}}]""", "$.Steps[0].Type")]
    [InlineData("""[{"Name":"A","Type":"Fail","Arguments":[]}]""", "$.Steps[0].Arguments")]
    [InlineData("""[{"Name":"A","Type":"Fail","Arguments":{},"DependsOn":"B"}]""", "$.Steps[0].DependsOn")]
    [InlineData("""[{"Name":"A","Type":"Fail","Arguments":{},"DependsOn":[1]}]""", "$.Steps[0].DependsOn[0]")]
    [InlineData("""[{"Name":"A","Type":"Fail","Arguments":{},"DisplayName":{}}]""", "$.Steps[0].DisplayName")]
    [InlineData("""[{"Name":"A","Type":"Fail","Arguments":{},"RetryPolicies":{}}]""", "$.Steps[0].RetryPolicies")]
    [InlineData("""[{"Name":"C","Type":"Condition","Arguments":{"Conditions":[],"IfSteps":[7]}}]""", "$.Steps[0].Arguments.IfSteps[0]")]
    [InlineData("""[{"Name":"C","Type":"Condition","Arguments":{"Conditions":[],"ElseSteps":{}}}]""", "$.Steps[0].Arguments.ElseSteps")]
    [InlineData("""[{"Name":"C","Type":"Condition","Arguments":{"Conditions":{}}}]""", "$.Steps[0].Arguments.Conditions")]
    [InlineData("""[{"Name":"L","Type":"Lambda","FunctionArn":3,"Arguments":{}}]""", "$.Steps[0].FunctionArn")]
    public void Validate_StepFieldOfWrongKind_ReportsPS006(string steps, string path) =>
        HasIssue(Definition(steps), IssueCodes.WrongFieldType, path);

    [Fact]
    public void Validate_StepFieldsOfRightKinds_ReportsNoPS006() =>
        NoIssue(Definition("""
            [{"Name":"A","Type":"Processing","DisplayName":"a","Description":"d","Arguments":{},"DependsOn":[],
              "RetryPolicies":[],"PropertyFiles":[],"CacheConfig":{"Enabled":false}},
             {"Name":"L","Type":"Lambda","FunctionArn":{"Get":"Parameters.Fn"},"Arguments":{},"OutputParameters":[]}]
            """, """[{"Name":"Fn"}]"""), IssueCodes.WrongFieldType);

    [Fact]
    public void Validate_StepWithoutName_ReportsPS011AtStep() =>
        HasIssue(Definition("""[{"Type":"Fail","Arguments":{}}]"""), IssueCodes.StepMissingName, "$.Steps[0]");

    [Fact]
    public void Validate_NestedStepWithoutName_ReportsPS011AtBranchPath() =>
        HasIssue(Definition("""
            [{"Name":"C","Type":"Condition","Arguments":{"Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":1}],
              "IfSteps":[{"Type":"Fail","Arguments":{}}]}}]
            """), IssueCodes.StepMissingName, "$.Steps[0].Arguments.IfSteps[0]");

    [Fact]
    public void Validate_StepWithoutType_ReportsPS012NamingStep()
    {
        var issue = HasIssue(Definition("""[{"Name":"Train","Arguments":{}}]"""), IssueCodes.StepMissingType, "$.Steps[0]");

        Assert.Equal("Train", issue.StepName);
        Assert.Contains("'Train'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StepWithNameAndType_ReportsNeitherPS011NorPS012()
    {
        var json = Definition("""[{"Name":"A","Type":"Fail","Arguments":{}}]""");

        NoIssue(json, IssueCodes.StepMissingName);
        NoIssue(json, IssueCodes.StepMissingType);
    }

    [Fact]
    public void Validate_SameNameInTopLevelAndBranch_ReportsPS013AtTheSecond()
    {
        var issue = HasIssue(Definition("""
            [{"Name":"Stop","Type":"Fail","Arguments":{}},
             {"Name":"C","Type":"Condition","Arguments":{"Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":1}],
              "IfSteps":[],"ElseSteps":[{"Name":"Stop","Type":"Fail","Arguments":{}}]}}]
            """), IssueCodes.DuplicateStepName, "$.Steps[1].Arguments.ElseSteps[0].Name");

        Assert.Equal("Stop", issue.StepName);
    }

    [Fact]
    public void Validate_SameNameInBothBranches_ReportsPS013() =>
        HasIssue(Definition("""
            [{"Name":"C","Type":"Condition","Arguments":{"Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":1}],
              "IfSteps":[{"Name":"S","Type":"Fail","Arguments":{}}],"ElseSteps":[{"Name":"S","Type":"Fail","Arguments":{}}]}}]
            """), IssueCodes.DuplicateStepName, "$.Steps[0].Arguments.ElseSteps[0].Name");

    [Fact]
    public void Validate_UniqueNames_ReportsNoPS013() =>
        NoIssue(Definition("""[{"Name":"A","Type":"Fail","Arguments":{}},{"Name":"a","Type":"Fail","Arguments":{}}]"""), IssueCodes.DuplicateStepName);

    [Theory]
    [InlineData("Train model")]
    [InlineData("Train.Model")]
    [InlineData("")]
    public void Validate_StepNameBreakingPattern_ReportsPS014(string name) =>
        HasIssue(Definition($$$"""[{"Name":"{{{name}}}","Type":"Fail","Arguments":{}}]"""), IssueCodes.InvalidStepName, "$.Steps[0].Name");

    [Fact]
    public void Validate_StepNameOf65Chars_ReportsPS014() =>
        HasIssue(Definition($$$"""[{"Name":"{{{new string('s', 65)}}}","Type":"Fail","Arguments":{}}]"""), IssueCodes.InvalidStepName);

    [Fact]
    public void Validate_StepNameOf64LettersDigitsHyphensUnderscores_ReportsNoPS014() =>
        NoIssue(Definition($$$"""[{"Name":"{{{"Train-model_1" + new string('x', 51)}}}","Type":"Fail","Arguments":{}}]"""), IssueCodes.InvalidStepName);

    [Fact]
    public void Validate_UnknownStepType_ReportsPS015WarningAndKeepsTheStep()
    {
        var json = Definition("""[{"Name":"Q","Type":"QuantumStep","Arguments":{"Qubits":7}}]""");

        var report = Validate(json);

        var issue = HasIssue(report, IssueCodes.UnknownStepType, "$.Steps[0].Type");
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.False(report.HasErrors, Describe(report));
        Assert.Contains("\"Qubits\": 7", report.Definition!.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KnownStepType_ReportsNoPS015() =>
        NoIssue(Definition("""[{"Name":"T","Type":"Training","Arguments":{}}]"""), IssueCodes.UnknownStepType);

    [Theory]
    [InlineData("""[{"Name":"L","Type":"Lambda","Arguments":{}}]""", "$.Steps[0]", "FunctionArn")]
    [InlineData("""[{"Name":"Cb","Type":"Callback","Arguments":{}}]""", "$.Steps[0]", "SqsQueueUrl")]
    [InlineData("""[{"Name":"C","Type":"Condition","Arguments":{"IfSteps":[]}}]""", "$.Steps[0].Arguments", "Conditions")]
    [InlineData("""[{"Name":"Q","Type":"QualityCheck","Arguments":{}}]""", "$.Steps[0]", "CheckType")]
    [InlineData("""[{"Name":"T","Type":"Training"}]""", "$.Steps[0]", "Arguments")]
    [InlineData("""[{"Name":"H","Type":"Tuning","Arguments":{}}]""", "$.Steps[0].Arguments", "HyperParameterTuningJobConfig")]
    public void Validate_RequiredFieldMissing_ReportsPS026NamingField(string steps, string path, string field)
    {
        var issue = HasIssue(Definition(steps), IssueCodes.MissingRequiredField, path);

        Assert.Contains(field, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"Name":"L","Type":"Lambda","FunctionArn":"arn:aws:lambda:us-east-1:1:function:f","Arguments":{}}]""")]
    [InlineData("""[{"Name":"Cb","Type":"Callback","SqsQueueUrl":"https://sqs/q","Arguments":{}}]""")]
    [InlineData("""[{"Name":"F","Type":"Fail","Arguments":{}}]""")]
    [InlineData("""[{"Name":"Q","Type":"QualityCheck","CheckType":"DATA_QUALITY","Arguments":{}}]""")]
    public void Validate_RequiredFieldsPresent_ReportsNoPS026(string steps) =>
        NoIssue(Definition(steps), IssueCodes.MissingRequiredField);
}
