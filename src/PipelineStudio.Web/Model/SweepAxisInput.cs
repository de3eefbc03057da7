using System.Globalization;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Web.Model;

/// <summary>Where a varied parameter's values come from.</summary>
public enum SweepValueSource
{
    /// <summary>A comma-separated list typed by the user.</summary>
    List,

    /// <summary>Start, stop and step (Integer and Float only).</summary>
    Range,

    /// <summary>Ticked from the allowed values (enums and booleans).</summary>
    Choices,
}

/// <summary>One parameter on the sweep form: fixed (its field holds the value) or varied (these inputs say how).</summary>
public sealed class SweepAxisInput
{
    public SweepAxisInput(ParameterField field)
    {
        Field = field;
        Choices = field.Kind switch
        {
            ParameterInputKind.Choice => field.Choices,
            ParameterInputKind.Boolean => ["true", "false"],
            _ => [],
        };
        Source = Choices.Count > 0 ? SweepValueSource.Choices : SweepValueSource.List;
        Selected = new HashSet<string>(Choices, StringComparer.Ordinal);
        ListText = field.DefaultText ?? "";
        RangeStart = field.DefaultText ?? "";
        RangeStop = field.DefaultText ?? "";
        RangeStep = field.Kind == ParameterInputKind.Float ? "0.1" : "1";
    }

    public ParameterField Field { get; }

    public string Name => Field.Name;

    public bool Varied { get; set; }

    public SweepValueSource Source { get; set; }

    /// <summary>The values a Choices source can tick, in the definition's order.</summary>
    public IReadOnlyList<string> Choices { get; }

    public HashSet<string> Selected { get; }

    public bool CanUseRange => Field.Kind is ParameterInputKind.Integer or ParameterInputKind.Float;

    public string ListText { get; set; }

    public string RangeStart { get; set; }

    public string RangeStop { get; set; }

    public string RangeStep { get; set; }

    /// <summary>The axis for the planner; null with a problem when the range text is not numbers.</summary>
    public SweepAxis? ToAxis(ICollection<string> problems)
    {
        switch (Source)
        {
            case SweepValueSource.Choices:
                return new SweepAxis(Name, Choices.Where(Selected.Contains).ToList());
            case SweepValueSource.Range:
                var start = Parse(RangeStart, "start", problems);
                var stop = Parse(RangeStop, "stop", problems);
                var step = Parse(RangeStep, "step", problems);
                return start is { } a && stop is { } b && step is { } c ? new SweepAxis(Name, Range: new SweepRange(a, b, c)) : null;
            default:
                return new SweepAxis(Name, SweepPlanner.ParseList(ListText));
        }
    }

    private decimal? Parse(string text, string what, ICollection<string> problems)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(string.IsNullOrWhiteSpace(text)
            ? $"Parameter '{Name}': enter the {what} of its range."
            : $"Parameter '{Name}': the {what} of its range, '{text}', is not a number.");
        return null;
    }
}
