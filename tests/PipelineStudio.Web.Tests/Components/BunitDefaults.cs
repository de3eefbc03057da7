using System.Runtime.CompilerServices;
using Bunit;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>
/// bunit's waits default to 1 s and run on the thread pool; on a loaded 2-core CI machine running several test
/// assemblies at once that is too little, and renders were seen to miss it. A wait only lasts as long as
/// the component needs, so a longer ceiling costs nothing when things are quick.
/// </summary>
internal static class BunitDefaults
{
    [ModuleInitializer]
    internal static void Apply()
    {
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 4), io);
    }
}
