using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.TestSupport.Fakes;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>The studio's component context plus what run pages inject: runs, a hub, a recording backend, sweeps.</summary>
public abstract class RunPageTestBase : StudioComponentTestBase
{
    internal const string Parameters = """
        {"Version":"2020-12-01","Steps":[{"Name":"Work","Type":"Fail","Arguments":{"ErrorMessage":"x"}}],"Parameters":[
          {"Name":"Epochs","Type":"Integer","DefaultValue":10},
          {"Name":"Rate","Type":"Float","DefaultValue":0.1},
          {"Name":"Instance","Type":"String","DefaultValue":"ml.m5.large","EnumValues":["ml.m5.large","ml.m5.xlarge"]},
          {"Name":"Shuffle","Type":"Boolean","DefaultValue":true},
          {"Name":"InputUri","Type":"String"}]}
        """;

    protected RunPageTestBase() => Popovers = Render<MudPopoverProvider>();

    /// <summary>Where open selects and menus render their items.</summary>
    internal IRenderedComponent<MudPopoverProvider> Popovers { get; }

    internal InMemoryRunStore Runs { get; } = new();

    internal RunEventHub Hub { get; } = new();

    internal InMemorySweepStore Sweeps { get; } = new();

    internal RecordingBackend Backend { get; private set; } = null!;

    protected override void AddServices(IServiceCollection services)
    {
        Backend = new RecordingBackend(Runs, Clock);
        services.AddSingleton<IRunStore>(Runs);
        services.AddSingleton<IRunEventHub>(Hub);
        services.AddSingleton<IExecutionBackend>(Backend);
        services.AddSingleton<ISweepStore>(Sweeps);
        services.AddSingleton(_ => new SweepRunner(Backend, Runs, Hub, Sweeps, Clock));
    }

    /// <summary>Stores an execution with steps in the given statuses, created <paramref name="ago"/> before now.</summary>
    internal async Task<ExecutionRecord> AddExecutionAsync(
        string id, string pipeline, ExecutionStatus status, TimeSpan ago, params StepStatus[] steps)
    {
        var created = Now - ago;
        var execution = new ExecutionRecord(
            id, pipeline, 1, status, new Dictionary<string, string> { ["Epochs"] = "3" }, created,
            EndedAt: status.IsFinished() ? created.AddSeconds(42) : null);
        await Runs.CreateExecutionAsync(execution, steps.Select((s, i) => new StepRecord(id, $"Step{i}", "Processing", s)).ToList());
        return execution;
    }
}
