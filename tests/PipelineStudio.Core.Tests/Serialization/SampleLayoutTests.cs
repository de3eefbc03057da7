using System.Text.RegularExpressions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Serialization;

/// <summary>
/// The samples follow the seeding convention: a valid pipeline name, and every script the definition
/// references under <c>s3://pipelinestudio-samples/&lt;pipeline&gt;/code/</c> exists in the sample's folder.
/// </summary>
public sealed partial class SampleLayoutTests
{
    public static TheoryData<string> SampleNames => new(SampleDefinitions.SampleNames);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void SampleName_AsFileName_IsAValidPipelineName(string name) =>
        Assert.True(PipelineNames.IsValidPipelineName(name), $"'{name}' is not a valid SageMaker pipeline name.");

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void SampleDefinition_ReferencedScripts_ExistInTheSampleFolder(string name)
    {
        var text = SampleDefinitions.ReadSample(name);
        var scripts = CodeUri().Matches(text).Select(m => (Pipeline: m.Groups[1].Value, File: m.Groups[2].Value)).ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Equal(name, s.Pipeline));
        var folder = SampleDefinitions.SampleScriptsDirectory(name);
        Assert.All(scripts.Where(s => s.File.Length > 0), s => Assert.True(File.Exists(Path.Combine(folder, s.File)), $"{s.File} is missing from {folder}"));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void SampleDefinition_EveryScriptInTheFolder_IsUsed(string name)
    {
        var text = SampleDefinitions.ReadSample(name);
        var folder = SampleDefinitions.SampleScriptsDirectory(name);
        var scripts = Directory.GetFiles(folder, "*.py").Select(Path.GetFileName).OfType<string>().ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, file => Assert.Contains(file, text, StringComparison.Ordinal));
    }

    // Matches s3://pipelinestudio-samples/<pipeline>/code/<file> and the bare .../code prefix.
    [GeneratedRegex(@"s3://pipelinestudio-samples/([A-Za-z0-9-]+)/code(?:/([A-Za-z0-9_.\-]+))?")]
    private static partial Regex CodeUri();
}
