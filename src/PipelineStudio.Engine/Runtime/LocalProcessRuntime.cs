using System.ComponentModel;
using System.Diagnostics;

namespace PipelineStudio.Engine.Runtime;

/// <summary>Runs a job's command as a local child process (no shell in between: arguments go through ArgumentList).</summary>
public sealed class LocalProcessRuntime : IProcessRuntime
{
    // After the process exits, a grandchild that escaped the tree may still hold stdout open; don't wait for it forever.
    private static readonly TimeSpan OutputDrainGrace = TimeSpan.FromSeconds(2);

    public async Task<ProcessOutcome> RunAsync(ProcessSpec spec, Action<string> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(onLine);
        cancellationToken.ThrowIfCancellationRequested();

        using var process = new Process { StartInfo = CreateStartInfo(spec), EnableRaisingEvents = true };
        var gate = new Lock();
        var finished = false; // lines arriving after the grace period (from an escaped grandchild) are dropped
        var stdoutClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Forward(e.Data, stdoutClosed);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, stderrClosed);
        process.Exited += (_, _) => exited.TrySetResult();

        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            throw new ProcessStartException(
                $"Could not start '{spec.FileName}' in '{spec.WorkingDirectory}': {ex.Message}", ex);
        }

        // Closing stdin at once: a job that reads its input would otherwise wait for ever.
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process already exited and closed its end.
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using (cancellationToken.Register(() => KillTree(process)))
        {
            await exited.Task.ConfigureAwait(false);
            await Task.WhenAny(Task.WhenAll(stdoutClosed.Task, stderrClosed.Task), Task.Delay(OutputDrainGrace, CancellationToken.None))
                .ConfigureAwait(false);
        }

        // A finite wait: the parameterless WaitForExit would wait for the output EOF again.
        process.WaitForExit(1000);
        lock (gate)
        {
            finished = true;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ProcessOutcome.FromExitCode(process.ExitCode);

        void Forward(string? line, TaskCompletionSource closed)
        {
            if (line is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (gate)
            {
                if (!finished)
                {
                    onLine(line);
                }
            }
        }
    }

    private static ProcessStartInfo CreateStartInfo(ProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: nothing to kill.
        }
        catch (Win32Exception)
        {
            // A member of the tree vanished while it was being walked; the rest was signalled.
        }
    }
}
