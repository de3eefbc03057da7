using System.Text.Json.Nodes;
using Bunit;
using MudBlazor;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Validation;
using PipelineStudio.TestSupport;
using PipelineStudio.Web.Components.Designer;

namespace PipelineStudio.Web.Tests.Components.Designer;

public sealed class StepPropertyPanelTests : StudioComponentTestBase
{
    private static readonly PipelineDefinition Churn =
        PipelineDefinition.Parse(SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample)).Definition!;

    private readonly List<JsonObject> _raised = [];
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public StepPropertyPanelTests()
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    private IRenderedComponent<StepPropertyPanel> RenderPanel(string step, PipelineDefinition? definition = null, IReadOnlyList<ValidationIssue>? issues = null) =>
        Render<StepPropertyPanel>(p => p
            .Add(x => x.Definition, definition ?? Churn)
            .Add(x => x.StepName, step)
            .Add(x => x.Issues, issues ?? [])
            .Add(x => x.OnStepChanged, (JsonObject s) => _raised.Add(s)));

    private static string Field(string path) => $"[data-field=\"{path}\"]";

    [Fact]
    public void ChangeText_ImageUri_RaisesTheWholeStepOnceWithOnlyThatFieldChanged()
    {
        var cut = RenderPanel("GenerateCustomers");

        cut.Find($"{Field("Arguments.AppSpecification.ImageUri")} input").Change("my-registry/processing:2");

        var raised = Assert.Single(_raised);
        var expected = (JsonObject)Churn.FindStep("GenerateCustomers")!.Json.DeepClone();
        expected["Arguments"]!["AppSpecification"]!["ImageUri"] = "my-registry/processing:2";
        Assert.True(JsonNode.DeepEquals(expected, raised), raised.ToJsonString());
    }

    [Fact]
    public void ChangeText_SameValue_RaisesNothing()
    {
        var cut = RenderPanel("GenerateCustomers");

        cut.Find($"{Field("Arguments.AppSpecification.ImageUri")} input").Change(
            "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3");

        Assert.Empty(_raised);
    }

    [Fact]
    public void ChangeInteger_NotANumber_ShowsAnErrorAndRaisesNothing_ThenAWholeNumberIsWrittenAsANumber()
    {
        var cut = RenderPanel("GenerateCustomers");
        var field = Field("Arguments.ProcessingResources.ClusterConfig.VolumeSizeInGB");

        cut.Find($"{field} input").Change("lots");

        Assert.Empty(_raised);
        Assert.Contains("not a whole number", cut.Find(field).TextContent, StringComparison.Ordinal);

        cut.Find($"{field} input").Change("50");

        var raised = Assert.Single(_raised);
        Assert.Equal("50", raised["Arguments"]!["ProcessingResources"]!["ClusterConfig"]!["VolumeSizeInGB"]!.ToJsonString());
    }

    [Fact]
    public void ChangeText_Emptied_RemovesTheMember()
    {
        var definition = WithStep(StepTemplatesFail("Stop", "DisplayName", "Nice name"));
        var cut = RenderPanel("Stop", definition);

        cut.Find($"{Field("DisplayName")} input").Change("");

        Assert.False(Assert.Single(_raised).ContainsKey("DisplayName"));
    }

    [Fact]
    public void ExpressionField_ShowsTheFormulaNotTheJson()
    {
        var cut = RenderPanel("GenerateCustomers");

        var field = cut.Find(Field("Arguments.ProcessingResources.ClusterConfig.InstanceType"));

        Assert.Equal("expression", field.GetAttribute("data-mode"));
        Assert.Contains("Parameters.ProcessingInstanceType", field.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpressionPicker_OffersOnlyUpstreamStepsProperties_AndPickingWritesAGet()
    {
        var cut = RenderPanel("EvaluateChurnModel");

        cut.Find($"{Field("Arguments.AppSpecification.ImageUri")} .scalar-field__toggle").Click();

        var paths = _dialogs.WaitForElements(".expression-choice").Select(e => e.GetAttribute("data-path")!).ToList();
        Assert.Contains("Parameters.Seed", paths);
        Assert.Contains("Execution.PipelineExecutionId", paths);
        Assert.Contains("Steps.PreprocessCustomers.ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri", paths);
        Assert.Contains("Steps.TuneChurnModel.BestTrainingJob.TrainingJobName", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("Steps.EvaluateChurnModel.", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("Steps.CheckChurnAuc.", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("Steps.ScoreTestCustomers.", StringComparison.Ordinal));

        _dialogs.Find(".expression-choice[data-path=\"Steps.GenerateCustomers.ProcessingOutputConfig.Outputs['raw'].S3Output.S3Uri\"]").Click();

        var raised = Assert.Single(_raised);
        var written = raised["Arguments"]!["AppSpecification"]!["ImageUri"]!.AsObject();
        Assert.Equal("Steps.GenerateCustomers.ProcessingOutputConfig.Outputs['raw'].S3Output.S3Uri", (string?)Assert.Single(written, p => p.Key == "Get").Value);
    }

    [Fact]
    public void ExpressionPicker_Search_FiltersTheChoices()
    {
        var cut = RenderPanel("EvaluateChurnModel");
        cut.Find($"{Field("Arguments.AppSpecification.ImageUri")} .scalar-field__toggle").Click();

        _dialogs.WaitForElement("#expression-search").Input("auc");

        var paths = _dialogs.FindAll(".expression-choice").Select(e => e.GetAttribute("data-path")).ToList();
        Assert.Contains("Parameters.AucThreshold", paths);
        Assert.DoesNotContain("Parameters.Seed", paths);
    }

    [Fact]
    public void ExpressionPicker_Cancel_RaisesNothing()
    {
        var cut = RenderPanel("GenerateCustomers");
        cut.Find($"{Field("Arguments.RoleArn")} .scalar-field__toggle").Click();

        _dialogs.WaitForElement("#expression-cancel").Click();

        Assert.Empty(_raised);
        Assert.Empty(_dialogs.FindAll("#expression-picker"));
    }

    [Fact]
    public void ExpressionPicker_JoinTab_BuildsAStdJoin()
    {
        var cut = RenderPanel("GenerateCustomers");
        cut.Find($"{Field("Arguments.RoleArn")} .scalar-field__toggle").Click();
        _dialogs.WaitForElements(".mud-tab").Single(t => t.TextContent.Trim() == "Join").Click();

        _dialogs.Find("#join-separator").Change("-");
        _dialogs.Find("#join-use").Click();

        var join = Assert.Single(_raised)["Arguments"]!["RoleArn"]!;
        Assert.Equal("""{"Std:Join":{"On":"-","Values":["s3://sagemaker-us-east-1-123456789012",{"Get":"Execution.PipelineExecutionId"}]}}""", join.ToJsonString());
    }

    [Fact]
    public void ExpressionPicker_OnAJsonGet_OpensItAndKeepsThePropertyFile()
    {
        var cut = RenderPanel("CheckChurnAuc");
        cut.Find($"{Field("Arguments.Conditions[0].LeftValue")} .scalar-field__formula").Click();

        _dialogs.WaitForElement("#jsonget-path").Change("binary_classification_metrics.f1.value");
        _dialogs.Find("#jsonget-use").Click();

        var left = Assert.Single(_raised)["Arguments"]!["Conditions"]![0]!["LeftValue"]!;
        Assert.Equal("Steps.EvaluateChurnModel.PropertyFiles.ChurnEvaluation", (string?)left["Std:JsonGet"]!["PropertyFile"]!["Get"]);
        Assert.Equal("binary_classification_metrics.f1.value", (string?)left["Std:JsonGet"]!["Path"]);
    }

    [Fact]
    public void ToggleToLiteral_IsNotAnEditUntilAValueIsCommitted()
    {
        var cut = RenderPanel("GenerateCustomers");
        var field = Field("Arguments.ProcessingResources.ClusterConfig.InstanceType");

        cut.Find($"{field} .scalar-field__toggle").Click();

        Assert.Empty(_raised);
        Assert.Equal("literal", cut.Find(field).GetAttribute("data-mode"));

        cut.Find($"{field} input").Change("ml.c5.xlarge");

        Assert.Equal("\"ml.c5.xlarge\"", Assert.Single(_raised)["Arguments"]!["ProcessingResources"]!["ClusterConfig"]!["InstanceType"]!.ToJsonString());
    }

    [Fact]
    public void JsonTab_InvalidJson_ShowsLineAndColumnAndRaisesNothing()
    {
        var cut = RenderPanel("GenerateCustomers");
        OpenJsonTab(cut);

        cut.Find("#step-json").Change("{\n  \"Name\": \"GenerateCustomers\",\n  \"Type\": Processing\n}");

        Assert.Empty(_raised);
        var error = cut.Find(".step-property-panel").TextContent;
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Contains("column", error, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonTab_NotAnObject_IsRefused()
    {
        var cut = RenderPanel("GenerateCustomers");
        OpenJsonTab(cut);

        cut.Find("#step-json").Change("[1, 2]");

        Assert.Empty(_raised);
        Assert.Contains("must be a JSON object", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonTab_ValidJson_RaisesTheParsedStep()
    {
        var cut = RenderPanel("GenerateCustomers");
        OpenJsonTab(cut);

        cut.Find("#step-json").Change("""{"Name": "GenerateCustomers", "Type": "Processing", "Arguments": {"RoleArn": "r"}, "Extra": [1]}""");

        Assert.Equal("""{"Name":"GenerateCustomers","Type":"Processing","Arguments":{"RoleArn":"r"},"Extra":[1]}""", Assert.Single(_raised).ToJsonString());
    }

    [Fact]
    public void Issues_OnAFieldPath_ShowOnTheField_OthersAtTheTop()
    {
        var step = Churn.FindStep("GenerateCustomers")!;
        var onField = new ValidationIssue("PS020", IssueSeverity.Error, step.JsonPath + ".Arguments.ProcessingInputs[0].S3Input.S3Uri", "Bad input URI.");
        var general = new ValidationIssue("PS026", IssueSeverity.Error, step.JsonPath, "Something about the whole step.");

        var cut = RenderPanel("GenerateCustomers", issues: [onField, general]);

        Assert.Contains("Bad input URI.", cut.Find(Field("Arguments.ProcessingInputs")).TextContent, StringComparison.Ordinal);
        var top = cut.Find("#property-panel-issues");
        Assert.Contains("Something about the whole step.", top.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bad input URI.", top.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", cut.Find("#property-panel-issue-count").TextContent.Trim());
    }

    [Fact]
    public void ObjectList_AddOutput_AppendsANamedOutput()
    {
        var cut = RenderPanel("GenerateCustomers");

        cut.Find($"{Field("Arguments.ProcessingOutputConfig.Outputs")} .field-add").Click();

        var outputs = Assert.Single(_raised)["Arguments"]!["ProcessingOutputConfig"]!["Outputs"]!.AsArray();
        Assert.Equal(["raw", "output"], outputs.Select(o => (string?)o!["OutputName"]));
        Assert.Equal("/opt/ml/processing/output/output", (string?)outputs[1]!["S3Output"]!["LocalPath"]);
    }

    [Fact]
    public void ObjectList_EditItemField_ChangesOnlyThatItem()
    {
        var cut = RenderPanel("PreprocessCustomers");

        cut.Find($"{Field("Arguments.ProcessingOutputConfig.Outputs[1].S3Output.LocalPath")} input").Change("/opt/ml/processing/output/val");

        var outputs = Assert.Single(_raised)["Arguments"]!["ProcessingOutputConfig"]!["Outputs"]!.AsArray();
        Assert.Equal("/opt/ml/processing/output/val", (string?)outputs[1]!["S3Output"]!["LocalPath"]);
        Assert.Equal("/opt/ml/processing/output/train", (string?)outputs[0]!["S3Output"]!["LocalPath"]);
    }

    [Fact]
    public void Conditions_EditRightOperand_WritesATypedNumber()
    {
        var definition = WithStep(new JsonObject
        {
            ["Name"] = "Gate", ["Type"] = "Condition",
            ["Arguments"] = JsonNode.Parse("""{"Conditions":[{"Type":"GreaterThan","LeftValue":1,"RightValue":2}],"IfSteps":[],"ElseSteps":[]}"""),
        });
        var cut = RenderPanel("Gate", definition);

        cut.Find($"{Field("Arguments.Conditions[0].RightValue")} input").Change("0.8");

        Assert.Equal("""[{"Type":"GreaterThan","LeftValue":1,"RightValue":0.8}]""", Assert.Single(_raised)["Arguments"]!["Conditions"]!.ToJsonString());
    }

    [Fact]
    public void Training_EntryPointScript_IsShownDecodedAndWrittenAsTheSdkDoes()
    {
        var definition = WithStep(PipelineStudio.Core.Descriptors.StepTemplates.Create("Training", "Train"));
        var cut = RenderPanel("Train", definition);
        var field = Field("Arguments.HyperParameters.sagemaker_program");

        Assert.Equal("train.py", cut.Find($"{field} input").GetAttribute("value"));

        cut.Find($"{field} input").Change("fit.py");

        Assert.Equal("\"fit.py\"", (string?)Assert.Single(_raised)["Arguments"]!["HyperParameters"]!["sagemaker_program"]);
    }

    [Fact]
    public void Map_HiddenPrefixKeysAreNotListedButKeptOnEdit()
    {
        var definition = WithStep(PipelineStudio.Core.Descriptors.StepTemplates.Create("Training", "Train"));
        var cut = RenderPanel("Train", definition);
        var map = Field("Arguments.HyperParameters");

        Assert.Empty(cut.FindAll($"{map} .map-field__row"));

        cut.Find($"{map} .field-add").Click();

        var hyperparameters = Assert.Single(_raised)["Arguments"]!["HyperParameters"]!.AsObject();
        Assert.Equal("\"train.py\"", (string?)hyperparameters["sagemaker_program"]);
        Assert.True(hyperparameters.ContainsKey("NAME"));
    }

    [Fact]
    public void UnknownStep_ShowsAnEmptyState() =>
        Assert.NotNull(RenderPanel("Ghost").Find("#property-panel-missing"));

    private static void OpenJsonTab(IRenderedComponent<StepPropertyPanel> cut) =>
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "JSON").Click();

    private static JsonObject StepTemplatesFail(string name, string key, string value)
    {
        var step = PipelineStudio.Core.Descriptors.StepTemplates.Create("Fail", name);
        step[key] = value;
        return step;
    }

    private static PipelineDefinition WithStep(JsonObject step) =>
        PipelineDefinition.FromJson(new JsonObject { ["Version"] = "2020-12-01", ["Parameters"] = new JsonArray(), ["Steps"] = new JsonArray(step) });
}
