using System.Xml.Linq;
using PipelineStudio.Core.Lineage;
using PipelineStudio.TestSupport.Fakes;
using PipelineStudio.Web.Model.Lineage;
using static PipelineStudio.TestSupport.LineageSamples;

namespace PipelineStudio.Web.Tests.Model;

public class LineageExportTests
{
    [Fact]
    public async Task Svg_IsWellFormedWithOneGroupPerNodeAndThePathHighlighted()
    {
        var store = new InMemoryLineageStore();
        await RecordChurnAsync(store);
        var explorer = new LineageExplorerModel(store);
        await explorer.LoadAsync(Package, LineageViewState.Parse("upstream", 2, null, $"{Package},{ModelArtifact}", null, null));

        var svg = XDocument.Parse(LineageSvgWriter.Write(explorer.View, explorer.Path));
        var json = LineageExportDocument.From(explorer.View, explorer.ViewState, explorer.Path);

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(3, svg.Descendants(ns + "g").Count(g => g.Attribute("data-entity") is not null));
        Assert.Equal(2, svg.Descendants(ns + "path").Count(p => p.Attribute("stroke")?.Value == "#ff6f00"));
        Assert.Equal(new[] { ModelArtifact, Package, Register }.Order(StringComparer.Ordinal), json.Nodes.Where(n => n.OnPath).Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(explorer.ViewState.ToQueryString(), json.Query);
    }

    [Theory]
    [InlineData("arn:aws:sagemaker:local:000000000000:model-package/churn-models/3", "/models/churn-models/3")]
    [InlineData("arn:aws:sagemaker:local:000000000000:model-package/churn-models", null)]
    [InlineData("s3://bucket/model.tar.gz", null)]
    public void Registry_ParsesThePackageArn(string uri, string? expected)
    {
        var package = new LineageEntity("p", LineageKind.Artifact, LineageTypes.ModelPackage, "p", At, uri);

        Assert.Equal(expected, LineageLinks.Registry(package));
        Assert.Null(LineageLinks.Registry(package with { Type = LineageTypes.Model }));
    }

    [Fact]
    public void StepRun_LinksToTheExecutionWithTheStepSelected()
    {
        var run = new LineageEntity("a", LineageKind.Action, "TrainingJob", "Train", At, ExecutionId: "ex 1", StepName: "Train");

        Assert.Equal("/executions/ex%201?step=Train", LineageLinks.StepRun(run));
        Assert.Null(LineageLinks.StepRun(run with { ExecutionId = null }));
        Assert.Equal("1.5 KB", LineageLinks.FormatSize(1536));
    }
}
