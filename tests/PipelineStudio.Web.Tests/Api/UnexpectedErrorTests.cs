using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

public sealed class UnexpectedErrorTests : IDisposable
{
    private const string Secret = "connection string with password=hunter2";

    private readonly StudioAppFactory _factory = new();

    [Fact]
    public async Task Get_StoreThrows_Returns500ProblemWithoutExceptionDetails()
    {
        using var app = _factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<IPipelineStore>(new ThrowingStore())));
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/pipelines");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ThrowingStore), body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class ThrowingStore : IPipelineStore
    {
        public Task<IReadOnlyList<PipelineSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);

        public Task<PipelineSummary?> FindAsync(string name, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Secret);

        public Task<PipelineVersion?> GetLatestAsync(string name, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Secret);

        public Task<PipelineVersion?> GetVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<PipelineVersionInfo>> ListVersionsAsync(string name, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);

        public Task<PipelineVersionInfo> SaveAsync(SavePipelineVersion request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);
    }
}
