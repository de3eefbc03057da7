using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Web.Model;

/// <summary>
/// The parameter fields of one pipeline version, checked with <see cref="ParameterBinder"/> (the engine's own
/// check) after every change, so what the form accepts is what the engine starts.
/// </summary>
public sealed class ParameterForm
{
    public ParameterForm(PipelineDefinition definition)
    {
        Definition = definition;
        Fields = definition.Parameters.Where(p => !string.IsNullOrEmpty(p.Name)).DistinctBy(p => p.Name).Select(p => new ParameterField(p)).ToList();
        Validate();
    }

    public PipelineDefinition Definition { get; }

    public IReadOnlyList<ParameterField> Fields { get; }

    /// <summary>Problems no field owns (an undeclared type, a definition quirk); usually empty.</summary>
    public IReadOnlyList<string> OtherProblems { get; private set; } = [];

    public bool IsValid => OtherProblems.Count == 0 && Fields.All(f => f.Problems.Count == 0);

    public ParameterField? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>The values to send: every non-empty field.</summary>
    public Dictionary<string, string> Supplied(IEnumerable<string>? except = null)
    {
        var skip = except?.ToHashSet(StringComparer.Ordinal) ?? [];
        return Fields.Where(f => f.Supplied is not null && !skip.Contains(f.Name)).ToDictionary(f => f.Name, f => f.Supplied!, StringComparer.Ordinal);
    }

    /// <summary>Re-checks every field; call after any change.</summary>
    public void Validate(IEnumerable<string>? except = null)
    {
        var problems = ParameterBinder.Bind(Definition, Supplied(except)).Problems;
        var skip = except?.ToHashSet(StringComparer.Ordinal) ?? [];
        var owned = new HashSet<string>();
        foreach (var field in Fields)
        {
            // The binder names the parameter first in each sentence ("Parameter 'Epochs' ..."), quote included,
            // so "Epoch" never claims a sentence about "Epochs".
            var prefix = $"Parameter '{field.Name}'";
            var mine = problems.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            owned.UnionWith(mine);

            // A varied parameter (sweep) gets its values elsewhere; its fixed field has nothing to say.
            field.Problems = skip.Contains(field.Name) ? [] : mine;
        }

        OtherProblems = problems.Where(p => !owned.Contains(p)).ToList();
    }

    /// <summary>
    /// Takes the values of an earlier execution (its stored wire values). Returns the names it had that this
    /// version does not define, so the page can say they were left out.
    /// </summary>
    public IReadOnlyList<string> Apply(IReadOnlyDictionary<string, string> values)
    {
        foreach (var field in Fields)
        {
            if (values.TryGetValue(field.Name, out var text))
            {
                field.Text = text;
            }
            else
            {
                field.ResetToDefault();
            }
        }

        Validate();
        return values.Keys.Where(k => Find(k) is null).Order(StringComparer.Ordinal).ToList();
    }
}
