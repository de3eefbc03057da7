namespace PipelineStudio.Web.Tests.Hosting;

/// <summary>Polls a condition of a real process (no fake clock reaches into it) until it holds or three minutes passed (a ceiling: a studio process starting on a loaded CI machine took over a minute).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Task TrueAsync(Func<bool> condition, string what) => TrueAsync(() => Task.FromResult(condition()), what);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
