using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace PipelineStudio.Engine.Hosting;

/// <summary>
/// This engine's identity as an execution owner: <c>host/pid/process-start-ticks/random</c>. The first three parts let
/// another engine on the same machine see at once that an owner died (no such process, or the pid was reused by a
/// process that started at another time), instead of waiting for its lease to run out.
/// </summary>
public sealed class EngineInstance
{
    public EngineInstance()
    {
        using var process = Process.GetCurrentProcess();
        Id = string.Join('/', Environment.MachineName, Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture), RandomNumberGenerator.GetHexString(8, lowercase: true));
    }

    /// <summary>For tests: an engine with a given identity.</summary>
    public EngineInstance(string id) => Id = id;

    public string Id { get; }

    /// <summary>True only when the owner ran on this machine and its process is gone; unknown owners count as alive.</summary>
    public static bool IsKnownDead(string? ownerId)
    {
        var parts = ownerId?.Split('/');
        if (parts is not { Length: 4 } || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var startTicks))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || process.StartTime.ToUniversalTime().Ticks != startTicks;
        }
        catch (ArgumentException)
        {
            return true; // No process has that id any more.
        }
        catch (InvalidOperationException)
        {
            return true; // It exited while we looked.
        }
    }
}
