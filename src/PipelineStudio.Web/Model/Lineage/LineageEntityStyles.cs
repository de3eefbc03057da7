using MudBlazor;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>How a lineage node is drawn: the shape says its kind, the colour and icon its type.</summary>
public enum LineageShape
{
    /// <summary>Artifacts: rounded rectangle.</summary>
    Rounded,

    /// <summary>Actions (step runs): square corners.</summary>
    Rectangle,

    /// <summary>Contexts (pipeline, execution, model group): a pill.</summary>
    Pill,
}

/// <summary>An icon (MudBlazor SVG path), a mid-tone colour that reads on light and dark, a shape and a short type label.</summary>
public sealed record LineageEntityStyle(string Icon, string Color, LineageShape Shape, string ShortType);

public static class LineageEntityStyles
{
    private static readonly Dictionary<string, (string Icon, string Color, string Short)> ByType = new(StringComparer.Ordinal)
    {
        [LineageTypes.DataSet] = (Icons.Material.Filled.Dataset, "#1e88e5", "Dataset"),
        [LineageTypes.Model] = (Icons.Material.Filled.Psychology, "#8e24aa", "Model"),
        [LineageTypes.Code] = (Icons.Material.Filled.Code, "#43a047", "Code"),
        [LineageTypes.Image] = (Icons.Material.Filled.Inventory2, "#f4511e", "Image"),
        [LineageTypes.Report] = (Icons.Material.Filled.Assessment, "#6d4c41", "Report"),
        [LineageTypes.ModelPackage] = (Icons.Material.Filled.Verified, "#d81b60", "Model package"),
        ["ProcessingJob"] = (Icons.Material.Filled.Memory, "#00897b", "Processing job"),
        ["TrainingJob"] = (Icons.Material.Filled.ModelTraining, "#5e35b1", "Training job"),
        ["HyperParameterTuningJob"] = (Icons.Material.Filled.Tune, "#3949ab", "Tuning job"),
        ["TransformJob"] = (Icons.Material.Filled.Transform, "#00acc1", "Transform job"),
        ["ModelCreation"] = (Icons.Material.Filled.Build, "#546e7a", "Model step"),
        ["ModelRegistration"] = (Icons.Material.Filled.AppRegistration, "#c2185b", "Registration"),
        [LineageTypes.Pipeline] = (Icons.Material.Filled.AccountTree, "#7cb342", "Pipeline"),
        [LineageTypes.PipelineExecution] = (Icons.Material.Filled.PlayCircle, "#fb8c00", "Execution"),
        [LineageTypes.ModelPackageGroup] = (Icons.Material.Filled.Workspaces, "#ad1457", "Model group"),
    };

    /// <summary>Every icon a node can show (known types, the two fallbacks, groups), for the shared symbol definitions.</summary>
    public static IEnumerable<string> AllIcons =>
        ByType.Values.Select(v => v.Icon).Concat([Icons.Material.Filled.PlayArrow, Icons.Material.Filled.Description, Group.Icon]);

    /// <summary>The look of a collapsed group of artifacts.</summary>
    public static LineageEntityStyle Group { get; } = new(Icons.Material.Filled.Layers, "#757575", LineageShape.Rounded, "Artifacts");

    public static LineageEntityStyle For(LineageKind kind, string type)
    {
        var shape = kind switch
        {
            LineageKind.Action => LineageShape.Rectangle,
            LineageKind.Context => LineageShape.Pill,
            _ => LineageShape.Rounded,
        };
        return ByType.TryGetValue(type, out var known)
            ? new(known.Icon, known.Color, shape, known.Short)
            : new(kind == LineageKind.Action ? Icons.Material.Filled.PlayArrow : Icons.Material.Filled.Description, "#78909c", shape, type);
    }
}
