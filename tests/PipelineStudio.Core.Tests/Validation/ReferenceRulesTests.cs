using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class ReferenceRulesTests
{
    [Fact]
    public void Validate_DependsOnUnknownStep_ReportsPS016AtTheEntry()
    {
        var issue = HasIssue(Definition("""
            [{"Name":"A","Type":"Training","Arguments":{}},{"Name":"B","Type":"Training","Arguments":{},"DependsOn":["A","Ghost"]}]
            """), IssueCodes.DependsOnUnknownStep, "$.Steps[1].DependsOn[1]");

        Assert.Equal("B", issue.StepName);
        Assert.Contains("'Ghost'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DependsOnStepInsideBranch_ReportsPS016AtNestedPath() =>
        HasIssue(Definition("""
            [{"Name":"C","Type":"Condition","Arguments":{"Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":1}],
              "IfSteps":[{"Name":"X","Type":"Training","Arguments":{},"DependsOn":["C","Nope"]}]}}]
            """), IssueCodes.DependsOnUnknownStep, "$.Steps[0].Arguments.IfSteps[0].DependsOn[1]");

    [Fact]
    public void Validate_DependsOnExistingStep_ReportsNoPS016() =>
        NoIssue(Definition("""
            [{"Name":"A","Type":"Training","Arguments":{}},{"Name":"B","Type":"Training","Arguments":{},"DependsOn":["A"]}]
            """), IssueCodes.DependsOnUnknownStep);

    [Theory]
    [InlineData("""[{"Name":"A","Type":"Training","Arguments":{},"DependsOn":["A"]}]""", "$.Steps[0].DependsOn[0]")]
    [InlineData("""[{"Name":"A","Type":"Training","Arguments":{"X":{"Get":"Steps.A.TrainingJobName"}}}]""", "$.Steps[0].Arguments.X")]
    public void Validate_StepDependingOnItself_ReportsPS017(string steps, string path) =>
        HasIssue(Definition(steps), IssueCodes.SelfDependency, path);

    [Fact]
    public void Validate_StepDependingOnAnother_ReportsNoPS017() =>
        NoIssue(Definition("""
            [{"Name":"A","Type":"Training","Arguments":{}},
             {"Name":"B","Type":"Training","Arguments":{"X":{"Get":"Steps.A.TrainingJobName"}},"DependsOn":["A"]}]
            """), IssueCodes.SelfDependency);

    [Fact]
    public void Validate_ReferenceToUnknownStep_ReportsPS019AtTheGet()
    {
        var issue = HasIssue(Definition("""
            [{"Name":"M","Type":"Model","Arguments":{"PrimaryContainer":{"ModelDataUrl":{"Get":"Steps.Trian.ModelArtifacts.S3ModelArtifacts"}}}}]
            """), IssueCodes.ReferenceUnknownStep, "$.Steps[0].Arguments.PrimaryContainer.ModelDataUrl");

        Assert.Contains("'Trian'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReferenceToExistingStep_ReportsNoPS019() =>
        NoIssue(Definition("""
            [{"Name":"Train","Type":"Training","Arguments":{}},
             {"Name":"M","Type":"Model","Arguments":{"PrimaryContainer":{"ModelDataUrl":{"Get":"Steps.Train.ModelArtifacts.S3ModelArtifacts"}}}}]
            """), IssueCodes.ReferenceUnknownStep);

    [Fact]
    public void Validate_PropertyPathNotOfReferencedStepType_ReportsPS020()
    {
        var issue = HasIssue(Definition("""
            [{"Name":"Proc","Type":"Processing","Arguments":{}},
             {"Name":"M","Type":"Model","Arguments":{"Url":{"Get":"Steps.Proc.ModelArtifacts.S3ModelArtifacts"}}}]
            """), IssueCodes.UnknownStepProperty, "$.Steps[1].Arguments.Url");

        Assert.Equal("M", issue.StepName);
        Assert.Contains("'Proc'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PropertyPathOfReferencedStepType_ReportsNoPS020() =>
        NoIssue(Definition("""
            [{"Name":"Train","Type":"Training","Arguments":{}},
             {"Name":"M","Type":"Model","Arguments":{"Url":{"Get":"Steps.Train.ModelArtifacts.S3ModelArtifacts"}}}]
            """), IssueCodes.UnknownStepProperty);

    [Theory]
    [InlineData("""{"Get":"Steps.Eval.PropertyFiles.Other"}""", "$.Steps[2].Arguments.Conditions[0].LeftValue['Std:JsonGet'].PropertyFile")]
    [InlineData("""{"Get":"Steps.Train.PropertyFiles.Report"}""", "$.Steps[2].Arguments.Conditions[0].LeftValue['Std:JsonGet'].PropertyFile")]
    public void Validate_JsonGetOfUndeclaredPropertyFile_ReportsPS022(string propertyFile, string path) =>
        HasIssue(Definition($$$"""
            [{"Name":"Eval","Type":"Processing","Arguments":{"ProcessingOutputConfig":{"Outputs":[{"OutputName":"evaluation"}]}},
              "PropertyFiles":[{"PropertyFileName":"Report","OutputName":"evaluation","FilePath":"evaluation.json"}]},
             {"Name":"Train","Type":"Training","Arguments":{}},
             {"Name":"Gate","Type":"Condition","Arguments":{"Conditions":[{"Type":"LessThan",
               "LeftValue":{"Std:JsonGet":{"PropertyFile":{{{propertyFile}}},"Path":"mse"}},"RightValue":1}]}}]
            """), IssueCodes.UnknownPropertyFile, path);

    [Fact]
    public void Validate_PropertyFileReferenceOutsideJsonGet_ReportsPS022() =>
        HasIssue(Definition("""
            [{"Name":"Eval","Type":"Processing","Arguments":{},
              "PropertyFiles":[{"PropertyFileName":"Report","OutputName":"evaluation","FilePath":"e.json"}]},
             {"Name":"Use","Type":"Training","Arguments":{"X":{"Get":"Steps.Eval.PropertyFiles.Report"}}}]
            """), IssueCodes.UnknownPropertyFile, "$.Steps[1].Arguments.X");

    [Fact]
    public void Validate_JsonGetOfDeclaredPropertyFile_ReportsNoPS022() =>
        NoIssue(Definition("""
            [{"Name":"Eval","Type":"Processing","Arguments":{"ProcessingOutputConfig":{"Outputs":[{"OutputName":"evaluation"}]}},
              "PropertyFiles":[{"PropertyFileName":"Report","OutputName":"evaluation","FilePath":"evaluation.json"}]},
             {"Name":"Gate","Type":"Condition","Arguments":{"Conditions":[{"Type":"LessThan",
               "LeftValue":{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Eval.PropertyFiles.Report"},"Path":"mse"}},"RightValue":1}]}}]
            """), IssueCodes.UnknownPropertyFile);

    [Theory]
    [InlineData("""[{"Name":"Stop","Type":"Fail","Arguments":{}},{"Name":"B","Type":"Training","Arguments":{},"DependsOn":["Stop"]}]""", "$.Steps[1].DependsOn[0]")]
    [InlineData("""[{"Name":"Stop","Type":"Fail","Arguments":{}},{"Name":"B","Type":"Training","Arguments":{"X":{"Get":"Steps.Stop.ErrorMessage"}}}]""", "$.Steps[1].Arguments.X")]
    public void Validate_FailStepDependedOnOrReferenced_ReportsPS025(string steps, string path) =>
        HasIssue(Definition(steps), IssueCodes.FailStepReferenced, path);

    [Fact]
    public void Validate_FailStepInElseBranchOnly_ReportsNoPS025() =>
        NoIssue(Definition("""
            [{"Name":"C","Type":"Condition","Arguments":{"Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":1}],
              "IfSteps":[],"ElseSteps":[{"Name":"Stop","Type":"Fail","Arguments":{"ErrorMessage":"no"}}]}}]
            """), IssueCodes.FailStepReferenced);

    [Fact]
    public void Validate_UndeclaredParameter_ReportsPS035NamingIt()
    {
        var issue = HasIssue(Definition("""[{"Name":"T","Type":"Training","Arguments":{"Count":{"Get":"Parameters.InstanceCount"}}}]"""),
            IssueCodes.UndeclaredParameter, "$.Steps[0].Arguments.Count");

        Assert.Contains("'InstanceCount'", issue.Message, StringComparison.Ordinal);
        Assert.Equal("T", issue.StepName);
    }

    [Fact]
    public void Validate_DeclaredParameter_ReportsNoPS035() =>
        NoIssue(Definition("""[{"Name":"T","Type":"Training","Arguments":{"Count":{"Get":"Parameters.InstanceCount"}}}]""",
            """[{"Name":"InstanceCount","Type":"Integer","DefaultValue":1}]"""), IssueCodes.UndeclaredParameter);

    [Fact]
    public void Validate_UnknownExecutionVariable_ReportsPS036() =>
        HasIssue(Definition("""[{"Name":"T","Type":"Training","Arguments":{"X":{"Get":"Execution.PipelineRunId"}}}]"""),
            IssueCodes.UnknownExecutionVariable, "$.Steps[0].Arguments.X");

    [Theory]
    [InlineData("StartDateTime")]
    [InlineData("CurrentDateTime")]
    [InlineData("PipelineName")]
    [InlineData("PipelineArn")]
    [InlineData("PipelineExecutionId")]
    [InlineData("PipelineExecutionArn")]
    [InlineData("TrainingJobName")]
    [InlineData("ProcessingJobName")]
    public void Validate_KnownExecutionVariable_ReportsNoPS036(string variable) =>
        NoIssue(Definition($$$"""[{"Name":"T","Type":"Training","Arguments":{"X":{"Get":"Execution.{{{variable}}}"} }}]"""), IssueCodes.UnknownExecutionVariable);

    [Theory]
    [InlineData("Pipeline.Name")]
    [InlineData("")]
    [InlineData("Parameters.")]
    [InlineData("Steps.")]
    [InlineData("PipelineExperimentConfig.RunName")]
    [InlineData("Steps.A.Outputs[")]
    public void Validate_MalformedGet_ReportsPS039(string get) =>
        HasIssue(Definition($$$"""[{"Name":"A","Type":"Training","Arguments":{}},{"Name":"T","Type":"Training","Arguments":{"X":{"Get":"{{{get}}}"} }}]"""),
            IssueCodes.InvalidReference, "$.Steps[1].Arguments.X");

    [Theory]
    [InlineData("PipelineExperimentConfig.ExperimentName")]
    [InlineData("PipelineExperimentConfig.TrialName")]
    [InlineData("Steps.A.HyperParameters['lr']")]
    public void Validate_WellFormedGet_ReportsNoPS039(string get) =>
        NoIssue(Definition($$$"""[{"Name":"A","Type":"Training","Arguments":{}},{"Name":"T","Type":"Training","Arguments":{"X":{"Get":"{{{get}}}"} }}]"""),
            IssueCodes.InvalidReference);

    [Fact]
    public void Validate_UnknownExecutionVariableInExperimentConfig_ReportsPS036() =>
        HasIssue("""
            {"Version":"2020-12-01","PipelineExperimentConfig":{"ExperimentName":{"Get":"Execution.Nope"}},
             "Steps":[{"Name":"A","Type":"Fail","Arguments":{}}]}
            """, IssueCodes.UnknownExecutionVariable, "$.PipelineExperimentConfig.ExperimentName");
}
