using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Tests.Scheduling;

/// <summary>
/// Runs "Processing" steps for the tests: by default succeeds at once with <c>{"ProcessingJobName": step}</c> properties.
/// Behaviours per step name override that; it records call order, attempts and the highest concurrency seen.
/// </summary>
internal sealed class TestExecutor : IStepExecutor
{
    private readonly ConcurrentDictionary<string, Func<StepContext, CancellationToken, Task<StepResult>>> _behaviours = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<StepContext> _contexts = new();
    private int _running;
    private int _maxRunning;

    public IReadOnlyList<string> Calls => _calls.ToList();

    public IReadOnlyList<StepContext> Contexts => _contexts.ToList();

    public int MaxConcurrent => _maxRunning;

    /// <summary>How long each default step holds its slot, so overlapping runs can be observed.</summary>
    public TimeSpan DefaultDuration { get; set; }

    public bool CanExecute(string stepType) => stepType == StepTypes.Processing;

    public void On(string step, Func<StepContext, CancellationToken, Task<StepResult>> behaviour) => _behaviours[step] = behaviour;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        _calls.Enqueue(context.StepName);
        _contexts.Enqueue(context);
        var now = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, now);
        try
        {
            if (_behaviours.TryGetValue(context.StepName, out var behaviour))
            {
                return await behaviour(context, cancellationToken);
            }

            if (DefaultDuration > TimeSpan.Zero)
            {
                await Task.Delay(DefaultDuration, cancellationToken);
            }

            return StepResult.Success(new JsonObject { ["ProcessingJobName"] = context.StepName });
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
