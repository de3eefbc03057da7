using System.Text.Json.Nodes;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Serialization;

public sealed class JsonEqualityTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[1,2]}""", """{"b":[1,2],"a":1}""")]
    [InlineData("""{"x":6}""", """{"x":6.0}""")]
    [InlineData("""{"x":0.1}""", """{"x":1e-1}""")]
    [InlineData("""{"x":null}""", """{"x":null}""")]
    [InlineData("""[{"k":"v"},true]""", """[{"k":"v"},true]""")]
    public void DeepEquals_SameContent_IsTrue(string left, string right)
    {
        Assert.True(JsonEquality.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right)));
        // The BCL agrees on these, which is why round-trip tests may rely on either.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right)));
    }

    [Theory]
    [InlineData("""{"b":[1,2]}""", """{"b":[2,1]}""", "$.b[0]")]
    [InlineData("""{"a":1}""", """{"a":1,"c":2}""", "$.c")]
    [InlineData("""{"a":1,"c":2}""", """{"a":1}""", "$.c")]
    [InlineData("""{"a":"1"}""", """{"a":1}""", "$.a")]
    [InlineData("""{"a":true}""", """{"a":false}""", "$.a")]
    [InlineData("""{"a":null}""", """{}""", "$.a")]
    [InlineData("""{"a":{"b":[{"c":"x"}]}}""", """{"a":{"b":[{"c":"y"}]}}""", "$.a.b[0].c")]
    public void FirstDifference_DifferentContent_NamesThePath(string left, string right, string path)
    {
        var difference = JsonEquality.FirstDifference(JsonNode.Parse(left), JsonNode.Parse(right));

        Assert.NotNull(difference);
        Assert.StartsWith(path + ":", difference);
        Assert.False(JsonEquality.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right)));
    }
}
