using System.Text.RegularExpressions;

namespace PipelineStudio.Web.Model.Comparison;

/// <summary>
/// Which way a metric improves. A tuning objective says so itself (Maximize/Minimize); for any other number the
/// name decides: losses, errors and times are better low, everything else (auc, accuracy, f1...) high.
/// </summary>
public static partial class MetricGoals
{
    private static readonly HashSet<string> LowerIsBetterWords = new(StringComparer.Ordinal)
    {
        "loss", "logloss", "error", "err", "mse", "rmse", "mae", "mape", "smape", "wer", "cer", "perplexity", "latency", "time", "seconds",
    };

    public static bool HigherIsBetter(string name, bool? declared) =>
        declared ?? !WordSplitter().Split(name.ToLowerInvariant()).Any(LowerIsBetterWords.Contains);

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex WordSplitter();
}
