using PipelineStudio.Core.Runs;

namespace PipelineStudio.Persistence.Stores;

/// <summary>Statuses are stored by name; these parse them back and name the row when a value is unknown.</summary>
internal static class StatusNames
{
    public static string Of(ExecutionStatus status) => status.ToString();

    public static string Of(StepStatus status) => status.ToString();

    public static TEnum Parse<TEnum>(string stored, string owner)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(stored, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new StudioDatabaseException(
                $"{owner} has the status '{stored}', which is not a {typeof(TEnum).Name}. " +
                "The database was probably written by a newer PipelineStudio; upgrade this one.");
}
