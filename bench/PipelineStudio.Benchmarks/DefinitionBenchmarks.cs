using BenchmarkDotNet.Attributes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Benchmarks;

/// <summary>
/// What the studio does when a large definition is imported or opened: parse it into the typed view,
/// validate it (which parses again, as the CLI and the import endpoint do), and build the graph and
/// its layers for layout. Target: under 50 ms for a definition at SageMaker's 1 MiB limit.
/// </summary>
[MemoryDiagnoser]
public class DefinitionBenchmarks
{
    private string _text = "";

    /// <summary>
    /// <see cref="DefinitionGenerator.StepsNearLimit"/> steps is just under 1 MiB; 2,000 realistic
    /// steps are about 1.76 million characters, over the limit but still parsed and validated in full.
    /// </summary>
    [Params(DefinitionGenerator.StepsNearLimit, 2000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = DefinitionGenerator.Layered(Steps, width: 20, seed: 1);
        Console.WriteLine($"// Steps={Steps}: definition is {_text.Length:N0} characters");
    }

    [Benchmark(Description = "Parse + typed view")]
    public PipelineDefinition Parse() => PipelineDefinition.Parse(_text).Definition!;

    [Benchmark(Description = "Validate (text)")]
    public ValidationReport Validate() => DefinitionValidator.Validate(_text);

    // A fresh parse each time: a definition caches its steps' expression scans, so building the graph twice on
    // one definition would measure only the second, cheaper half.
    [Benchmark(Description = "Parse + Graph Build + Layers")]
    public int Graph() => PipelineGraph.Build(PipelineDefinition.Parse(_text).Definition!).Layers().Count;

    [Benchmark(Description = "Validate + Graph (import)")]
    public int Import()
    {
        var report = DefinitionValidator.Validate(_text);
        return PipelineGraph.Build(report.Definition!).Layers().Count;
    }
}
