using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: the machine is shared, and a separate benchmark build per run would cost more than the run.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(20).WithToolchain(InProcessEmitToolchain.Instance))
    .AddColumn(StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max)
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(PipelineStudio.Benchmarks.DefinitionBenchmarks).Assembly).Run(args, config);
