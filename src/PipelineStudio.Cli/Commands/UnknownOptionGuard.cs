using System.CommandLine.Parsing;

namespace PipelineStudio.Cli.Commands;

/// <summary>
/// System.CommandLine hands an unknown option such as <c>--strict</c> to a FILE argument as a file name,
/// which would surface as "file not found: '--strict'". This turns it into the usage error it is.
/// </summary>
internal static class UnknownOptionGuard
{
    public static void RejectOptionLikeTokens(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value.StartsWith('-') && !File.Exists(token.Value))
            {
                result.AddError($"Unrecognized option '{token.Value}' (for a file of that name, write ./{token.Value}).");
            }
        }
    }
}
