using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Web.Model;

/// <summary>
/// The sweep form: which parameters vary and how, the fixed values of the others, and the plan they give,
/// re-planned after every change so the preview, its count and the launch button never disagree.
/// </summary>
public sealed class SweepFormModel
{
    /// <summary>The preview lists this many rows; the count always covers the whole plan.</summary>
    public const int PreviewLimit = 200;

    public SweepFormModel(PipelineDefinition definition)
    {
        Fixed = new ParameterForm(definition);
        Axes = Fixed.Fields.Select(f => new SweepAxisInput(f)).ToList();
        Recompute();
    }

    public ParameterForm Fixed { get; }

    public IReadOnlyList<SweepAxisInput> Axes { get; }

    public SweepMode Mode { get; set; } = SweepMode.Grid;

    public int Concurrency { get; set; } = 2;

    public bool FailFast { get; set; }

    public string DisplayName { get; set; } = "";

    public SweepPlan Plan { get; private set; } = new([], []);

    /// <summary>Problems with what was typed (range bounds that are not numbers), before any planning.</summary>
    public IReadOnlyList<string> InputProblems { get; private set; } = [];

    public IReadOnlyList<SweepAxisInput> Varied => Axes.Where(a => a.Varied).ToList();

    public SweepSpec Spec { get; private set; } = new(SweepMode.Grid, [], new Dictionary<string, string>());

    public string? ConcurrencyProblem => Concurrency is < 1 or > SweepRunner.MaxConcurrency
        ? $"Run between 1 and {SweepRunner.MaxConcurrency} at once."
        : null;

    public bool CanLaunch => InputProblems.Count == 0 && Plan.CanLaunch && ConcurrencyProblem is null && Fixed.OtherProblems.Count == 0
        && Axes.All(a => a.Varied || a.Field.Problems.Count == 0);

    /// <summary>Every problem that blocks the launch, in the order a user would fix them.</summary>
    public IEnumerable<string> Blockers =>
        InputProblems.Concat(Plan.Problems).Concat(ConcurrencyProblem is { } c ? [c] : []);

    public void Recompute()
    {
        var varied = Varied;
        Fixed.Validate(except: varied.Select(a => a.Name));
        var problems = new List<string>();
        var axes = varied.Select(a => a.ToAxis(problems)).OfType<SweepAxis>().ToList();
        InputProblems = problems;
        Spec = new SweepSpec(Mode, axes, Fixed.Supplied(except: varied.Select(a => a.Name)));
        Plan = problems.Count > 0 ? new SweepPlan([], []) : SweepPlanner.Plan(Spec, Fixed.Definition);
    }
}
