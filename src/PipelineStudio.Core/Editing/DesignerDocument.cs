using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Core.Editing;

/// <summary>
/// The definition being edited in the designer, with undo/redo of every edit and the canvas positions of
/// its steps. The JSON document stays the source of truth: edits change only the nodes they are about, so
/// unknown step types and fields survive, and an unedited document writes back as it was read. Positions
/// live beside the document, never in it (SageMaker's format has no place for them).
/// Not thread-safe: one designer (one Blazor circuit) owns one document.
/// </summary>
public sealed partial class DesignerDocument
{
    /// <summary>How many edits can be undone; older ones are forgotten.</summary>
    public const int MaxUndo = 200;

    private readonly LinkedList<Snapshot> _undo = new();
    private readonly Stack<Snapshot> _redo = new();
    private readonly LayoutOptions _layout;
    private Dictionary<string, NodePosition> _positions;
    private PipelineDefinition? _definition;
    private string? _cleanJson;
    private (long Revision, string Json)? _compact;

    private DesignerDocument(JsonObject root, IReadOnlyDictionary<string, NodePosition>? positions, LayoutOptions? layout)
    {
        Root = root;
        _layout = layout ?? new LayoutOptions();
        _positions = positions is null ? new(StringComparer.Ordinal) : new(positions, StringComparer.Ordinal);
        PlaceUnpositionedSteps();
        _cleanJson = CompactJson();
    }

    /// <summary>The document itself. Replaced (not mutated) by undo, redo and <see cref="ReplaceDefinition"/>: read it anew after a change.</summary>
    public JsonObject Root { get; private set; }

    /// <summary>Top-left corner of each step on the canvas, by step name.</summary>
    public IReadOnlyDictionary<string, NodePosition> Positions => _positions;

    /// <summary>Counts changes (edits, undo, redo); views compare it to know when to refresh.</summary>
    public long Revision { get; private set; }

    /// <summary>
    /// Counts changes that may have touched the definition itself; a move (positions only) leaves it alone, so
    /// what is derived from the JSON (validation, the typed view, the serialised text) can be kept across moves.
    /// </summary>
    public long ContentRevision { get; private set; }

    /// <summary>Raised after every change.</summary>
    public event Action? Changed;

    /// <summary>The typed view of the current document, rebuilt after each change. Do not mutate its JSON.</summary>
    public PipelineDefinition Definition => _definition ??= PipelineDefinition.FromJson(Root);

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>What Undo would undo ("Add step Train"), for tooltips.</summary>
    public string? UndoLabel => _undo.Last?.Value.Label;

    public string? RedoLabel => _redo.TryPeek(out var next) ? next.Label : null;

    /// <summary>Whether the document differs from what was opened or last marked saved.</summary>
    public bool IsDirty => CompactJson() != _cleanJson;

    /// <summary>A new, empty definition: no parameters and no steps.</summary>
    public static DesignerDocument CreateEmpty(LayoutOptions? layout = null) => new(
        new JsonObject
        {
            ["Version"] = PipelineDefinition.CurrentVersion,
            ["Metadata"] = new JsonObject(),
            ["Parameters"] = new JsonArray(),
            ["Steps"] = new JsonArray(),
        },
        null,
        layout);

    /// <summary>Opens a document; steps without a position are placed by the layered layout.</summary>
    public static DesignerDocument Open(JsonObject root, IReadOnlyDictionary<string, NodePosition>? positions = null, LayoutOptions? layout = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new(root, positions, layout);
    }

    /// <summary>Parses definition text; returns the parse problem (PS001-PS003) instead of throwing.</summary>
    public static (DesignerDocument? Document, ValidationIssue? Issue) Parse(
        string text, IReadOnlyDictionary<string, NodePosition>? positions = null, LayoutOptions? layout = null)
    {
        var (root, issue) = DefinitionJson.Parse(text ?? "");
        return root is null ? (null, issue) : (new DesignerDocument(root, positions, layout), null);
    }

    /// <summary>The definition as text (indented for people, compact for storage and comparisons).</summary>
    public string ToJson(bool indented = true) => indented ? DefinitionJson.Write(Root) : CompactJson();

    /// <summary>Remembers the current document as saved: <see cref="IsDirty"/> compares against it from now on.</summary>
    public void MarkClean() => _cleanJson = CompactJson();

    /// <summary>Every step name in the document, branches included.</summary>
    public IReadOnlySet<string> StepNames() => StepTree.Names(Root).ToHashSet(StringComparer.Ordinal);

    /// <summary>A free step name derived from <paramref name="baseName"/>.</summary>
    public string UniqueStepName(string baseName) => Editing.StepNames.Unique(baseName, StepNames());

    /// <summary>Where a step sits; null when there is no such step.</summary>
    public StepLocation? LocationOf(string name) => StepTree.Find(Root, name)?.Location;

    public bool Undo()
    {
        if (_undo.Last is not { } last)
        {
            return false;
        }

        _undo.RemoveLast();
        _redo.Push(Capture(last.Value.Label));
        Restore(last.Value);
        return true;
    }

    public bool Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return false;
        }

        PushUndo(Capture(next.Label));
        Restore(next);
        return true;
    }

    /// <summary>
    /// Runs one edit as one undoable change. The state before is captured first; if the edit throws, that
    /// state comes back, so a failed edit never leaves a half-changed document behind.
    /// When the edit reports it changed nothing, no undo entry is made.
    /// </summary>
    private bool Apply(string label, Func<bool> edit, bool positionsOnly = false)
    {
        var before = Capture(label);
        bool changed;
        try
        {
            changed = edit();
        }
        catch
        {
            Restore(before, notify: false);
            throw;
        }

        if (!changed)
        {
            return false;
        }

        PushUndo(before);
        _redo.Clear();
        PlaceUnpositionedSteps();
        Touch(contentChanged: !positionsOnly);
        return true;
    }

    private void PushUndo(Snapshot snapshot)
    {
        _undo.AddLast(snapshot);
        if (_undo.Count > MaxUndo)
        {
            _undo.RemoveFirst();
        }
    }

    private Snapshot Capture(string label) => new(label, CompactJson(), new Dictionary<string, NodePosition>(_positions, StringComparer.Ordinal));

    private void Restore(Snapshot snapshot, bool notify = true)
    {
        // The snapshot was written from a valid document, so it parses.
        Root = DefinitionJson.Parse(snapshot.Json).Json!;
        _positions = new Dictionary<string, NodePosition>(snapshot.Positions, StringComparer.Ordinal);
        if (notify)
        {
            Touch();
        }
        else
        {
            _definition = null;
            _compact = null;
        }
    }

    private void Touch(bool contentChanged = true)
    {
        if (contentChanged)
        {
            _definition = null;
            _compact = null;
            ContentRevision++;
        }

        Revision++;
        Changed?.Invoke();
    }

    private string CompactJson()
    {
        if (_compact is { } cached && cached.Revision == ContentRevision)
        {
            return cached.Json;
        }

        var json = DefinitionJson.Write(Root, indented: false);
        _compact = (ContentRevision, json);
        return json;
    }

    /// <summary>The document and positions before one edit, and what that edit was called.</summary>
    private sealed record Snapshot(string Label, string Json, IReadOnlyDictionary<string, NodePosition> Positions);
}
