using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Core.Tests.Lineage;

/// <summary>
/// Two runs of a generate → train → register pipeline: the generated data is the same content (one entity, produced by
/// both runs' Generate), the training script changed, run B reads an extra feature file, and the threshold parameter differs.
/// </summary>
public class UpstreamComparisonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compare_TwoRuns_SharedDataIsSameChangedScriptAndModelDifferExtraInputIsOnlyInB()
    {
        var comparison = UpstreamComparison.Compare(RunA(), RunB());

        Assert.Equal(UpstreamChange.Same, Artifact(comparison, "raw.csv").Change);
        Assert.Equal(UpstreamChange.Same, Artifact(comparison, "generate.py").Change);
        var script = Artifact(comparison, "train.py");
        Assert.Equal((UpstreamChange.Differs, true), (script.Change, script.IsCode));
        Assert.Equal(("code-a", "code-b"), (script.A!.ContentHash, script.B!.ContentHash));
        Assert.Equal("into Train", script.Role);
        var model = Artifact(comparison, "model.tar.gz");
        Assert.Equal((UpstreamChange.Differs, "from Train"), (model.Change, model.Role));
        Assert.Equal((UpstreamChange.OnlyInB, null), (Artifact(comparison, "features.csv").Change, Artifact(comparison, "features.csv").A));
        Assert.Equal(LineageTypes.Code, comparison.Artifacts[0].Type); // code first, where a reviewer looks first
    }

    [Fact]
    public void Compare_TwoRuns_StepRunsPairByNameAndDifferOnlyWhereTheirInputsDo()
    {
        var comparison = UpstreamComparison.Compare(RunA(), RunB());

        Assert.Equal(["Generate", "Train", "Register"], comparison.Steps.Select(s => s.StepName));
        var generate = comparison.Steps[0];
        Assert.Equal(UpstreamChange.Same, generate.Change);
        Assert.Equal(("ex-a", "ex-b"), (generate.A!.ExecutionId, generate.B!.ExecutionId)); // each side's own run, though both produced the data
        Assert.Equal(UpstreamChange.Differs, comparison.Steps[1].Change);
        Assert.Equal(["features.csv", "train.py"], comparison.Steps[1].DifferingInputs);
        Assert.Equal(["model.tar.gz"], comparison.Steps[2].DifferingInputs);
    }

    [Fact]
    public void Compare_Parameters_AllNamesWithTheDifferingOnesMarked()
    {
        var comparison = UpstreamComparison.Compare(RunA(), RunB());

        Assert.Equal(["Seed", "Threshold"], comparison.Parameters.Select(p => p.Name));
        Assert.False(comparison.Parameters[0].Differs);
        Assert.Equal(("0.75", "0.7", true), (comparison.Parameters[1].A, comparison.Parameters[1].B, comparison.Parameters[1].Differs));
    }

    [Fact]
    public void Compare_ScriptRenamedForTheSameStep_PairsThemAsDiffering()
    {
        var a = Side("ex-a", "pkg-a", b => b.Input("prep.py", LineageTypes.Code, "prep-1", "Prep"));
        var b = Side("ex-b", "pkg-b", b => b.Input("prep_v2.py", LineageTypes.Code, "prep-2", "Prep"));

        var match = Assert.Single(UpstreamComparison.Compare(a, b).Artifacts);

        Assert.Equal((UpstreamChange.Differs, "prep.py", "prep_v2.py"), (match.Change, match.A!.Name, match.B!.Name));
    }

    [Fact]
    public void Compare_TwoOutputsOfOneStepChangedOnBothSides_PairsThemByName()
    {
        var a = Side("ex-a", "pkg-a", b => b.Output("train.csv", "t-1", "Split").Output("test.csv", "s-1", "Split"));
        var b = Side("ex-b", "pkg-b", b => b.Output("train.csv", "t-2", "Split").Output("test.csv", "s-2", "Split"));

        var matches = UpstreamComparison.Compare(a, b).Artifacts;

        Assert.All(matches, m => Assert.Equal((UpstreamChange.Differs, m.A!.Name), (m.Change, m.B!.Name)));
        Assert.Equal(2, matches.Count);
    }

    [Fact]
    public void PrimaryExecutionOf_RootWithoutExecution_IsTheOneMostUpstreamStepRunsBelongTo()
    {
        var side = RunB();
        var imported = side.Root with { ExecutionId = null };

        Assert.Equal("ex-b", UpstreamComparison.PrimaryExecutionOf(side.Root, side.Upstream));
        Assert.Equal("ex-b", UpstreamComparison.PrimaryExecutionOf(imported, side.Upstream)); // Generate, Train, Register of ex-b; only Generate of ex-a
        Assert.Null(UpstreamComparison.PrimaryExecutionOf(imported, LineageGraph.Empty));
    }

    private static UpstreamArtifactMatch Artifact(UpstreamComparison comparison, string name) => Assert.Single(comparison.Artifacts, a => a.Name == name);

    private static UpstreamSide RunA() => Side("ex-a", "pkg-a", b => b
        .Input("generate.py", LineageTypes.Code, "gen", "Generate")
        .Output("raw.csv", "raw", "Generate")
        .Consume("raw.csv", "Train")
        .Input("train.py", LineageTypes.Code, "code-a", "Train")
        .Output("model.tar.gz", "model-a", "Train", LineageTypes.Model)
        .Consume("model.tar.gz", "Register")
        .Produce("Register", "pkg-a"), new Dictionary<string, string> { ["Seed"] = "42", ["Threshold"] = "0.75" });

    // The raw data has the same content as run A's, so it is one entity: both runs' Generate produced it and both show up.
    private static UpstreamSide RunB() => Side("ex-b", "pkg-b", b => b
        .Input("generate.py", LineageTypes.Code, "gen", "Generate")
        .Output("raw.csv", "raw", "Generate")
        .AlsoProducedBy("raw.csv", "ex-a", "Generate")
        .Consume("raw.csv", "Train")
        .Input("train.py", LineageTypes.Code, "code-b", "Train")
        .Input("features.csv", LineageTypes.DataSet, "features", "Train")
        .Output("model.tar.gz", "model-b", "Train", LineageTypes.Model)
        .Consume("model.tar.gz", "Register")
        .Produce("Register", "pkg-b"), new Dictionary<string, string> { ["Seed"] = "42", ["Threshold"] = "0.7" });

    private static UpstreamSide Side(string execution, string rootId, Func<GraphBuilder, GraphBuilder> build, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var root = new LineageEntity(rootId, LineageKind.Artifact, LineageTypes.ModelPackage, rootId, At, ExecutionId: execution);
        var graph = build(new GraphBuilder(execution, root)).Build();
        return new UpstreamSide(root, graph, UpstreamComparison.PrimaryExecutionOf(root, graph), parameters);
    }

    /// <summary>Entities named by their content hash (as the recorder identifies artifacts); depths grow away from the root.</summary>
    private sealed class GraphBuilder(string execution, LineageEntity root)
    {
        private readonly Dictionary<string, LineageNode> _nodes = new() { [root.Id] = new LineageNode(root, 0) };
        private readonly Dictionary<string, string> _byName = [];
        private readonly List<LineageAssociation> _edges = [];
        private int _depth = 10;

        public GraphBuilder Input(string name, string type, string hash, string step)
        {
            _byName[name] = Add(new LineageEntity($"artifact-{hash}", LineageKind.Artifact, type, name, At, $"s3://b/{execution}/{name}", hash));
            return Consume(name, step);
        }

        public GraphBuilder Output(string name, string hash, string step, string type = LineageTypes.DataSet)
        {
            _byName[name] = Add(new LineageEntity($"artifact-{hash}", LineageKind.Artifact, type, name, At, $"s3://b/{execution}/{name}", hash, ExecutionId: execution));
            _edges.Add(new LineageAssociation(Run(execution, step), _byName[name], AssociationTypes.Produced));
            return this;
        }

        public GraphBuilder AlsoProducedBy(string name, string otherExecution, string step)
        {
            _edges.Add(new LineageAssociation(Run(otherExecution, step), _byName[name], AssociationTypes.Produced));
            return this;
        }

        public GraphBuilder Consume(string name, string step)
        {
            _edges.Add(new LineageAssociation(_byName[name], Run(execution, step), AssociationTypes.ContributedTo));
            return this;
        }

        public GraphBuilder Produce(string step, string artifactId)
        {
            _edges.Add(new LineageAssociation(Run(execution, step), artifactId, AssociationTypes.Produced));
            return this;
        }

        public LineageGraph Build() => new([.. _nodes.Values], _edges);

        private string Run(string runExecution, string step) =>
            Add(new LineageEntity(LineageIds.StepRun(runExecution, step), LineageKind.Action, "ProcessingJob", step, At, ExecutionId: runExecution, StepName: step));

        private string Add(LineageEntity entity)
        {
            if (!_nodes.ContainsKey(entity.Id))
            {
                _nodes[entity.Id] = new LineageNode(entity, _depth--);
            }

            return entity.Id;
        }
    }
}
