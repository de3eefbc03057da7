using System.Security.Cryptography;
using System.Text;

namespace PipelineStudio.Persistence.Stores;

/// <summary>The content hash of a stored definition: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
public static class PipelineContentHash
{
    public static string Of(string definitionJson)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definitionJson)));
    }
}
