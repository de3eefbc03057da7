using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class CycleRulesTests
{
    [Fact]
    public void Validate_DependsOnCycle_ReportsPS018NamingTheCycle()
    {
        var issue = HasIssue(Definition("""
            [{"Name":"A","Type":"Training","Arguments":{},"DependsOn":["C"]},
             {"Name":"B","Type":"Training","Arguments":{},"DependsOn":["A"]},
             {"Name":"C","Type":"Training","Arguments":{},"DependsOn":["B"]}]
            """), IssueCodes.Cycle);

        Assert.Matches(@"(A -> B -> C -> A|B -> C -> A -> B|C -> A -> B -> C)", issue.Message);
        Assert.NotNull(issue.StepName);
    }

    [Fact]
    public void Validate_CycleThroughPropertyReferences_ReportsPS018()
    {
        var issue = HasIssue(Definition("""
            [{"Name":"Train","Type":"Training","Arguments":{"HyperParameters":{"x":{"Get":"Steps.Tx.TransformJobName"}}}},
             {"Name":"Tx","Type":"Transform","Arguments":{"ModelName":{"Get":"Steps.Train.TrainingJobName"}}}]
            """), IssueCodes.Cycle);

        Assert.Contains("Train", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Tx", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionReferencingItsOwnBranchStep_ReportsPS018() =>
        HasIssue(Definition("""
            [{"Name":"Gate","Type":"Condition","Arguments":{
               "Conditions":[{"Type":"Equals","LeftValue":{"Get":"Steps.Inner.TrainingJobStatus"},"RightValue":"Completed"}],
               "IfSteps":[{"Name":"Inner","Type":"Training","Arguments":{}}],"ElseSteps":[]}}]
            """), IssueCodes.Cycle);

    [Fact]
    public void Validate_DiamondDependencies_ReportsNoPS018() =>
        NoIssue(Definition("""
            [{"Name":"A","Type":"Training","Arguments":{}},
             {"Name":"B","Type":"Training","Arguments":{},"DependsOn":["A"]},
             {"Name":"C","Type":"Training","Arguments":{"X":{"Get":"Steps.A.TrainingJobName"}}},
             {"Name":"D","Type":"Training","Arguments":{},"DependsOn":["B","C"]}]
            """), IssueCodes.Cycle);
}
