using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace PageResponse;

/// <summary>
/// Makes another .NET process run a full blocking GC, as dotnet-gcdump does: an EventPipe session on the runtime's
/// diagnostics socket that enables the runtime provider's GCHeapCollect keyword. The runtime answers that keyword
/// with an induced gen-2 collection. No package and no endpoint in the studio: the socket is there in every
/// .NET process unless DOTNET_EnableDiagnostics=0. Protocol: dotnet/diagnostics, documentation/design-docs/ipc-protocol.md.
/// </summary>
public static class RuntimeGc
{
    private const byte EventPipeCommandSet = 0x02;
    private const byte StopTracing = 0x01;
    private const byte CollectTracing = 0x02;
    private const byte ServerResponse = 0xFF;
    private const ulong GcKeyword = 0x1;
    private const ulong GcHeapCollectKeyword = 0x800000;
    private const uint VerboseLevel = 5;
    private const uint NetTraceFormat = 1;

    /// <summary>Starts a session that induces the GC, gives the runtime a moment to run it, then stops the session.</summary>
    public static async Task CollectAsync(int pid, CancellationToken cancellationToken = default)
    {
        using var session = await ConnectAsync(pid, cancellationToken);
        var payload = new MemoryStream();
        WriteUInt32(payload, 16); // circular buffer MB
        WriteUInt32(payload, NetTraceFormat);
        WriteUInt32(payload, 1); // one provider
        WriteUInt64(payload, GcKeyword | GcHeapCollectKeyword);
        WriteUInt32(payload, VerboseLevel);
        WriteString(payload, "Microsoft-Windows-DotNETRuntime");
        WriteString(payload, null);
        await SendAsync(session, CollectTracing, payload.ToArray(), cancellationToken);
        var sessionId = await ReadResponseAsync(session, cancellationToken);

        // The session's stream must be read, or the runtime blocks writing the trace to a full socket.
        var drain = DrainAsync(session);

        // The runtime starts the collection when the session is enabled; the pause lets it finish before the stop.
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        using (var stop = await ConnectAsync(pid, cancellationToken))
        {
            var id = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(id, sessionId);
            await SendAsync(stop, StopTracing, id, cancellationToken);
            await ReadResponseAsync(stop, cancellationToken);
        }

        await drain.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    private static async Task<Socket> ConnectAsync(int pid, CancellationToken cancellationToken)
    {
        var path = Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{pid}-*-socket").OrderDescending().FirstOrDefault()
            ?? throw new InvalidOperationException($"Process {pid} has no .NET diagnostics socket in {Path.GetTempPath()}.");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        return socket;
    }

    private static async Task SendAsync(Socket socket, byte command, byte[] payload, CancellationToken cancellationToken)
    {
        var message = new byte[20 + payload.Length];
        Encoding.ASCII.GetBytes("DOTNET_IPC_V1\0").CopyTo(message, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(14), (ushort)message.Length);
        message[16] = EventPipeCommandSet;
        message[17] = command;
        payload.CopyTo(message, 20);
        await socket.SendAsync(message, SocketFlags.None, cancellationToken);
    }

    /// <summary>Reads a response header and its 8-byte payload (a session id); throws on an error response.</summary>
    private static async Task<ulong> ReadResponseAsync(Socket socket, CancellationToken cancellationToken)
    {
        var header = await ReadExactlyAsync(socket, 20, cancellationToken);
        var size = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(14));
        var body = await ReadExactlyAsync(socket, size - 20, cancellationToken);
        if (header[16] != ServerResponse || header[17] != 0x00)
        {
            var code = body.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(body) : 0;
            throw new InvalidOperationException($"The runtime refused the diagnostics command (response {header[17]:X2}, code 0x{code:X8}).");
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(body);
    }

    private static async Task<byte[]> ReadExactlyAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                throw new IOException("The diagnostics socket closed mid-message.");
            }

            read += n;
        }

        return buffer;
    }

    private static async Task DrainAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // The runtime closes the stream when the session stops; how it closes does not matter here.
        }
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteUInt64(Stream stream, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    // IPC strings: a character count including the terminating NUL, then UTF-16; null is a count of 0.
    private static void WriteString(Stream stream, string? value)
    {
        if (value is null)
        {
            WriteUInt32(stream, 0);
            return;
        }

        WriteUInt32(stream, (uint)(value.Length + 1));
        stream.Write(Encoding.Unicode.GetBytes(value + "\0"));
    }
}
