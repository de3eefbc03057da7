using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class CallbackStoreTests : IDisposable
{
    private static readonly Dictionary<string, string> Approved = new() { ["approved"] = "true" };
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private async Task<ICallbackStore> OpenWithExecutionAsync()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        await provider.GetRequiredService<IRunStore>().CreateAsync("x1", steps: ["AwaitReview"]);
        return provider.GetRequiredService<ICallbackStore>();
    }

    [Fact]
    public async Task CompleteAsync_OpenToken_StoresTheAnswerForAnotherProcessToRead()
    {
        var callbacks = await OpenWithExecutionAsync();
        await callbacks.IssueAsync(new CallbackRecord("tok1", "x1", "AwaitReview", Runs.T0));
        var otherProcess = _studio.NewProvider().GetRequiredService<ICallbackStore>();

        var outcome = await otherProcess.CompleteAsync("tok1", true, Approved, null, Runs.T0.AddMinutes(3));

        Assert.Equal(CallbackCompletionOutcome.Completed, outcome);
        var stored = await callbacks.GetAsync("tok1");
        Assert.Equal((true, Runs.T0.AddMinutes(3)), (stored!.Succeeded, stored.CompletedAt));
        Assert.Equal(Approved, stored.OutputParameters);
        Assert.False(stored.IsOpen);
    }

    [Fact]
    public async Task CompleteAsync_SecondAnswerOrUnknownOrClosedToken_IsRefusedWithTheReason()
    {
        var callbacks = await OpenWithExecutionAsync();
        await callbacks.IssueAsync(new CallbackRecord("tok1", "x1", "AwaitReview", Runs.T0));
        await callbacks.IssueAsync(new CallbackRecord("tok2", "x1", "AwaitReview", Runs.T0));
        await callbacks.CloseAsync("tok2", Runs.T0.AddMinutes(1));

        Assert.Equal(CallbackCompletionOutcome.Completed, await callbacks.CompleteAsync("tok1", false, new Dictionary<string, string>(), "no", Runs.T0));
        Assert.Equal(CallbackCompletionOutcome.AlreadyCompleted, await callbacks.CompleteAsync("tok1", true, Approved, null, Runs.T0));
        Assert.Equal(CallbackCompletionOutcome.UnknownToken, await callbacks.CompleteAsync("nope", true, Approved, null, Runs.T0));
        Assert.Equal(CallbackCompletionOutcome.NoLongerWaiting, await callbacks.CompleteAsync("tok2", true, Approved, null, Runs.T0));
        Assert.Equal("no", (await callbacks.GetAsync("tok1"))!.FailureReason);
    }

    [Fact]
    public async Task FindPendingAsync_GivesTheNewestTokenNotYetTakenUp()
    {
        var callbacks = await OpenWithExecutionAsync();
        Assert.Null(await callbacks.FindPendingAsync("x1", "AwaitReview"));
        await callbacks.IssueAsync(new CallbackRecord("old", "x1", "AwaitReview", Runs.T0));
        await callbacks.CloseAsync("old", Runs.T0.AddMinutes(1));
        await callbacks.IssueAsync(new CallbackRecord("new", "x1", "AwaitReview", Runs.T0.AddMinutes(2)));
        await callbacks.CompleteAsync("new", true, Approved, null, Runs.T0.AddMinutes(3));

        var pending = await callbacks.FindPendingAsync("x1", "AwaitReview");

        Assert.Equal("new", pending!.Token);
        Assert.True(pending.Succeeded);
        await callbacks.CloseAsync("new", Runs.T0.AddMinutes(4));
        Assert.Null(await callbacks.FindPendingAsync("x1", "AwaitReview"));
    }
}
