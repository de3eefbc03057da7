using System.Text;
using Microsoft.Playwright;

/// <summary>A chromium performance trace over the DevTools protocol (the file DevTools' Performance panel loads), for profiling a run.</summary>
internal sealed class ChromiumTrace(ICDPSession session, string path)
{
    public static async Task<ChromiumTrace> StartAsync(IPage page, string path)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["transferMode"] = "ReturnAsStream",
            ["traceConfig"] = new Dictionary<string, object>
            {
                ["includedCategories"] = new[] { "devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8.execute", "toplevel", "disabled-by-default-v8.cpu_profiler" },
            },
        });
        return new ChromiumTrace(session, path);
    }

    public async Task StopAsync()
    {
        var complete = new TaskCompletionSource<string>();
        session.Event("Tracing.tracingComplete").OnEvent += (_, e) => complete.TrySetResult(e!.Value.GetProperty("stream").GetString()!);
        await session.SendAsync("Tracing.end");
        var stream = await complete.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await using var file = File.Create(path);
        while (true)
        {
            var chunk = (await session.SendAsync("IO.read", new Dictionary<string, object> { ["handle"] = stream, ["size"] = 1 << 20 }))!.Value;
            var data = chunk.GetProperty("data").GetString()!;
            var bytes = chunk.TryGetProperty("base64Encoded", out var b64) && b64.GetBoolean() ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(data);
            await file.WriteAsync(bytes);
            if (chunk.GetProperty("eof").GetBoolean())
            {
                break;
            }
        }

        await session.SendAsync("IO.close", new Dictionary<string, object> { ["handle"] = stream });
    }
}
