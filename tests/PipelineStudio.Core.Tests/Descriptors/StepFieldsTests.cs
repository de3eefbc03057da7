using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Descriptors;

public class StepFieldsTests
{
    [Theory]
    [InlineData(StepTypes.Processing, "Arguments.AppSpecification.ImageUri", "Arguments.AppSpecification.ContainerEntrypoint",
        "Arguments.AppSpecification.ContainerArguments", "Arguments.ProcessingInputs", "Arguments.ProcessingOutputConfig.Outputs",
        "Arguments.ProcessingResources.ClusterConfig.InstanceType", "Arguments.ProcessingResources.ClusterConfig.InstanceCount", "Arguments.Environment")]
    [InlineData(StepTypes.Training, "Arguments.AlgorithmSpecification.TrainingImage", "Arguments.HyperParameters.sagemaker_program",
        "Arguments.HyperParameters", "Arguments.InputDataConfig", "Arguments.OutputDataConfig.S3OutputPath", "Arguments.AlgorithmSpecification.MetricDefinitions")]
    [InlineData(StepTypes.Condition, "Arguments.Conditions")]
    [InlineData(StepTypes.Fail, "Arguments.ErrorMessage")]
    [InlineData(StepTypes.RegisterModel, "Arguments.ModelPackageGroupName", "Arguments.InferenceSpecification.Containers", "Arguments.ModelApprovalStatus")]
    [InlineData(StepTypes.Lambda, "FunctionArn", "OutputParameters", "Arguments")]
    [InlineData(StepTypes.Callback, "SqsQueueUrl", "OutputParameters", "Arguments")]
    public void For_TypeTheIssueNames_HasItsMainArguments(string type, params string[] paths)
    {
        var fields = StepFields.All(type).Select(f => f.Path).ToList();

        Assert.All(paths, p => Assert.Contains(p, fields));
        Assert.Contains("DisplayName", fields);
        Assert.Contains("Description", fields);
    }

    [Theory]
    [InlineData(StepTypes.Processing, true, true)]
    [InlineData(StepTypes.Model, false, true)]
    [InlineData(StepTypes.Lambda, true, false)]
    [InlineData(StepTypes.Condition, false, false)]
    [InlineData("Custom:Thing", false, false)]
    public void For_RunSettings_FollowTheCatalog(string type, bool cache, bool retry)
    {
        var paths = StepFields.All(type).Select(f => f.Path).ToList();

        Assert.Equal(cache, paths.Contains("CacheConfig.Enabled"));
        Assert.Equal(retry, paths.Contains("RetryPolicies"));
    }

    [Fact]
    public void For_EveryType_HasUniquePathsLabelsHelpAndUsableListDescriptors()
    {
        foreach (var type in StepTypes.All)
        {
            var fields = StepFields.All(type).ToList();
            Assert.Equal(fields.Count, fields.Select(f => f.Path).Distinct().Count());
            foreach (var field in fields.Concat(fields.SelectMany(f => f.ItemFields ?? [])))
            {
                Assert.False(string.IsNullOrWhiteSpace(field.Label), $"{type} {field.Path}");
                Assert.EndsWith(".", field.Help, StringComparison.Ordinal);
                Assert.True(field.Kind != FieldKind.Enum || field.Options is { Count: > 0 }, $"{type} {field.Path} needs options");
                Assert.True(field.Kind != FieldKind.ObjectList || (field.ItemFields is { Count: > 0 } && field.NewItem is not null), $"{type} {field.Path}");
            }
        }
    }

    [Fact]
    public void NewItem_OfEveryList_IsNamedByItsKeyMember()
    {
        foreach (var field in StepTypes.All.SelectMany(StepFields.All).Where(f => f.Kind == FieldKind.ObjectList && f.ItemKey is not null && f.ItemKey != "Image"))
        {
            var item = field.NewItem!("fresh");
            Assert.Equal("fresh", (string?)item[field.ItemKey!]);
            Assert.All(field.ItemFields!.Where(f => f.Kind is FieldKind.Text), f => Assert.NotNull(FieldValues.Get(item, f.Path)));
        }
    }

    /// <summary>
    /// The descriptors must agree with what the SDK writes: every value present in the corpus and samples
    /// has the JSON kind its field expects, and expressions only sit where the field allows them.
    /// </summary>
    [Fact]
    public void Fields_OverEveryValidDefinition_MatchTheValuesFound()
    {
        var problems = new List<string>();
        var checkedValues = 0;
        foreach (var (label, text) in SampleDefinitions.AllValid())
        {
            var definition = PipelineDefinition.Parse(text).Definition!;
            foreach (var step in definition.AllSteps)
            {
                foreach (var field in StepFields.All(step.Type))
                {
                    if (FieldValues.Get(step.Json, field.Path) is { } value)
                    {
                        checkedValues++;
                        Check(field, value, $"{label} {step.Name} {field.Path}", problems);
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(checkedValues > 200, $"only {checkedValues} values checked");
    }

    private static void Check(FieldDescriptor field, JsonNode value, string where, List<string> problems)
    {
        if (FieldValues.IsExpression(value))
        {
            if (!field.AllowsExpression || field.Kind is FieldKind.StringList or FieldKind.KeyValueMap or FieldKind.ObjectList)
            {
                problems.Add($"{where}: an expression where the field takes none");
            }

            return;
        }

        var kind = value.GetValueKind();
        var fits = field.Kind switch
        {
            FieldKind.Text or FieldKind.MultilineText or FieldKind.Enum => kind == JsonValueKind.String,
            FieldKind.Number => kind == JsonValueKind.Number,
            FieldKind.Integer => kind == JsonValueKind.Number && value.GetValue<JsonElement>().TryGetInt64(out _),
            FieldKind.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            FieldKind.Value => kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
            FieldKind.StringList or FieldKind.Conditions or FieldKind.ObjectList => kind == JsonValueKind.Array,
            FieldKind.KeyValueMap => kind == JsonValueKind.Object,
            _ => false,
        };
        if (!fits)
        {
            problems.Add($"{where}: {kind} does not fit a {field.Kind} field");
            return;
        }

        if (field.Kind == FieldKind.Enum && !field.Options!.Contains(value.GetValue<string>()))
        {
            problems.Add($"{where}: '{value}' is not among the options");
        }

        if (field.Kind == FieldKind.StringList)
        {
            foreach (var item in value.AsArray())
            {
                if (FieldValues.IsExpression(item) ? !field.AllowsExpression : item?.GetValueKind() != JsonValueKind.String)
                {
                    problems.Add($"{where}: item {item?.ToJsonString()} does not fit");
                }
            }
        }

        if (field.Kind == FieldKind.ObjectList)
        {
            foreach (var item in value.AsArray().OfType<JsonObject>())
            {
                foreach (var itemField in field.ItemFields!)
                {
                    if (FieldValues.Get(item, itemField.Path) is { } itemValue)
                    {
                        Check(itemField, itemValue, $"{where}[{itemField.Path}]", problems);
                    }
                }
            }
        }
    }
}
