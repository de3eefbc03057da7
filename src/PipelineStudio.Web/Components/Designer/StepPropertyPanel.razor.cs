using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Components.Designer.Fields;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Designer;

/// <summary>
/// The designer's property panel for one step: typed fields generated from the step type's descriptors
/// (<see cref="StepFields"/>) and a raw JSON tab. Every committed change raises <see cref="OnStepChanged"/>
/// once with a new, whole step object; the panel never edits <see cref="Definition"/> itself.
/// </summary>
public partial class StepPropertyPanel
{
    private PipelineDefinition? _shownDefinition;
    private string? _shownStepName;
    private JsonObject? _step;
    private string _stepJsonPath = "";
    private IReadOnlyList<FieldGroup> _groups = [];
    private FieldContext _context = null!;
    private IReadOnlyList<ValidationIssue> _unpinned = [];
    private int _activeTab;
    private string _jsonText = "";
    private string? _jsonError;

    [Parameter, EditorRequired]
    public PipelineDefinition Definition { get; set; } = null!;

    [Parameter, EditorRequired]
    public string StepName { get; set; } = "";

    /// <summary>This step's issues; each shows on its field when its path falls inside one, else at the top.</summary>
    [Parameter]
    public IReadOnlyList<ValidationIssue> Issues { get; set; } = [];

    /// <summary>Raised with a deep copy of the whole edited step, once per committed field change.</summary>
    [Parameter]
    public EventCallback<JsonObject> OnStepChanged { get; set; }

    private StepTypeStyle Style => StepTypeIcons.For(_step is null ? null : JsonRead.String(_step, "Type"));

    private string TypeLine
    {
        get
        {
            var type = _step is null ? null : JsonRead.String(_step, "Type");
            return StepTypeCatalog.Find(type) is { } descriptor ? $"{descriptor.DisplayName} step" : $"{type ?? "Untyped"} step (unknown type)";
        }
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Definition, _shownDefinition) || StepName != _shownStepName)
        {
            var stepChanged = StepName != _shownStepName;
            _shownDefinition = Definition;
            _shownStepName = StepName;
            var step = Definition.FindStep(StepName);
            _step = step is null ? null : (JsonObject)step.Json.DeepClone();
            _stepJsonPath = step?.JsonPath ?? "";
            _groups = StepFields.For(step?.Type);

            // A pending invalid JSON edit survives unrelated edits elsewhere, but not a switch to another step.
            if (_jsonError is null || stepChanged)
            {
                ResetJson();
            }
        }

        PinIssues();
    }

    private void PinIssues()
    {
        var fields = _groups.SelectMany(g => g.Fields).ToList();
        var byField = new Dictionary<string, IReadOnlyList<ValidationIssue>>(StringComparer.Ordinal);
        var unpinned = new List<ValidationIssue>();
        foreach (var issue in Issues)
        {
            if (FieldIssues.MatchField(fields, _stepJsonPath, issue.Path) is { } path)
            {
                byField[path] = [.. byField.GetValueOrDefault(path) ?? [], issue];
            }
            else
            {
                unpinned.Add(issue);
            }
        }

        _unpinned = unpinned;
        _context = new FieldContext(Definition, StepName, byField);
    }

    private async Task CommitFieldAsync(FieldDescriptor field, JsonNode? value)
    {
        if (_step is null)
        {
            return;
        }

        var edited = (JsonObject)_step.DeepClone();
        FieldValues.Set(edited, field.Path, value?.DeepClone());
        await RaiseAsync(edited);
    }

    private async Task ApplyJsonAsync(string? text)
    {
        _jsonText = text ?? "";
        var (json, issue) = DefinitionJson.Parse(_jsonText);
        if (json is null)
        {
            _jsonError = issue!.Code == IssueCodes.NotAnObject ? "A step must be a JSON object." : issue.Message;
            return;
        }

        _jsonError = null;
        if (_step is not null && JsonNode.DeepEquals(json, _step))
        {
            return;
        }

        await RaiseAsync(json);
    }

    private async Task RaiseAsync(JsonObject edited)
    {
        _step = edited;
        _jsonText = DefinitionJson.Write(edited);
        await OnStepChanged.InvokeAsync((JsonObject)edited.DeepClone());
    }

    private void ResetJson()
    {
        _jsonError = null;
        _jsonText = _step is null ? "" : DefinitionJson.Write(_step);
    }
}
