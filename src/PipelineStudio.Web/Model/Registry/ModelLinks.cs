using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Model.Registry;

/// <summary>Page addresses of the registry screens.</summary>
public static class ModelLinks
{
    public const string List = "/models";

    public static string Package(ModelPackageRecord package) => Package(package.GroupName, package.Version);

    public static string Package(string group, int version) => $"/models/{Uri.EscapeDataString(group)}/{version}";

    public static string Execution(string executionId) => $"/executions/{Uri.EscapeDataString(executionId)}";
}
