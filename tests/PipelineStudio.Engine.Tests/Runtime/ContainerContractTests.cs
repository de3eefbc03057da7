using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Tests.Runtime;

public sealed class ContainerContractTests
{
    private readonly ContainerContract _contract = new("/data/work/exec1/Step/1");

    [Theory]
    [InlineData("/opt/ml/processing/input", "/data/work/exec1/Step/1/opt/ml/processing/input")]
    [InlineData("/opt/ml", "/data/work/exec1/Step/1/opt/ml")]
    [InlineData("--model-dir=/opt/ml/model", "--model-dir=/data/work/exec1/Step/1/opt/ml/model")]
    [InlineData("/opt/mlflow/x", "/opt/mlflow/x")]
    [InlineData("/home/opt/ml/x", "/home/opt/ml/x")]
    [InlineData("relative/opt/ml", "relative/opt/ml")]
    public void Map_Text_RewritesOnlyTheOptMlPrefix(string text, string expected)
    {
        Assert.Equal(expected, _contract.Map(text));
    }

    [Fact]
    public void Map_PathsInsideLongerStrings_AreAllRewritten()
    {
        var mapped = _contract.Map("python3 -c \"open('/opt/ml/processing/output/x','w').write(open('/opt/ml/input/a').read())\"");

        Assert.Equal(
            "python3 -c \"open('/data/work/exec1/Step/1/opt/ml/processing/output/x','w').write(open('/data/work/exec1/Step/1/opt/ml/input/a').read())\"",
            mapped);
    }

    [Fact]
    public void Map_EnvironmentValues_RewritesValuesNotNames()
    {
        var mapped = _contract.Map(new Dictionary<string, string> { ["/opt/ml/NAME"] = "a:/opt/ml/code:/usr/lib" });

        Assert.Equal("a:/data/work/exec1/Step/1/opt/ml/code:/usr/lib", mapped["/opt/ml/NAME"]);
    }

    [Fact]
    public void Map_Twice_IsTheSameAsOnce()
    {
        var once = _contract.Map("/opt/ml/model");

        Assert.Equal(once, _contract.Map(once));
    }

    [Fact]
    public void WorkspaceFor_UnsafeStepName_StaysInsideTheDataFolder()
    {
        var workspace = ContainerContract.WorkspaceFor("/data", "exec1", "../Evil Step", 2);

        Assert.Equal("/data/work/exec1/.._Evil_Step/2", workspace);
    }
}
