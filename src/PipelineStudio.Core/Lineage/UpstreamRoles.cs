namespace PipelineStudio.Core.Lineage;

/// <summary>
/// One side's upstream read for comparing: its artifacts and step runs (the compared entity itself left out), which
/// steps produced or read each artifact, and one run per step name (the side's own execution's when several executions
/// share an artifact and so all show up upstream).
/// </summary>
internal sealed class UpstreamRoles
{
    private readonly Dictionary<string, LineageNode> _nodes;
    private readonly Dictionary<string, List<string>> _producers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _consumers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LineageEntity> _runs = new(StringComparer.Ordinal);

    public UpstreamRoles(UpstreamSide side)
    {
        _nodes = side.Upstream.Nodes.Where(n => n.Entity.Id != side.Root.Id).ToDictionary(n => n.Entity.Id, StringComparer.Ordinal);
        foreach (var edge in side.Upstream.Edges)
        {
            if (edge.Type == AssociationTypes.Produced && IsAction(edge.SourceId) && IsArtifact(edge.DestinationId))
            {
                Add(_producers, edge.DestinationId, _nodes[edge.SourceId].Entity.StepName ?? _nodes[edge.SourceId].Entity.Name);
            }
            else if (edge.Type == AssociationTypes.ContributedTo && IsArtifact(edge.SourceId) && IsAction(edge.DestinationId))
            {
                Add(_consumers, edge.SourceId, _nodes[edge.DestinationId].Entity.StepName ?? _nodes[edge.DestinationId].Entity.Name);
                Add(_inputs, edge.DestinationId, edge.SourceId);
            }
        }

        foreach (var group in _nodes.Values.Where(n => n.Entity.Kind == LineageKind.Action).GroupBy(n => StepNameOf(n.Entity), StringComparer.Ordinal))
        {
            _runs[group.Key] = group.OrderBy(n => n.Entity.ExecutionId == side.ExecutionId ? 0 : 1)
                .ThenBy(n => n.Depth).ThenBy(n => n.Entity.Id, StringComparer.Ordinal).First().Entity;
        }

        Artifacts = [.. _nodes.Values.Where(n => n.Entity.Kind == LineageKind.Artifact).OrderBy(n => n.Depth).ThenBy(n => n.Entity.Id, StringComparer.Ordinal).Select(n => n.Entity)];
    }

    public IReadOnlyList<LineageEntity> Artifacts { get; }

    public IEnumerable<string> StepNames => _runs.Keys;

    public LineageEntity? Find(string id) => _nodes.GetValueOrDefault(id)?.Entity;

    public LineageEntity? StepRun(string stepName) => _runs.GetValueOrDefault(stepName);

    public IReadOnlyList<LineageEntity> InputsOf(string runId) =>
        [.. (_inputs.GetValueOrDefault(runId) ?? []).Select(id => _nodes[id].Entity)];

    public int DepthOf(LineageEntity? entity) => entity is not null && _nodes.TryGetValue(entity.Id, out var node) ? node.Depth : -1;

    /// <summary>"from GenerateCustomers" for a produced artifact, "into PreprocessCustomers" for an input nothing upstream produced.</summary>
    public string RoleOf(LineageEntity artifact) =>
        _producers.TryGetValue(artifact.Id, out var producers) ? "from " + string.Join(", ", producers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        : _consumers.TryGetValue(artifact.Id, out var consumers) ? "into " + string.Join(", ", consumers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        : "upstream";

    private static string StepNameOf(LineageEntity action) => action.StepName ?? action.Name;

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private bool IsAction(string id) => _nodes.TryGetValue(id, out var node) && node.Entity.Kind == LineageKind.Action;

    private bool IsArtifact(string id) => _nodes.TryGetValue(id, out var node) && node.Entity.Kind == LineageKind.Artifact;
}
