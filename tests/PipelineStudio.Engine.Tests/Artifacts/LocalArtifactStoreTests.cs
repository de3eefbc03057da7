using System.Security.Cryptography;
using System.Text;
using PipelineStudio.Engine.Artifacts;

namespace PipelineStudio.Engine.Tests.Artifacts;

public sealed class LocalArtifactStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LocalArtifactStore _store;

    public LocalArtifactStoreTests()
    {
        _store = LocalArtifactStore.ForDataDirectory(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PutText_ThenRead_ReturnsContentAndSha256()
    {
        var stored = await _store.PutTextAsync("s3://bucket/a/b.json", "{\"x\":1}");

        Assert.Equal("{\"x\":1}", await _store.ReadTextAsync("s3://bucket/a/b.json"));
        Assert.Equal(Sha256("{\"x\":1}"), stored.ContentHash);
        Assert.Equal(7, stored.Size);
        Assert.True(File.Exists(_temp.Combine("artifacts", "bucket", "a", "b.json")));
    }

    [Fact]
    public async Task ReadText_MissingObject_ReturnsNull()
    {
        Assert.Null(await _store.ReadTextAsync("s3://bucket/nothing-here"));
    }

    [Fact]
    public async Task PutFile_Overwrite_ReplacesContentAndLeavesNoTempFiles()
    {
        var source = _temp.WriteFile("src/data.csv", "1,2\n");
        await _store.PutFileAsync("s3://bucket/data.csv", source);
        File.WriteAllText(source, "3,4\n5,6\n");

        var second = await _store.PutFileAsync("s3://bucket/data.csv", source);

        Assert.Equal("3,4\n5,6\n", await _store.ReadTextAsync("s3://bucket/data.csv"));
        Assert.Equal(Sha256("3,4\n5,6\n"), second.ContentHash);
        Assert.Empty(Directory.GetFiles(_temp.Combine("artifacts", ".tmp")));
    }

    [Fact]
    public async Task UploadDirectory_ThenDownloadPrefix_RecreatesTreeWithHashes()
    {
        _temp.WriteFile("out/train/part-1.csv", "a");
        _temp.WriteFile("out/train/nested/part-2.csv", "bb");

        var uploaded = await _store.UploadDirectoryAsync(_temp.Combine("out"), "s3://bucket/run/data");
        var downloaded = await _store.DownloadAsync("s3://bucket/run/data/", _temp.Combine("in"));

        Assert.Equal(["s3://bucket/run/data/train/nested/part-2.csv", "s3://bucket/run/data/train/part-1.csv"], uploaded.Select(o => o.Uri));
        Assert.Equal(uploaded.Select(o => o.ContentHash), downloaded.Select(o => o.ContentHash));
        Assert.Equal("bb", File.ReadAllText(_temp.Combine("in", "train", "nested", "part-2.csv")));
        Assert.Equal(Sha256("a"), downloaded.Single(o => o.Uri.EndsWith("part-1.csv", StringComparison.Ordinal)).ContentHash);
    }

    [Fact]
    public async Task Download_SingleObject_CopiesItUnderItsFileName()
    {
        await _store.PutTextAsync("s3://bucket/models/job/output/model.tar.gz", "archive");

        var copied = await _store.DownloadAsync("s3://bucket/models/job/output/model.tar.gz", _temp.Combine("model"));

        Assert.Single(copied);
        Assert.Equal("archive", File.ReadAllText(_temp.Combine("model", "model.tar.gz")));
    }

    [Fact]
    public async Task List_PrefixWithoutSlash_MeansTheFolderNotAStringPrefix()
    {
        await _store.PutTextAsync("s3://bucket/data/train/x.csv", "1");
        await _store.PutTextAsync("s3://bucket/data/training-notes.txt", "2");

        var listed = await _store.ListAsync("s3://bucket/data/train");

        Assert.Equal(["s3://bucket/data/train/x.csv"], listed.Select(o => o.Uri));
    }

    [Fact]
    public async Task List_NothingThere_ReturnsEmpty()
    {
        Assert.Empty(await _store.ListAsync("s3://bucket/none/"));
        Assert.Empty(await _store.DownloadAsync("s3://bucket/none/", _temp.Combine("empty")));
    }

    [Theory]
    [InlineData("s3://bucket/../outside.txt")]
    [InlineData("s3://bucket/a/../../outside.txt")]
    [InlineData("s3://../outside.txt")]
    [InlineData("s3://bucket/a\\..\\b")]
    [InlineData("https://bucket/key")]
    public async Task Put_UriEscapingRootOrNotS3_IsRejectedWithClearMessage(string uri)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.PutTextAsync(uri, "x"));

        Assert.Contains(uri, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(System.IO.Path.Combine(_temp.Path, "outside.txt")));
    }

    [Fact]
    public async Task Put_PrefixUri_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.PutTextAsync("s3://bucket/folder/", "x"));

        Assert.Contains("prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvePath_MapsBucketAndKeyUnderRoot()
    {
        Assert.Equal(_temp.Combine("artifacts", "my-bucket", "k1", "k2.txt"), _store.ResolvePath("s3://my-bucket/k1//k2.txt"));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
