using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model.Designer;

/// <summary>
/// What the designer page works on, without any UI: the document, its validation issues (re-run after every
/// change), the selection and the clipboard. Canvas gestures arrive here as intentions ("a link from this
/// port to that step") and become document edits; an edit that cannot apply throws <see cref="InvalidEditException"/>
/// with a message for the user.
/// </summary>
public sealed class DesignerSession
{
    /// <summary>How far a paste lands from the copied steps, in canvas units: below them, so neither hides the other.</summary>
    public static readonly NodePosition PasteOffset = new(40, DesignerNodeModel.Height + 30);

    private HashSet<string> _selected = new(StringComparer.Ordinal);
    private long _validatedRevision = -1;
    private IReadOnlyList<ValidationIssue> _issues = [];

    public DesignerSession(DesignerDocument document)
    {
        Document = document;
        Document.Changed += OnDocumentChanged;
    }

    public DesignerDocument Document { get; }

    /// <summary>The issues of the current document (validated lazily, once per change of the definition; moves do not count).</summary>
    public IReadOnlyList<ValidationIssue> Issues
    {
        get
        {
            if (_validatedRevision != Document.ContentRevision)
            {
                _issues = DefinitionValidator.Validate(Document.ToJson(indented: false)).Issues;
                _validatedRevision = Document.ContentRevision;
            }

            return _issues;
        }
    }

    public int ErrorCount => Issues.Count(i => i.IsError);

    public IReadOnlySet<string> Selected => _selected;

    /// <summary>The one selected step, whose properties the panel shows; null for none or several.</summary>
    public string? SelectedStep => _selected.Count == 1 ? _selected.First() : null;

    public StepClipboard? Clipboard { get; private set; }

    /// <summary>Raised after the document or the selection changed.</summary>
    public event Action? Changed;

    public void Select(IEnumerable<string> names)
    {
        var next = names.ToHashSet(StringComparer.Ordinal);
        if (!next.SetEquals(_selected))
        {
            _selected = next;
            Changed?.Invoke();
        }
    }

    public void SelectAll() => Select(Document.StepNames());

    /// <summary>Adds a step of <paramref name="type"/> with the type's default arguments and selects it.</summary>
    public string AddStep(string type, NodePosition position, StepLocation? location = null)
    {
        var name = Document.UniqueStepName(StepNames.ForType(type));
        Document.AddStep(StepTemplates.Create(type, name), location ?? StepLocation.TopLevel, position);
        Select([name]);
        return name;
    }

    /// <summary>
    /// A link drawn from <paramref name="from"/>'s port to <paramref name="to"/>: an output port adds a DependsOn,
    /// an if/else port moves the target into that branch.
    /// </summary>
    public void Connect(string from, PortRole role, string to)
    {
        switch (role)
        {
            case PortRole.If:
                Document.MoveStep(to, StepLocation.InBranch(from, ConditionBranch.If));
                break;
            case PortRole.Else:
                Document.MoveStep(to, StepLocation.InBranch(from, ConditionBranch.Else));
                break;
            case PortRole.Output:
                Document.AddDependency(from, to);
                break;
            default:
                throw new InvalidEditException("Links start at a step's right-hand port and end at another step.");
        }
    }

    /// <summary>
    /// Deletes a link: a DependsOn entry goes; a branch link moves the step out of the branch to the top level.
    /// A property reference cannot be deleted from the canvas (it is part of the step's arguments).
    /// </summary>
    public void Disconnect(string from, string to, EdgeKind kind)
    {
        switch (kind)
        {
            case EdgeKind.DependsOn:
                Document.RemoveDependency(from, to);
                break;
            case EdgeKind.IfBranch or EdgeKind.ElseBranch:
                Document.MoveStep(to, StepLocation.TopLevel);
                break;
            default:
                throw new InvalidEditException(
                    $"'{to}' reads a property of '{from}' (a Get Steps.{from}... reference); edit {to}'s properties to remove it.");
        }
    }

    public bool DeleteSelected()
    {
        if (_selected.Count == 0)
        {
            return false;
        }

        var removed = Document.RemoveSteps([.. _selected]);
        Select([]);
        return removed;
    }

    public bool CopySelected()
    {
        if (_selected.Count == 0)
        {
            return false;
        }

        Clipboard = Document.Copy([.. _selected]);
        return !Clipboard.IsEmpty;
    }

    /// <summary>Pastes the clipboard and selects the pasted steps. Each paste lands a little further along.</summary>
    public IReadOnlyList<string> Paste()
    {
        if (Clipboard is not { IsEmpty: false } clipboard)
        {
            return [];
        }

        var names = Document.Paste(clipboard, PasteOffset);
        Clipboard = clipboard with
        {
            Positions = clipboard.Positions.ToDictionary(p => p.Key, p => new NodePosition(p.Value.X + PasteOffset.X, p.Value.Y + PasteOffset.Y)),
        };
        Select(names);
        return names;
    }

    /// <summary>Moves the selected steps by (dx, dy) as one edit.</summary>
    public bool Nudge(double dx, double dy)
    {
        var moves = _selected
            .Where(Document.Positions.ContainsKey)
            .ToDictionary(n => n, n => new NodePosition(Document.Positions[n].X + dx, Document.Positions[n].Y + dy), StringComparer.Ordinal);
        return moves.Count > 0 && Document.SetPositions(moves, "Nudge");
    }

    /// <summary>
    /// Applies text from the JSON view. Unparseable text changes nothing and returns its parse issue, so the
    /// canvas keeps the last good document while the user finishes typing.
    /// </summary>
    public ValidationIssue? ApplyJson(string text)
    {
        var (root, issue) = DefinitionJson.Parse(text);
        if (root is null)
        {
            return issue;
        }

        Document.ReplaceDefinition(root, "Edit JSON");
        return null;
    }

    /// <summary>The step as the property panel edited it (a new Name renames it everywhere).</summary>
    public void ApplyStep(string name, JsonObject step)
    {
        // Read before the edit: the change drops the old name from the selection.
        var wasSelected = _selected.Contains(name);
        Document.ReplaceStep(name, step);
        if (wasSelected && JsonRead.String(step, "Name") is { } newName && newName != name)
        {
            Select(_selected.Where(n => n != name).Append(newName));
        }
    }

    private void OnDocumentChanged()
    {
        // Selected steps that no longer exist (deleted, undone) drop out of the selection.
        var names = Document.StepNames();
        _selected.RemoveWhere(n => !names.Contains(n));
        Changed?.Invoke();
    }
}
