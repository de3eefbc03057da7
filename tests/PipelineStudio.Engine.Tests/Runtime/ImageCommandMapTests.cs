using Microsoft.Extensions.Configuration;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Tests.Runtime;

public sealed class ImageCommandMapTests
{
    private const string SklearnImage = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";

    // A PATH with only /opt/tools/bin, holding python3 and bash; /usr/bin/python3 exists unless told otherwise.
    private static CommandResolver FakeResolver(bool systemPython = true) =>
        new(path => path is "/opt/tools/bin/python3" or "/opt/tools/bin/bash" || (systemPython && path == "/usr/bin/python3"), () => "/opt/tools/bin");

    [Theory]
    [InlineData(SklearnImage)]
    [InlineData("246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1")]
    [InlineData("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-cpu-py310")]
    [InlineData("763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-training:2.13-cpu")]
    [InlineData("763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1")]
    [InlineData("python:3.11-slim")]
    public void CommandFor_FrameworkImages_DefaultToSystemPython(string image)
    {
        var map = new ImageCommandMap([], FakeResolver());

        Assert.Equal(["/usr/bin/python3"], map.CommandFor(image));
    }

    [Fact]
    public void CommandFor_NoSystemPython_FallsBackToPython3OnPath()
    {
        var map = new ImageCommandMap([], FakeResolver(systemPython: false));

        Assert.Equal(["python3"], map.CommandFor(SklearnImage));
        Assert.Equal("/opt/tools/bin/python3", map.ResolveCommand(null, SklearnImage)[0]);
    }

    [Fact]
    public void CommandFor_UnknownImage_IsNull()
    {
        Assert.Null(new ImageCommandMap([], FakeResolver()).CommandFor("123.dkr.ecr.us-east-1.amazonaws.com/my-own-image:latest"));
    }

    [Fact]
    public void FromConfiguration_RulesInOrderBeforeDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engine:Images:0:Pattern"] = "my-own-image",
            ["Engine:Images:0:Command:0"] = "bash",
            ["Engine:Images:0:Command:1"] = "-e",
            ["Engine:Images:1:Pattern"] = "scikit",
            ["Engine:Images:1:Command:0"] = "/opt/venv/bin/python",
        }).Build();

        var map = ImageCommandMap.FromConfiguration(configuration, FakeResolver());

        Assert.Equal(["bash", "-e"], map.CommandFor("x/my-own-image:1"));
        Assert.Equal(["/opt/venv/bin/python"], map.CommandFor(SklearnImage));
        Assert.Equal(["/usr/bin/python3"], map.CommandFor("x/sagemaker-xgboost:1"));
        Assert.Equal(["/opt/tools/bin/bash", "-e", "job.sh"], map.ResolveCommand(null, "x/my-own-image:1").Append("job.sh"));
    }

    [Fact]
    public void FromConfiguration_BadRegex_ThrowsNamingThePattern()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engine:Images:0:Pattern"] = "([unclosed",
            ["Engine:Images:0:Command:0"] = "python3",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => ImageCommandMap.FromConfiguration(configuration, FakeResolver()));

        Assert.Contains("([unclosed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_RuleWithoutCommand_ThrowsNamingItsKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engine:Images:0:Pattern"] = "x",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => ImageCommandMap.FromConfiguration(configuration, FakeResolver()));

        Assert.Contains("Engine:Images:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveCommand_ExplicitEntrypoint_WinsAndIsResolvedOnPath()
    {
        var map = new ImageCommandMap([], FakeResolver());

        var command = map.ResolveCommand(["python3", "/opt/ml/processing/input/code/run.py"], SklearnImage);

        Assert.Equal(["/opt/tools/bin/python3", "/opt/ml/processing/input/code/run.py"], command);
    }

    [Fact]
    public void ResolveCommand_ProgramNotOnPath_FailsWithClearMessage()
    {
        var map = new ImageCommandMap([], FakeResolver());

        var error = Assert.Throws<InvalidOperationException>(() => map.ResolveCommand(["Rscript", "x.R"], SklearnImage));

        Assert.Contains("'Rscript'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveCommand_UnmappedImageWithoutEntrypoint_FailsNamingTheImage()
    {
        var map = new ImageCommandMap([], FakeResolver());

        var error = Assert.Throws<InvalidOperationException>(() => map.ResolveCommand(null, "x/custom:1"));

        Assert.Contains("x/custom:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Engine:Images", error.Message, StringComparison.Ordinal);
    }
}
