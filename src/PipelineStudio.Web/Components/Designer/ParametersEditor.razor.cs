using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;

namespace PipelineStudio.Web.Components.Designer;

/// <summary>
/// Adds, changes and deletes the pipeline's parameters. Each saved change raises <see cref="OnDefinitionChanged"/>
/// with a whole new definition; a rename also rewrites every <c>Parameters.X</c> reference (Core's ParameterEdits).
/// </summary>
public partial class ParametersEditor
{
    private ParameterForm? _form;
    private string? _pendingDelete;
    private IReadOnlyList<string> _pendingDeleteUsers = [];

    [Parameter, EditorRequired]
    public PipelineDefinition Definition { get; set; } = null!;

    [Parameter]
    public EventCallback<JsonObject> OnDefinitionChanged { get; set; }

    private static readonly IReadOnlyList<ParameterType> Types = [ParameterType.String, ParameterType.Integer, ParameterType.Float, ParameterType.Boolean];

    private IReadOnlyList<string> Users(string name) => ParameterRename.Users(Definition, name);

    private void StartAdd()
    {
        _pendingDelete = null;
        _form = new ParameterForm { Name = UniqueName() };
    }

    private void StartEdit(ParameterDefinition parameter)
    {
        _pendingDelete = null;
        _form = new ParameterForm
        {
            ExistingName = parameter.Name,
            Name = parameter.Name ?? "",
            Type = parameter.Type ?? ParameterType.String,
            DefaultText = ParameterEdits.DefaultText(parameter.DefaultValue),
            EnumText = string.Join('\n', (parameter.EnumValues ?? []).Select(ParameterEdits.DefaultText)),
        };
    }

    private async Task SaveAsync()
    {
        if (_form is not { } form)
        {
            return;
        }

        var spec = form.ToSpec();
        if (ParameterEdits.Check(Definition, form.ExistingName, spec) is { } problem)
        {
            form.Error = problem;
            return;
        }

        var json = form.ExistingName is { } existing ? ParameterEdits.Change(Definition, existing, spec) : ParameterEdits.Add(Definition, spec);
        _form = null;
        await OnDefinitionChanged.InvokeAsync(json);
    }

    private void CancelForm() => _form = null;

    private Task RequestDeleteAsync(string name)
    {
        var users = Users(name);
        if (users.Count == 0)
        {
            return DeleteAsync(name);
        }

        _pendingDelete = name;
        _pendingDeleteUsers = users;
        return Task.CompletedTask;
    }

    private async Task DeleteAsync(string name)
    {
        _pendingDelete = null;
        await OnDefinitionChanged.InvokeAsync(ParameterEdits.Delete(Definition, name));
    }

    private string RenameNote(ParameterForm form)
    {
        if (form.ExistingName is not { } existing || form.Name == existing)
        {
            return "";
        }

        var users = Users(existing);
        return users.Count == 0 ? "" : $"Renaming updates every reference to {existing} in {string.Join(", ", users)}.";
    }

    private string UniqueName()
    {
        var name = "NewParameter";
        for (var i = 2; Definition.FindParameter(name) is not null; i++)
        {
            name = $"NewParameter{i}";
        }

        return name;
    }

    /// <summary>The add/edit form's state.</summary>
    private sealed class ParameterForm
    {
        public string? ExistingName { get; init; }

        public string Name { get; set; } = "";

        public ParameterType Type { get; set; } = ParameterType.String;

        public string DefaultText { get; set; } = "";

        /// <summary>Allowed values, one per line.</summary>
        public string EnumText { get; set; } = "";

        public string? Error { get; set; }

        public ParameterSpec ToSpec() => new(
            Name.Trim(),
            Type,
            Type == ParameterType.String ? DefaultText : DefaultText.Trim(),
            Type == ParameterType.String
                ? [.. EnumText.Split('\n').Select(v => v.TrimEnd('\r')).Where(v => v.Trim().Length > 0)]
                : []);
    }
}
