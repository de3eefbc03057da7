using System.Text;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model;

/// <summary>
/// State of the import dialog: the pipeline name, the definition text and what validation says about
/// them. The dialog only renders this; the rules live here so they can be tested without a browser.
/// </summary>
public sealed class ImportFormModel
{
    /// <summary>Largest file the dialog reads (a definition over 1 MiB is reported by validation as PS004).</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private bool _nameTouchedByUser;

    public string Name { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>The uploaded file's name, when the text came from a file.</summary>
    public string? FileName { get; private set; }

    /// <summary>Validation of <see cref="Text"/>; null until there is text.</summary>
    public ValidationReport? Report { get; private set; }

    /// <summary>Issues from the last save attempt (e.g. the name), shown with the definition's own.</summary>
    public IReadOnlyList<ValidationIssue> SaveIssues { get; set; } = [];

    /// <summary>Latest version of the pipeline named <see cref="Name"/>, when it already exists.</summary>
    public int? ExistingVersion { get; set; }

    public string? NameError => Name.Length == 0
        ? "Give the pipeline a name."
        : PipelineNames.IsValidPipelineName(Name) ? null : $"Use {PipelineNames.PipelineNameRule}.";

    public IReadOnlyList<ValidationIssue> Issues =>
        SaveIssues.Count == 0 ? Report?.Issues ?? [] : [.. SaveIssues];

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    public bool CanImport => HasText && NameError is null && Report is { HasErrors: false };

    public void SetName(string? name)
    {
        Name = (name ?? "").Trim();
        _nameTouchedByUser = Name.Length > 0;
        SaveIssues = [];
    }

    /// <summary>Takes new text and validates it at once (the caller debounces typing).</summary>
    public void SetText(string? text)
    {
        Text = text ?? "";
        SaveIssues = [];
        Report = HasText ? DefinitionValidator.Validate(Text) : null;
    }

    /// <summary>Loads an uploaded file; the name follows the file unless the user typed one.</summary>
    public void LoadFile(string fileName, string text)
    {
        FileName = fileName;
        if (!_nameTouchedByUser)
        {
            Name = SuggestName(fileName);
        }

        SetText(text);
    }

    /// <summary>
    /// A pipeline name derived from a file name: extension dropped, anything SageMaker does not allow
    /// turned into hyphens ("churn_model v2.json" gives "churn-model-v2").
    /// </summary>
    public static string SuggestName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var result = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var name = result.ToString().Trim('-');
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        return name.Length > 256 ? name[..256].TrimEnd('-') : name;
    }
}
