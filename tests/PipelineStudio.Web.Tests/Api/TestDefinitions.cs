using System.Text;

namespace PipelineStudio.Web.Tests.Api;

/// <summary>Small definitions for API tests, built inline so each test shows what it sends.</summary>
internal static class TestDefinitions
{
    public const string Malformed = """{"Version":"2020-12-01","Steps":[ , ]}""";

    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:noop";

    /// <summary>A valid definition of Lambda steps (the shortest valid step), each depending on the one before.</summary>
    public static string Chain(params string[] stepNames)
    {
        var steps = stepNames.Select((name, i) => i == 0
            ? $$$"""{"Name":"{{{name}}}","Type":"Lambda","FunctionArn":"{{{FunctionArn}}}","Arguments":{}}"""
            : $$$"""{"Name":"{{{name}}}","Type":"Lambda","FunctionArn":"{{{FunctionArn}}}","Arguments":{},"DependsOn":["{{{stepNames[i - 1]}}}"]}""");
        return $$$"""
            {"Version":"2020-12-01","Metadata":{"Description":"chain of {{{stepNames.Length}}}"},"Parameters":[],
             "PipelineExperimentConfig":null,"Steps":[{{{string.Join(",", steps)}}}]}
            """;
    }

    /// <summary>A valid definition whose one step carries an argument nested <paramref name="depth"/> arrays deep.</summary>
    public static string DeeplyNested(int depth)
    {
        var nested = new StringBuilder();
        nested.Append('[', depth).Append('1').Append(']', depth);
        return $$$"""
            {"Version":"2020-12-01","Metadata":{},"Parameters":[],
             "Steps":[{"Name":"Deep","Type":"Lambda","FunctionArn":"{{{FunctionArn}}}","Arguments":{"Nested":{{{nested}}}}}]}
            """;
    }
}
