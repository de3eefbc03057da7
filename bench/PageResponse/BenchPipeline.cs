namespace PageResponse;

/// <summary>
/// The swept pipeline: five /bin/sh Processing steps shaped like a training run (prepare, two feature steps in
/// parallel, train, evaluate), each writing a few log lines and sleeping <c>StepSeconds</c>, so an execution
/// takes about four step times and a page has a real graph, timeline and logs to show.
/// </summary>
public static class BenchPipeline
{
    public const string Name = "page-bench";

    public static string Definition => $$"""
        {"Version":"2020-12-01","Metadata":{},
         "Parameters":[{"Name":"Index","Type":"Integer","DefaultValue":1},{"Name":"StepSeconds","Type":"Float","DefaultValue":1}],
         "Steps":[
          {{Step("Prepare", [])}},
          {{Step("FeaturesA", ["Prepare"])}},
          {{Step("FeaturesB", ["Prepare"])}},
          {{Step("Train", ["FeaturesA", "FeaturesB"])}},
          {{Step("Evaluate", ["Train"])}}
         ]}
        """;

    private static string Step(string name, string[] dependsOn) => $$$"""
        {"Name":"{{{name}}}","Type":"Processing","DependsOn":[{{{string.Join(",", dependsOn.Select(d => $"\"{d}\""))}}}],"Arguments":{
          "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
          "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c",
            "echo {{{name}}} of run $INDEX starting; for i in 1 2 3 4 5; do echo {{{name}}} batch $i of 5; done; sleep $STEP_SECONDS; echo {{{name}}} done"]},
          "Environment":{"INDEX":{"Get":"Parameters.Index"},"STEP_SECONDS":{"Get":"Parameters.StepSeconds"}},
          "RoleArn":"arn:aws:iam::123456789012:role/bench"}}
        """;
}
