using MudBlazor;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Web.Model;

/// <summary>An icon (MudBlazor SVG path) and an accent colour (CSS) for one step type.</summary>
public sealed record StepTypeStyle(string Icon, string Color);

/// <summary>
/// How each step type looks in the graph and the details panel. Colours are mid-tone so they read
/// on both the light and the dark palette.
/// </summary>
public static class StepTypeIcons
{
    /// <summary>The look of types the studio does not know (kept verbatim, flagged as a warning).</summary>
    public static StepTypeStyle Unknown { get; } = new(Icons.Material.Filled.HelpOutline, "#9e9e9e");

    private static readonly Dictionary<string, StepTypeStyle> Styles = new(StringComparer.Ordinal)
    {
        [StepTypes.Processing] = new(Icons.Material.Filled.Memory, "#1e88e5"),
        [StepTypes.Training] = new(Icons.Material.Filled.ModelTraining, "#8e24aa"),
        [StepTypes.Tuning] = new(Icons.Material.Filled.Tune, "#5e35b1"),
        [StepTypes.Transform] = new(Icons.Material.Filled.Transform, "#00897b"),
        [StepTypes.Model] = new(Icons.Material.Filled.Inventory2, "#6d4c41"),
        [StepTypes.RegisterModel] = new(Icons.Material.Filled.AppRegistration, "#3949ab"),
        [StepTypes.Condition] = new(Icons.Material.Filled.CallSplit, "#f9a825"),
        [StepTypes.Fail] = new(Icons.Material.Filled.Cancel, "#e53935"),
        [StepTypes.Lambda] = new(Icons.Material.Filled.Functions, "#fb8c00"),
        [StepTypes.Callback] = new(Icons.Material.Filled.PhoneCallback, "#f4511e"),
        [StepTypes.QualityCheck] = new(Icons.Material.Filled.FactCheck, "#43a047"),
        [StepTypes.ClarifyCheck] = new(Icons.Material.Filled.Balance, "#7cb342"),
        [StepTypes.Emr] = new(Icons.Material.Filled.Hub, "#039be5"),
        [StepTypes.EmrServerless] = new(Icons.Material.Filled.CloudQueue, "#00acc1"),
        [StepTypes.AutoMl] = new(Icons.Material.Filled.AutoAwesome, "#d81b60"),
        [StepTypes.EndpointConfig] = new(Icons.Material.Filled.Settings, "#546e7a"),
        [StepTypes.Endpoint] = new(Icons.Material.Filled.Dns, "#455a64"),
        [StepTypes.InferenceComponent] = new(Icons.Material.Filled.Extension, "#00796b"),
        [StepTypes.BedrockCustomModel] = new(Icons.Material.Filled.Psychology, "#c2185b"),
        [StepTypes.BedrockCustomModelDeployment] = new(Icons.Material.Filled.RocketLaunch, "#ad1457"),
        [StepTypes.BedrockModelImport] = new(Icons.Material.Filled.ImportExport, "#880e4f"),
        [StepTypes.BedrockProvisionedModelThroughput] = new(Icons.Material.Filled.Speed, "#6a1b9a"),
        [StepTypes.Lineage] = new(Icons.Material.Filled.AccountTree, "#0277bd"),
    };

    public static StepTypeStyle For(string? type) =>
        type is not null && Styles.TryGetValue(type, out var style) ? style : Unknown;

    /// <summary>Whether <paramref name="type"/> has a style of its own (every type of <see cref="StepTypes.All"/> does).</summary>
    public static bool HasStyle(string? type) => type is not null && Styles.ContainsKey(type);
}
