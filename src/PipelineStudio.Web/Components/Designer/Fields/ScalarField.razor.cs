using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Components.Designer.Fields;

/// <summary>
/// Edits one scalar field. Changes are committed when the input commits (blur or Enter for text, at once for
/// switches and selects), never per keystroke; text that does not fit the field's type stays local with an error.
/// </summary>
public partial class ScalarField
{
    private JsonNode? _shownValue;
    private bool _literalMode;
    private string? _parseError;

    [Parameter, EditorRequired]
    public FieldDescriptor Field { get; set; } = null!;

    [Parameter]
    public JsonNode? Value { get; set; }

    [Parameter]
    public EventCallback<JsonNode?> ValueChanged { get; set; }

    /// <summary>The path shown as <c>data-field</c> (tests and E2E find fields by it); the field's own path by default.</summary>
    [Parameter]
    public string? FieldPath { get; set; }

    [Parameter]
    public bool ShowHelp { get; set; } = true;

    /// <summary>Issues pinned to this field.</summary>
    [Parameter]
    public IReadOnlyList<ValidationIssue> Issues { get; set; } = [];

    [CascadingParameter]
    public FieldContext? Context { get; set; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    private string DataField => FieldPath ?? Field.Path;

    private bool IsExpressionShown => FieldValues.IsExpression(Value) && !_literalMode;

    private string TextValue => Field.Kind == FieldKind.Value ? FieldValues.ValueText(Value) : FieldValues.LiteralText(FieldValues.IsExpression(Value) ? null : Value, Field.JsonEncoded);

    private bool BoolValue => Value is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private IEnumerable<string> EnumOptions =>
        Field.Options is { } options && !string.IsNullOrEmpty(TextValue) && !options.Contains(TextValue) ? options.Prepend(TextValue) : Field.Options ?? [];

    private List<string> Errors => [.. Issues.Select(i => $"{i.Code}: {i.Message}"), .. _parseError is null ? [] : new[] { _parseError }];

    private bool HasError => Errors.Count > 0;

    private string? ErrorText => HasError ? string.Join(" ", Errors) : null;

    private string? HelpText => ShowHelp ? Field.Help : null;

    protected override void OnParametersSet()
    {
        // A new value from outside (an edit elsewhere, undo) ends a pending switch to literal and any local parse error.
        if (!ReferenceEquals(_shownValue, Value) && !JsonNode.DeepEquals(_shownValue, Value))
        {
            _literalMode = false;
            _parseError = null;
        }

        _shownValue = Value;
    }

    private Task CommitTextAsync(string? text)
    {
        text ??= "";
        _parseError = null;
        JsonNode? value;
        switch (Field.Kind)
        {
            case FieldKind.Integer when text.Trim().Length > 0:
                if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    _parseError = $"'{text}' is not a whole number.";
                    return Task.CompletedTask;
                }

                value = JsonValue.Create(whole);
                break;
            case FieldKind.Number when text.Trim().Length > 0:
                if (!FieldValues.TryNumber(text, out var number))
                {
                    _parseError = $"'{text}' is not a number.";
                    return Task.CompletedTask;
                }

                value = number;
                break;
            case FieldKind.Value:
                value = FieldValues.ValueFromText(text);
                break;
            default:
                value = text.Length == 0 ? null
                    : Field.JsonEncoded ? JsonValue.Create(FieldValues.EncodeJsonString(text))
                    : FieldValues.LiteralFromText(text, FieldValues.IsExpression(Value) ? null : Value);
                break;
        }

        return CommitAsync(value);
    }

    private Task CommitBoolAsync(bool value) => CommitAsync(JsonValue.Create(value));

    private Task CommitEnumAsync(string? value) => CommitAsync(string.IsNullOrEmpty(value) ? null : JsonValue.Create(value));

    private async Task CommitAsync(JsonNode? value)
    {
        if (!_literalMode && JsonNode.DeepEquals(value, Value))
        {
            return;
        }

        _literalMode = false;
        _shownValue = value;
        await ValueChanged.InvokeAsync(value);
    }

    private async Task ToggleAsync()
    {
        if (IsExpressionShown)
        {
            // Nothing is written until the user commits a literal: switching alone is not an edit.
            _literalMode = true;
            return;
        }

        await EditExpressionAsync();
    }

    private async Task EditExpressionAsync()
    {
        if (Context is null)
        {
            return;
        }

        var parameters = new DialogParameters<ExpressionPickerDialog>
        {
            { x => x.Definition, Context.Definition },
            { x => x.StepName, Context.StepName },
            { x => x.Current, FieldValues.IsExpression(Value) ? Value : null },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };
        var dialog = await Dialogs.ShowAsync<ExpressionPickerDialog>($"Expression for {Field.Label}", parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: JsonNode expression })
        {
            _literalMode = false;
            _shownValue = expression;
            await ValueChanged.InvokeAsync(expression);
        }
    }
}
