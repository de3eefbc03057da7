using System.Text.Json.Nodes;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Lineage;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Tests.Scheduling;

namespace PipelineStudio.Engine.Tests.Lineage;

public sealed class StepLineageTests
{
    private const string Raw = "s3://bucket/data/raw.csv";
    private const string Code = "s3://bucket/code/prep.py";

    // Shaped like the SDK's Processing step: data and code inputs, an image, one output.
    private static JsonObject PrepArguments() => JsonNode.Parse($$$"""
        {"AppSpecification":{"ImageUri":"683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"},
         "ProcessingInputs":[
           {"InputName":"raw","S3Input":{"S3Uri":"{{{Raw}}}","LocalPath":"/opt/ml/processing/input/raw"}},
           {"InputName":"code","S3Input":{"S3Uri":"{{{Code}}}","LocalPath":"/opt/ml/processing/input/code"}}],
         "ProcessingOutputConfig":{"Outputs":[{"OutputName":"train","S3Output":{"S3Uri":"s3://bucket/out/train","LocalPath":"/opt/ml/processing/train"}}]}}
        """)!.AsObject();

    [Fact]
    public void References_ProcessingArgumentsAndTrainingProperties_AreTypedByWhereTheyAre()
    {
        var inputs = ArtifactReferences.Inputs(PrepArguments());
        var trainingArguments = JsonNode.Parse("""
            {"OutputDataConfig":{"S3OutputPath":"s3://bucket/models"},
             "InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3Uri":"s3://bucket/out/train"}}}],
             "HyperParameters":{"sagemaker_submit_directory":"\"s3://bucket/code\""}}
            """)!.AsObject();
        var trainingProperties = JsonNode.Parse("""
            {"ModelArtifacts":{"S3ModelArtifacts":"s3://bucket/models/job-1/output/model.tar.gz"},
             "OutputDataConfig":{"S3OutputPath":"s3://bucket/models"},
             "InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3Uri":"s3://bucket/out/train"}}}]}
            """);
        var trainingInputs = ArtifactReferences.Inputs(trainingArguments);

        Assert.Equal(
            [(LineageTypes.Image, "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"), (LineageTypes.DataSet, Raw), (LineageTypes.Code, Code)],
            inputs.Select(i => (i.Type, i.Uri)));
        Assert.Equal([(LineageTypes.DataSet, "s3://bucket/out/train"), (LineageTypes.Code, "s3://bucket/code")], trainingInputs.Select(i => (i.Type, i.Uri)));
        var outputs = ArtifactReferences.Outputs(trainingProperties, trainingInputs);
        Assert.Equal([(LineageTypes.Model, "s3://bucket/models/job-1/output/model.tar.gz")], outputs.Select(o => (o.Type, o.Uri)));
    }

    [Fact]
    public async Task TwoExecutions_ReadingTheSameData_ShareOneDatasetEntityWithTwoConsumers()
    {
        using var engine = new EngineHarness();
        await engine.Artifacts.PutTextAsync(Raw, "a,b\n1,2\n");
        await engine.Artifacts.PutTextAsync(Code, "print('prep')");
        engine.Executor.On("Prep", async (context, _) =>
        {
            var output = $"s3://bucket/out/{context.Execution.Id}/train.csv";
            await context.Artifacts.PutTextAsync(output, "1,2\n");
            return StepResult.Success(new JsonObject
            {
                ["ProcessingOutputConfig"] = new JsonObject { ["Outputs"] = new JsonArray(new JsonObject { ["OutputName"] = "train", ["S3Output"] = new JsonObject { ["S3Uri"] = output } }) },
            });
        });
        var definition = Defs.Pipeline(Defs.Step("Prep", PrepArguments()));

        var first = await engine.RunAsync(definition);
        var second = await engine.StartAsync();
        await engine.WaitAsync(second.Id);

        Assert.Equal(ExecutionStatus.Succeeded, first.Status);
        var raw = Assert.Single(engine.Lineage.Entities, e => e.SourceUri == Raw);
        Assert.Equal(LineageTypes.DataSet, raw.Type);
        Assert.Equal(64, raw.ContentHash!.Length);
        var consumers = engine.Lineage.Associations.Where(a => a.SourceId == raw.Id && a.Type == AssociationTypes.ContributedTo).Select(a => a.DestinationId);
        Assert.Equivalent(new[] { LineageIds.StepRun(first.Id, "Prep"), LineageIds.StepRun(second.Id, "Prep") }, consumers, strict: true);

        // Both runs wrote the same bytes under different URIs: one output entity, produced twice.
        var produced = engine.Lineage.Associations.Where(a => a.Type == AssociationTypes.Produced).Select(a => a.DestinationId).Distinct();
        Assert.Single(produced);
        var upstream = await engine.Lineage.QueryAsync(new LineageQuery(LineageIds.StepRun(first.Id, "Prep"), LineageDirection.Upstream, 1));
        Assert.Equal(4, upstream.Nodes.Count); // the run, raw data, code, image
        Assert.Contains(engine.Lineage.Associations, a => a is { Type: AssociationTypes.AssociatedWith } && a.SourceId == LineageIds.StepRun(first.Id, "Prep"));
    }

    [Fact]
    public async Task ControlStepsAndFailedSteps_RecordNoLineage()
    {
        using var engine = new EngineHarness();
        engine.Executor.On("Broken", (_, _) => Task.FromResult(StepResult.Failure("exit 1")));

        await engine.RunAsync(Defs.Pipeline(Defs.Step("Broken", PrepArguments())));

        Assert.Empty(engine.Lineage.Entities);
    }
}
