using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Web.Components.Designer.Fields;

/// <summary>
/// Picks or builds an expression for a field: a reference (parameters, execution variables, properties of
/// upstream steps only), a Join, a JsonGet over an upstream property file, or raw JSON. Closes with the
/// expression node, or cancels.
/// </summary>
public partial class ExpressionPickerDialog
{
    private const int JoinTab = 1;
    private const int JsonGetTab = 2;
    private const int JsonTab = 3;

    private IReadOnlyList<ExpressionChoice> _choices = [];
    private int _upstreamCount;
    private int _tab;
    private string _search = "";
    private string _joinOn = "/";
    private List<JoinPart> _joinParts = [];
    private string? _propertyFile;
    private string _jsonPath = "";
    private string _rawJson = "";
    private string? _rawError;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter, EditorRequired]
    public PipelineDefinition Definition { get; set; } = null!;

    [Parameter, EditorRequired]
    public string StepName { get; set; } = "";

    /// <summary>The field's current expression, to start from; null for a literal.</summary>
    [Parameter]
    public JsonNode? Current { get; set; }

    private IEnumerable<ExpressionChoice> ValueChoices => _choices.Where(c => c.Source != ExpressionSource.PropertyFile);

    private List<ExpressionChoice> PropertyFiles => [.. _choices.Where(c => c.Source == ExpressionSource.PropertyFile)];

    private IEnumerable<(string Title, List<ExpressionChoice> Choices)> Groups =>
        ValueChoices
            .Where(Matches)
            .GroupBy(GroupTitle)
            .Select(g => (g.Key, g.ToList()));

    protected override void OnInitialized()
    {
        _choices = ExpressionChoices.For(Definition, StepName);
        _upstreamCount = _choices.Where(c => c.StepName is not null).Select(c => c.StepName).Distinct().Count();
        _rawJson = Current is null ? "" : DefinitionJson.Write(Current);
        if (Current is JsonObject { Count: 1 } current)
        {
            var (key, argument) = current.First();
            if (key == ExpressionScanner.Join && argument is JsonObject join && join["Values"] is JsonArray values)
            {
                _tab = JoinTab;
                _joinOn = JsonRead.AsString(join["On"]) ?? "";
                _joinParts = [.. values.Select(JoinPart.From)];
            }
            else if (key == ExpressionScanner.JsonGet && argument is JsonObject jsonGet)
            {
                _tab = JsonGetTab;
                _propertyFile = JsonRead.AsString((jsonGet["PropertyFile"] as JsonObject)?[ExpressionScanner.GetKey]);
                _jsonPath = JsonRead.AsString(jsonGet["Path"]) ?? "";
            }
            else if (key != ExpressionScanner.GetKey)
            {
                _tab = JsonTab;
            }
        }

        if (_joinParts.Count == 0)
        {
            _joinParts = [new JoinPart { Text = "s3://" + StepTemplates.DefaultBucket }, new JoinPart { IsReference = true, Reference = "Execution.PipelineExecutionId" }];
        }
    }

    private bool IsCurrent(ExpressionChoice choice) =>
        Current is JsonObject { Count: 1 } current && JsonRead.AsString(current[ExpressionScanner.GetKey]) == choice.Path;

    private bool Matches(ExpressionChoice choice) =>
        _search.Length == 0 ||
        choice.Path.Contains(_search, StringComparison.OrdinalIgnoreCase) ||
        choice.Detail.Contains(_search, StringComparison.OrdinalIgnoreCase);

    private static string GroupTitle(ExpressionChoice choice) => choice.Source switch
    {
        ExpressionSource.Parameter => "Parameters",
        ExpressionSource.ExecutionVariable => "Execution variables",
        _ => $"{choice.StepName} · {choice.Detail}",
    };

    private static string ShortPath(ExpressionChoice choice) =>
        choice.StepName is { } step && choice.Path.StartsWith($"Steps.{step}.", StringComparison.Ordinal)
            ? choice.Path[$"Steps.{step}.".Length..]
            : choice.Path;

    private void Choose(ExpressionChoice choice) => Dialog.Close(DialogResult.Ok<JsonNode>(choice.ToExpression()));

    private JsonObject BuildJoin() => ExpressionText.Join(_joinOn ?? "", _joinParts.Select(p => p.ToNode()));

    private void UseJoin() => Dialog.Close(DialogResult.Ok<JsonNode>(BuildJoin()));

    private void UseJsonGet()
    {
        if (_propertyFile is { Length: > 0 } file && !string.IsNullOrWhiteSpace(_jsonPath))
        {
            Dialog.Close(DialogResult.Ok<JsonNode>(ExpressionText.JsonGetFromPropertyFile(file, _jsonPath.Trim())));
        }
    }

    private void UseRawJson()
    {
        var text = _rawJson ?? "";
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = DefinitionJson.MaxDepth });
            if (!FieldValues.IsExpression(node))
            {
                _rawError = "An expression is an object with one key: Get, Std:Join, Std:JsonGet or a PipelineStudio: function.";
                return;
            }

            Dialog.Close(DialogResult.Ok<JsonNode>(node!));
        }
        catch (JsonException ex)
        {
            _rawError = $"Not valid JSON (line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}).";
        }
    }

    private void Cancel() => Dialog.Cancel();

    /// <summary>One value of a Join being built: literal text or a reference.</summary>
    private sealed class JoinPart
    {
        public bool IsReference { get; set; }

        public string Text { get; set; } = "";

        public string? Reference { get; set; }

        /// <summary>Anything other than a plain Get or a string (a nested Join, a number) is kept as raw JSON text.</summary>
        public static JoinPart From(JsonNode? node) => node switch
        {
            JsonObject { Count: 1 } obj when JsonRead.AsString(obj[ExpressionScanner.GetKey]) is { } path => new JoinPart { IsReference = true, Reference = path },
            JsonValue value when value.GetValueKind() == JsonValueKind.String => new JoinPart { Text = value.GetValue<string>() },
            _ => new JoinPart { Text = node?.ToJsonString() ?? "" },
        };

        public JsonNode? ToNode() => IsReference && Reference is { Length: > 0 } path
            ? new JsonObject { [ExpressionScanner.GetKey] = path }
            : JsonValue.Create(Text ?? "");
    }
}
