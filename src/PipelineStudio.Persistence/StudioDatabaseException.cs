namespace PipelineStudio.Persistence;

/// <summary>
/// The studio database (or its folder) cannot be used: missing permissions, a corrupt file, a path that is a
/// directory. The message names the path and says what to do, so hosts can print it instead of a stack trace.
/// </summary>
public sealed class StudioDatabaseException(string message, Exception? innerException = null)
    : Exception(message, innerException);
