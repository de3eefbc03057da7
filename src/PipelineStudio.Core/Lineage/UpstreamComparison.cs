namespace PipelineStudio.Core.Lineage;

/// <summary>
/// "What changed upstream": two entities' upstream lineages side by side. Artifacts that are one entity on both sides
/// (the same content hash) are the same; the rest are paired by role (same type and name, produced by the same step,
/// or read by the same steps when nothing upstream produced them) and differ, or are only on one side. Step runs pair
/// by step name and are the same when they read the same inputs. Parameters are the two executions'.
/// </summary>
public sealed record UpstreamComparison(
    IReadOnlyList<UpstreamArtifactMatch> Artifacts, IReadOnlyList<UpstreamStepMatch> Steps, IReadOnlyList<UpstreamParameter> Parameters)
{
    private static readonly string[] TypeOrder = [LineageTypes.Code, LineageTypes.DataSet, LineageTypes.Model, LineageTypes.Image, LineageTypes.Report];

    public int Count(UpstreamChange change) => Artifacts.Count(a => a.Change == change);

    public static UpstreamComparison Compare(UpstreamSide a, UpstreamSide b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (rolesA, rolesB) = (new UpstreamRoles(a), new UpstreamRoles(b));
        return new UpstreamComparison(MatchArtifacts(rolesA, rolesB), MatchSteps(rolesA, rolesB), CompareParameters(a.Parameters, b.Parameters));
    }

    /// <summary>
    /// The execution a side stands for: the root's own (a model package, a step run and an execution context record it),
    /// else the one most of the upstream step runs belong to; null for lineage without executions (imported).
    /// </summary>
    public static string? PrimaryExecutionOf(LineageEntity root, LineageGraph upstream)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(upstream);
        return root.ExecutionId ?? upstream.Nodes
            .Where(n => n.Entity.Kind == LineageKind.Action && n.Entity.ExecutionId is not null)
            .GroupBy(n => n.Entity.ExecutionId!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
    }

    private static List<UpstreamArtifactMatch> MatchArtifacts(UpstreamRoles a, UpstreamRoles b)
    {
        var matches = new List<UpstreamArtifactMatch>();
        var idsB = b.Artifacts.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var leftA = new List<LineageEntity>();
        foreach (var artifact in a.Artifacts)
        {
            if (idsB.Remove(artifact.Id))
            {
                matches.Add(new(artifact.Type, a.RoleOf(artifact), UpstreamChange.Same, artifact, b.Find(artifact.Id)));
            }
            else
            {
                leftA.Add(artifact);
            }
        }

        var leftB = b.Artifacts.Where(e => idsB.Contains(e.Id)).ToList();

        // By role and name first (model.tar.gz from TuneChurnModel on both sides), then by role alone where each side
        // has exactly one left (a renamed script read by the same step).
        Pair(leftA, leftB, e => $"{e.Type}|{e.Name}|{a.RoleOf(e)}", e => $"{e.Type}|{e.Name}|{b.RoleOf(e)}", matches, a, onlyWhenSingle: false);
        Pair(leftA, leftB, e => $"{e.Type}|{a.RoleOf(e)}", e => $"{e.Type}|{b.RoleOf(e)}", matches, a, onlyWhenSingle: true);
        matches.AddRange(leftA.Select(e => new UpstreamArtifactMatch(e.Type, a.RoleOf(e), UpstreamChange.OnlyInA, e, null)));
        matches.AddRange(leftB.Select(e => new UpstreamArtifactMatch(e.Type, b.RoleOf(e), UpstreamChange.OnlyInB, null, e)));
        return [.. matches.OrderBy(m => TypeRank(m.Type)).ThenBy(m => m.Type, StringComparer.Ordinal).ThenBy(m => m.Change)
            .ThenBy(m => m.Role, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)];
    }

    private static void Pair(
        List<LineageEntity> leftA, List<LineageEntity> leftB, Func<LineageEntity, string> keyA, Func<LineageEntity, string> keyB,
        List<UpstreamArtifactMatch> matches, UpstreamRoles rolesA, bool onlyWhenSingle)
    {
        var groupsB = leftB.GroupBy(keyB, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(Order).ToList(), StringComparer.Ordinal);
        foreach (var group in leftA.GroupBy(keyA, StringComparer.Ordinal).ToList())
        {
            if (!groupsB.TryGetValue(group.Key, out var candidates) || (onlyWhenSingle && (group.Count() != 1 || candidates.Count != 1)))
            {
                continue;
            }

            foreach (var (x, y) in group.OrderBy(Order).Zip(candidates))
            {
                matches.Add(new(x.Type, rolesA.RoleOf(x), UpstreamChange.Differs, x, y));
                leftA.Remove(x);
                leftB.Remove(y);
            }
        }
    }

    private static List<UpstreamStepMatch> MatchSteps(UpstreamRoles a, UpstreamRoles b)
    {
        var names = a.StepNames.Union(b.StepNames, StringComparer.Ordinal);
        var matches = new List<UpstreamStepMatch>();
        foreach (var name in names)
        {
            var (runA, runB) = (a.StepRun(name), b.StepRun(name));
            if (runA is null || runB is null)
            {
                matches.Add(new(name, runA is null ? UpstreamChange.OnlyInB : UpstreamChange.OnlyInA, runA, runB, []));
                continue;
            }

            var (inputsA, inputsB) = (a.InputsOf(runA.Id), b.InputsOf(runB.Id));
            var differing = inputsA.Where(i => !inputsB.Any(j => j.Id == i.Id)).Concat(inputsB.Where(i => !inputsA.Any(j => j.Id == i.Id)))
                .Select(i => i.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            matches.Add(new(name, runA.Id == runB.Id || differing.Count == 0 ? UpstreamChange.Same : UpstreamChange.Differs, runA, runB, differing));
        }

        // Upstream first: the step whose run is furthest from the compared entity leads.
        return [.. matches.OrderByDescending(m => Math.Max(a.DepthOf(m.A), b.DepthOf(m.B))).ThenBy(m => m.StepName, StringComparer.Ordinal)];
    }

    private static List<UpstreamParameter> CompareParameters(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        a ??= new Dictionary<string, string>();
        b ??= new Dictionary<string, string>();
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal).Select(k => new UpstreamParameter(k, a.GetValueOrDefault(k), b.GetValueOrDefault(k)))];
    }

    private static string Order(LineageEntity entity) => (entity.SourceUri ?? "") + "\n" + entity.Id;

    private static int TypeRank(string type)
    {
        var rank = Array.IndexOf(TypeOrder, type);
        return rank < 0 ? TypeOrder.Length : rank;
    }
}
