using Microsoft.Extensions.Logging.Abstractions;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public class UserFacingErrorsTests
{
    [Fact]
    public void Describe_UnexpectedException_HidesItsText()
    {
        var message = UserFacingErrors.Describe(new InvalidOperationException("connection string secret=hunter2"), NullLogger.Instance, "listing pipelines");

        Assert.Equal(UserFacingErrors.Unexpected, message);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_StorageOrConflictError_KeepsTheMessageWrittenForUsers()
    {
        var storage = new StudioDatabaseException("The studio database '/data/studio.db' is locked.", new IOException("locked"));
        var conflict = new PipelineVersionConflictException("churn", 2, 3);

        Assert.Equal(storage.Message, UserFacingErrors.Describe(storage, NullLogger.Instance, "saving"));
        Assert.Equal(conflict.Message, UserFacingErrors.Describe(conflict, NullLogger.Instance, "saving"));
    }

    [Fact]
    public void Describe_EngineRefusal_GivesTheProblemsNotTheExceptionText()
    {
        var refused = new ExecutionRefusedException(["Parameter 'Rows' must be an Integer.", "Step 'Fit' cannot run locally."]);

        var message = UserFacingErrors.Describe(refused, NullLogger.Instance, "starting");

        Assert.Equal("Parameter 'Rows' must be an Integer. Step 'Fit' cannot run locally.", message);
    }
}
