using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Persistence;

namespace PipelineStudio.Web.Model;

/// <summary>
/// What a page says when loading or saving fails. Storage errors are written for users (they name the file
/// and what to do) and so are a concurrent-save conflict and the engine's refusals (each problem names the
/// parameter or step); any other exception is a bug whose text may expose internals, so the page gets a plain
/// sentence and the details go to the log.
/// </summary>
public static partial class UserFacingErrors
{
    public const string Unexpected = "Something went wrong on the server; the details are in the studio's log.";

    public static string Describe(Exception exception, ILogger logger, string whatFailed)
    {
        if (exception is StudioDatabaseException or PipelineVersionConflictException or ExecutionNotFoundException)
        {
            return exception.Message;
        }

        if (exception is ExecutionRefusedException refused)
        {
            return string.Join(" ", refused.Problems);
        }

        LogUnexpected(logger, exception, whatFailed);
        return Unexpected;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure while {WhatFailed}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string whatFailed);
}
