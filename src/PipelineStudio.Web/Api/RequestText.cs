using System.Text;

namespace PipelineStudio.Web.Api;

/// <summary>Reads a request body as text, refusing bodies over a limit before buffering them whole.</summary>
internal static class RequestText
{
    /// <summary>Largest body the API reads. Definitions are capped at 1 MiB by validation; this leaves room for whitespace.</summary>
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    private const int ChunkSize = 64 * 1024;

    /// <summary>The body decoded as UTF-8 (a byte-order mark is honoured), or null when it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            // Chunked uploads carry no Content-Length: count as we go and stop at the limit.
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
