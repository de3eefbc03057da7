namespace PipelineStudio.E2E.Infrastructure;

/// <summary>Definitions the local engine runs with /bin/sh only, so E2E tests need no Python.</summary>
public static class ShellDefinitions
{
    /// <summary>
    /// One shell step that echoes its parameters, sleeps <c>SleepSeconds</c> and exits with <c>ExitCode</c>
    /// (so a sweep can make one member fail). <c>Note</c> has no default: the form must ask for it.
    /// </summary>
    public const string EchoAndExit = """
        {"Version":"2020-12-01","Metadata":{},
         "Parameters":[
          {"Name":"Index","Type":"Integer","DefaultValue":1},
          {"Name":"ExitCode","Type":"Integer","DefaultValue":0},
          {"Name":"SleepSeconds","Type":"Float","DefaultValue":0.2},
          {"Name":"Flavor","Type":"String","DefaultValue":"plain","EnumValues":["plain","spicy"]},
          {"Name":"Note","Type":"String"}],
         "Steps":[
          {"Name":"Work","Type":"Processing","Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c","echo run $INDEX $FLAVOR $NOTE; sleep $SLEEP_SECONDS; exit $EXIT_CODE"]},
            "Environment":{"INDEX":{"Get":"Parameters.Index"},"EXIT_CODE":{"Get":"Parameters.ExitCode"},
              "SLEEP_SECONDS":{"Get":"Parameters.SleepSeconds"},"FLAVOR":{"Get":"Parameters.Flavor"},"NOTE":{"Get":"Parameters.Note"}},
            "RoleArn":"arn:aws:iam::123456789012:role/test"}}
         ]}
        """;
}
