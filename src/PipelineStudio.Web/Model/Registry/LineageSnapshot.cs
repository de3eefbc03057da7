using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Registry;

/// <summary>One group of the snapshot: a heading ("Data sets", "Step runs") and its entities, nearest first.</summary>
public sealed record LineageGroup(string Title, string Icon, IReadOnlyList<LineageEntity> Entities);

/// <summary>What a package came from: its upstream lineage grouped by what each entity is.</summary>
public static class LineageSnapshot
{
    public const int Depth = 10;

    private static readonly (string Type, string Title, string Icon)[] ArtifactGroups =
    [
        (LineageTypes.DataSet, "Data sets", MudBlazor.Icons.Material.Filled.Dataset),
        (LineageTypes.Code, "Code", MudBlazor.Icons.Material.Filled.Code),
        (LineageTypes.Image, "Images", MudBlazor.Icons.Material.Filled.Layers),
        (LineageTypes.Model, "Models", MudBlazor.Icons.Material.Filled.ModelTraining),
        (LineageTypes.Report, "Reports", MudBlazor.Icons.Material.Filled.Assessment),
    ];

    public static IReadOnlyList<LineageGroup> Group(LineageGraph graph, string packageEntityId)
    {
        var nodes = graph.Nodes.Where(n => n.Entity.Id != packageEntityId).OrderBy(n => n.Depth).ThenBy(n => n.Entity.Name, StringComparer.Ordinal).ToList();
        var groups = new List<LineageGroup>();
        foreach (var (type, title, icon) in ArtifactGroups)
        {
            Add(groups, title, icon, nodes.Where(n => n.Entity.Kind == LineageKind.Artifact && n.Entity.Type == type));
        }

        var known = ArtifactGroups.Select(g => g.Type).ToHashSet(StringComparer.Ordinal);
        Add(groups, "Other artifacts", MudBlazor.Icons.Material.Filled.Inventory, nodes.Where(n => n.Entity.Kind == LineageKind.Artifact && !known.Contains(n.Entity.Type)));
        Add(groups, "Step runs", MudBlazor.Icons.Material.Filled.PlayCircleOutline, nodes.Where(n => n.Entity.Kind == LineageKind.Action));
        Add(groups, "Contexts", MudBlazor.Icons.Material.Filled.AccountTree, nodes.Where(n => n.Entity.Kind is LineageKind.Context or LineageKind.TrialComponent));
        return groups;
    }

    /// <summary>The first 12 hex digits, enough to tell contents apart at a glance; the whole hash goes in a tooltip.</summary>
    public static string? ShortHash(string? hash) => hash is null ? null : hash.Length <= 12 ? hash : hash[..12];

    private static void Add(List<LineageGroup> groups, string title, string icon, IEnumerable<LineageNode> nodes)
    {
        var entities = nodes.Select(n => n.Entity).ToList();
        if (entities.Count > 0)
        {
            groups.Add(new LineageGroup(title, icon, entities));
        }
    }
}
