using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PipelineStudio.Engine.Runtime;

/// <summary>One <c>Engine:Images</c> rule: images whose URI matches <paramref name="Pattern"/> run <paramref name="Command"/>.</summary>
public sealed record ImageCommandRule(string Pattern, IReadOnlyList<string> Command);

/// <summary>
/// Which local program stands in for a container image. Rules from configuration (<c>Engine:Images</c>, a list
/// of <c>{ "Pattern": regex over the image URI, "Command": ["/usr/bin/python3"] }</c>) are tried in order, then
/// the defaults: framework images (scikit-learn, XGBoost, PyTorch, TensorFlow, Hugging Face, MXNet, python)
/// run Python. The default Python is <c>/usr/bin/python3</c> when it exists (the distribution's packages,
/// e.g. python3-sklearn, live there), else <c>python3</c> on PATH. An explicit ContainerEntrypoint always wins
/// over the map; its program is looked up on PATH.
/// </summary>
public sealed class ImageCommandMap
{
    public const string ConfigurationSection = "Engine:Images";
    public const string DefaultFrameworkPattern = @"(?i)(scikit-learn|sklearn|xgboost|pytorch|tensorflow|huggingface|mxnet|(^|/)python(:|@|$))";
    private const string SystemPython = "/usr/bin/python3";
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<(Regex Pattern, ImageCommandRule Rule)> _rules;
    private readonly CommandResolver _resolver;

    /// <summary>Configured rules first, then the defaults.</summary>
    public ImageCommandMap(IEnumerable<ImageCommandRule> configuredRules, CommandResolver? resolver = null)
    {
        _resolver = resolver ?? new CommandResolver();
        var rules = new List<(Regex, ImageCommandRule)>();
        foreach (var rule in configuredRules.Concat(DefaultRules(_resolver)))
        {
            rules.Add((CompilePattern(rule), rule));
        }

        _rules = rules;
    }

    /// <summary>Reads <c>Engine:Images</c>; a rule without a Pattern or a Command, or with a bad regex, throws naming its key.</summary>
    public static ImageCommandMap FromConfiguration(IConfiguration configuration, CommandResolver? resolver = null)
    {
        var rules = new List<ImageCommandRule>();
        foreach (var section in configuration.GetSection(ConfigurationSection).GetChildren().OrderBy(OrderKey))
        {
            var pattern = section["Pattern"];
            var command = section.GetSection("Command").GetChildren().OrderBy(OrderKey).Select(c => c.Value ?? "").ToList();
            if (string.IsNullOrWhiteSpace(pattern) || command.Count == 0 || string.IsNullOrWhiteSpace(command[0]))
            {
                throw new InvalidOperationException(
                    $"Configuration '{section.Path}' needs a Pattern (a regex over the image URI) and a non-empty Command list.");
            }

            rules.Add(new ImageCommandRule(pattern, command));
        }

        return new ImageCommandMap(rules, resolver);
    }

    /// <summary>The built-in rules: framework images run Python.</summary>
    public static IReadOnlyList<ImageCommandRule> DefaultRules(CommandResolver resolver) =>
        [new ImageCommandRule(DefaultFrameworkPattern, [resolver.Exists(SystemPython) ? SystemPython : "python3"])];

    /// <summary>The command of the first rule matching <paramref name="imageUri"/>, or null when no rule does.</summary>
    public IReadOnlyList<string>? CommandFor(string? imageUri)
    {
        if (string.IsNullOrEmpty(imageUri))
        {
            return null;
        }

        foreach (var (pattern, rule) in _rules)
        {
            if (pattern.IsMatch(imageUri))
            {
                return rule.Command;
            }
        }

        return null;
    }

    /// <summary>
    /// The program and leading arguments for a job: the explicit entrypoint when there is one, else the image's
    /// mapped command. The program is resolved on PATH. Throws <see cref="InvalidOperationException"/> with a
    /// message fit for a step's failure reason when there is neither, or the program cannot be found.
    /// </summary>
    public IReadOnlyList<string> ResolveCommand(IReadOnlyList<string>? containerEntrypoint, string? imageUri)
    {
        IReadOnlyList<string> command;
        if (containerEntrypoint is { Count: > 0 })
        {
            command = containerEntrypoint;
        }
        else
        {
            command = CommandFor(imageUri) ?? throw new InvalidOperationException(
                $"No local command is configured for image '{imageUri}' and the job has no ContainerEntrypoint; " +
                $"add a rule to {ConfigurationSection} (Pattern, Command) for it.");
        }

        var program = _resolver.Resolve(command[0]) ?? throw new InvalidOperationException(
            $"Program '{command[0]}' (for image '{imageUri}') was not found on PATH.");
        return [program, .. command.Skip(1)];
    }

    private static Regex CompilePattern(ImageCommandRule rule)
    {
        try
        {
            return new Regex(rule.Pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{ConfigurationSection} pattern '{rule.Pattern}' is not a valid regular expression: {ex.Message}", ex);
        }
    }

    // Configuration list children come back keyed "0", "1", ... "10": order them numerically.
    private static (int, string) OrderKey(IConfigurationSection section) =>
        (int.TryParse(section.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue, section.Key);
}
