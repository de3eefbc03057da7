using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;

/// <summary>
/// Records, through the store's own recording path, a customer table built by one step run and then trained on by
/// <c>runs</c> executions of a training pipeline: each Train step run reads the table, one of five versions of the
/// training script and the image, produces a model (DerivedFrom the table) and a metrics report, and is associated
/// with its execution. Both directions two hops from the table reach the builder and its inputs upstream, and every
/// Train run, its two products and its execution downstream: 4 + 4 × runs entities.
/// </summary>
internal static class RenderStoreGenerator
{
    public const int Depth = 2;

    public static string RootId { get; } = LineageIds.Artifact(LineageTypes.DataSet, "customers-2026");

    /// <summary>How many training runs give a neighbourhood of <paramref name="nodes"/> entities (at least one).</summary>
    public static int RunsFor(int nodes) => Math.Max(1, (nodes - 4) / 4);

    public static int NodesFor(int runs) => 4 + (4 * runs);

    public static async Task GenerateAsync(ILineageStore store, int runs)
    {
        var at = new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);
        var build = LineageIds.StepRun("ex-build", "BuildCustomerTable");
        var image = LineageIds.Artifact(LineageTypes.Image, "sklearn-1.2");
        var entities = new List<LineageEntity>
        {
            Artifact(RootId, LineageTypes.DataSet, "customers.parquet", "s3://studio/warehouse/customers.parquet", at, "ex-build", "BuildCustomerTable"),
            Artifact(LineageIds.Artifact(LineageTypes.DataSet, "crm-export"), LineageTypes.DataSet, "crm-export.csv", "s3://studio/raw/crm-export.csv", at),
            Artifact(LineageIds.Artifact(LineageTypes.Code, "build_table.py"), LineageTypes.Code, "build_table.py", "s3://studio/code/build_table.py", at),
            new(build, LineageKind.Action, "ProcessingJob", "BuildCustomerTable", at, ExecutionId: "ex-build", StepName: "BuildCustomerTable"),
            Artifact(image, LineageTypes.Image, "sagemaker-scikit-learn:1.2", "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3", at),
        };
        var associations = new List<LineageAssociation>
        {
            new(entities[1].Id, build, AssociationTypes.ContributedTo),
            new(entities[2].Id, build, AssociationTypes.ContributedTo),
            new(build, RootId, AssociationTypes.Produced),
        };
        for (var version = 0; version < 5; version++)
        {
            entities.Add(Artifact(Code(version), LineageTypes.Code, $"train-v{version}.py", $"s3://studio/code/v{version}/train.py", at));
        }

        for (var run = 0; run < runs; run++)
        {
            var execution = $"ex-train-{run:D4}";
            var started = at.AddMinutes(30 * (run + 1));
            var train = LineageIds.StepRun(execution, "Train");
            var model = LineageIds.Artifact(LineageTypes.Model, $"{execution}-model");
            var report = LineageIds.Artifact(LineageTypes.Report, $"{execution}-metrics");
            var context = LineageIds.ExecutionContext(execution);
            entities.AddRange(
            [
                new(train, LineageKind.Action, "TrainingJob", "Train", started, ExecutionId: execution, StepName: "Train"),
                Artifact(model, LineageTypes.Model, "model.tar.gz", $"s3://studio/{execution}/model/model.tar.gz", started, execution, "Train"),
                Artifact(report, LineageTypes.Report, "metrics.json", $"s3://studio/{execution}/metrics/metrics.json", started, execution, "Train"),
                new(context, LineageKind.Context, LineageTypes.PipelineExecution, $"nightly-train {run + 1}", started, ExecutionId: execution),
            ]);
            associations.AddRange(
            [
                new(RootId, train, AssociationTypes.ContributedTo),
                new(Code(run % 5), train, AssociationTypes.ContributedTo),
                new(image, train, AssociationTypes.ContributedTo),
                new(train, model, AssociationTypes.Produced),
                new(train, report, AssociationTypes.Produced),
                new(model, RootId, AssociationTypes.DerivedFrom),
                new(train, context, AssociationTypes.AssociatedWith),
            ]);
        }

        await store.RecordAsync(entities, associations);
    }

    private static string Code(int version) => LineageIds.Artifact(LineageTypes.Code, $"train-v{version}");

    private static LineageEntity Artifact(string id, string type, string name, string uri, DateTimeOffset at, string? execution = null, string? step = null) =>
        new(id, LineageKind.Artifact, type, name, at, uri, id, 1_000 + name.Length, execution, step);
}
