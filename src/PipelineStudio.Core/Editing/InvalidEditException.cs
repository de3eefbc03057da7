namespace PipelineStudio.Core.Editing;

/// <summary>An edit that cannot apply to the document as it is (unknown step, name taken, a branch inside itself).</summary>
public sealed class InvalidEditException(string message) : InvalidOperationException(message);
