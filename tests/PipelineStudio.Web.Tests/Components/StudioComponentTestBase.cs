using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>
/// A bunit context wired like the studio: MudBlazor services, an in-memory store, a fixed clock, an
/// interactive renderer, and the one diagram JS call loose mode cannot answer.
/// </summary>
public abstract class StudioComponentTestBase : BunitContext, IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    protected StudioComponentTestBase()
    {
        Clock = new FixedClock(Now);
        Store = new InMemoryPipelineStore(Clock);
        JSInterop.Mode = JSRuntimeMode.Loose;

        // Loose mode answers null here, and Diagram.SetContainer dereferences it (stack-notes §2).
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1000, 600));
        Services.AddMudServices();
        Services.AddSingleton<IPipelineStore>(Store);
        Services.AddSingleton(new PipelineLibrary(Store));
        Services.AddSingleton(new StudioUser("tester"));
        Services.AddSingleton<TimeProvider>(Clock);
        AddServices(Services);

        // This builds the service provider: nothing can be registered after it.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    internal FixedClock Clock { get; }

    internal InMemoryPipelineStore Store { get; }

    /// <summary>
    /// Registers what a test class needs on top of the defaults (a later registration wins). Runs inside this
    /// constructor, before the derived one: use fields with initializers only.
    /// </summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    /// <summary>Saves <paramref name="json"/> as a new version of <paramref name="name"/>, failing the test if it is rejected.</summary>
    protected async Task SeedAsync(string name, string json, string author = "alice", string message = "Imported")
    {
        var result = await new PipelineLibrary(Store).SaveAsync(name, json, author, message);
        Assert.True(result.Saved, string.Join("; ", result.Issues));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable; xunit runs this before the synchronous Dispose,
    // which then finds the context already disposed.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
