using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class RunConfigRulesTests
{
    private static string WithField(string field) => Definition($$$"""[{"Name":"T","Type":"Training","Arguments":{},{{{field}}}}]""");

    [Theory]
    [InlineData("""{"Enabled":true}""", "$.Steps[0].CacheConfig")]
    [InlineData("""{"Enabled":true,"ExpireAfter":"1 hour"}""", "$.Steps[0].CacheConfig.ExpireAfter")]
    [InlineData("""{"Enabled":true,"ExpireAfter":"PT"}""", "$.Steps[0].CacheConfig.ExpireAfter")]
    [InlineData("""{"Enabled":true,"ExpireAfter":"P1H"}""", "$.Steps[0].CacheConfig.ExpireAfter")]
    [InlineData("""{"Enabled":false,"ExpireAfter":"30d"}""", "$.Steps[0].CacheConfig.ExpireAfter")]
    public void Validate_BadCacheConfig_ReportsPS040(string cache, string path) =>
        HasIssue(WithField($"\"CacheConfig\":{cache}"), IssueCodes.InvalidCacheConfig, path);

    [Theory]
    [InlineData("""{"Enabled":true,"ExpireAfter":"PT1H"}""")]
    [InlineData("""{"Enabled":true,"ExpireAfter":"P30D"}""")]
    [InlineData("""{"Enabled":true,"ExpireAfter":"P1DT12H"}""")]
    [InlineData("""{"Enabled":true,"ExpireAfter":"P2W"}""")]
    [InlineData("""{"Enabled":false}""")]
    public void Validate_GoodCacheConfig_ReportsNoPS040(string cache) =>
        NoIssue(WithField($"\"CacheConfig\":{cache}"), IssueCodes.InvalidCacheConfig);

    [Fact]
    public void Validate_CachingOnNeverCachedType_ReportsPS040Warning()
    {
        var json = Definition("""[{"Name":"M","Type":"Model","Arguments":{},"CacheConfig":{"Enabled":true,"ExpireAfter":"PT1H"}}]""");

        Assert.Equal(IssueSeverity.Warning, HasIssue(json, IssueCodes.InvalidCacheConfig, "$.Steps[0].CacheConfig").Severity);
    }

    [Theory]
    [InlineData("""[{"MaxAttempts":3}]""", "$.Steps[0].RetryPolicies[0]")]
    [InlineData("""[{"ExceptionType":"Step.THROTTLING"}]""", "$.Steps[0].RetryPolicies[0].ExceptionType")]
    [InlineData("""[{"ExceptionType":[]}]""", "$.Steps[0].RetryPolicies[0].ExceptionType")]
    [InlineData("""[{"ExceptionType":["Step.TIMEOUT"]}]""", "$.Steps[0].RetryPolicies[0].ExceptionType[0]")]
    [InlineData("""[{"ExceptionType":["Step.THROTTLING"],"MaxAttempts":3,"ExpireAfterMin":10}]""", "$.Steps[0].RetryPolicies[0]")]
    [InlineData("""[{"ExceptionType":["Step.THROTTLING"],"MaxAttempts":21}]""", "$.Steps[0].RetryPolicies[0].MaxAttempts")]
    [InlineData("""[{"ExceptionType":["Step.THROTTLING"],"MaxAttempts":2.5}]""", "$.Steps[0].RetryPolicies[0].MaxAttempts")]
    [InlineData("""[{"ExceptionType":["Step.THROTTLING"],"ExpireAfterMin":14401}]""", "$.Steps[0].RetryPolicies[0].ExpireAfterMin")]
    [InlineData("""[{"ExceptionType":["Step.THROTTLING"],"IntervalSeconds":0}]""", "$.Steps[0].RetryPolicies[0].IntervalSeconds")]
    [InlineData("""[{"ExceptionType":["Step.THROTTLING"],"IntervalSeconds":43201}]""", "$.Steps[0].RetryPolicies[0].IntervalSeconds")]
    [InlineData("""[{"ExceptionType":["Step.THROTTLING"],"BackoffRate":-1}]""", "$.Steps[0].RetryPolicies[0].BackoffRate")]
    [InlineData("""["Step.THROTTLING"]""", "$.Steps[0].RetryPolicies[0]")]
    public void Validate_BadRetryPolicy_ReportsPS041(string policies, string path) =>
        HasIssue(WithField($"\"RetryPolicies\":{policies}"), IssueCodes.InvalidRetryPolicy, path);

    [Theory]
    [InlineData("""[{"ExceptionType":["Step.SERVICE_FAULT","Step.THROTTLING"],"IntervalSeconds":1,"BackoffRate":2.0,"MaxAttempts":5}]""")]
    [InlineData("""[{"ExceptionType":["SageMaker.JOB_INTERNAL_ERROR","SageMaker.CAPACITY_ERROR","SageMaker.RESOURCE_LIMIT"],"ExpireAfterMin":120}]""")]
    [InlineData("""[{"ExceptionType":["Step.THROTTLING"],"MaxAttempts":0,"IntervalSeconds":43200}]""")]
    public void Validate_GoodRetryPolicy_ReportsNoPS041(string policies) =>
        NoIssue(WithField($"\"RetryPolicies\":{policies}"), IssueCodes.InvalidRetryPolicy);
}
