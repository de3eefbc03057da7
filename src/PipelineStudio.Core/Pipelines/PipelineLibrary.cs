using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Core.Pipelines;

/// <summary>The outcome of saving a definition: the new version, or why nothing was saved.</summary>
public sealed record SaveResult(PipelineVersionInfo? Version, IReadOnlyList<ValidationIssue> Issues)
{
    public bool Saved => Version is not null;
}

/// <summary>
/// Saves definitions as new pipeline versions after validating them, for every entry point alike
/// (web import, REST, CLI, seeding). A definition with errors is never stored; warnings are kept with
/// the result so the caller can show them.
/// </summary>
public sealed class PipelineLibrary(IPipelineStore store)
{
    public async Task<SaveResult> SaveAsync(
        string name, string definitionText, string author, string message,
        bool isImport = true, int? expectedLatestVersion = null, CancellationToken cancellationToken = default)
    {
        var issues = new List<ValidationIssue>();
        if (!PipelineNames.IsValidPipelineName(name))
        {
            issues.Add(new ValidationIssue(IssueCodes.InvalidPipelineName, IssueSeverity.Error, "name",
                $"Pipeline name '{name}' is not valid: use {PipelineNames.PipelineNameRule}."));
        }

        var report = DefinitionValidator.Validate(definitionText);
        issues.AddRange(report.Issues);
        if (issues.Any(i => i.IsError) || report.Definition is null)
        {
            return new SaveResult(null, issues);
        }

        var definition = report.Definition;
        var description = definition.Metadata.GetValueOrDefault("Description");
        var version = await store.SaveAsync(
            new SavePipelineVersion(
                name,
                definition.ToJson(),
                string.IsNullOrWhiteSpace(author) ? "anonymous" : author,
                string.IsNullOrWhiteSpace(message) ? (isImport ? "Imported" : "Saved") : message,
                definition.AllSteps.Count,
                OriginalJson: isImport ? definitionText : null,
                Description: description,
                ExpectedLatestVersion: expectedLatestVersion),
            cancellationToken).ConfigureAwait(false);
        return new SaveResult(version, issues);
    }
}
