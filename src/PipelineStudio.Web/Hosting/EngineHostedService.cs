using PipelineStudio.Engine.Hosting;
using PipelineStudio.Engine.Scheduling;

namespace PipelineStudio.Web.Hosting;

/// <summary>
/// The local engine's life in the web host: keeps the leases (and adopts executions a dead CLI run left) while the
/// app runs; at shutdown kills running steps and leaves their executions for the next start, instead of leaving
/// step processes behind.
/// </summary>
public sealed class EngineHostedService(ExecutionLeaseKeeper keeper, LocalExecutionBackend backend) : IHostedService, IDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private Task _keeping = Task.CompletedTask;
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _keeping = Task.Run(() => keeper.RunAsync(adoptOrphans: true, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <remarks>Hosts may call it twice, even after disposing the service (the test host does); only the first call acts.</remarks>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed || _stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _keeping;
        await backend.ShutdownAsync(ShutdownGrace);
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }
}
