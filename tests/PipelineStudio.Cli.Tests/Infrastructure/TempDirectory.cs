namespace PipelineStudio.Cli.Tests.Infrastructure;

/// <summary>A scratch folder for one test, deleted afterwards; the CLI runs with it as working directory.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("pipelinestudio-cli-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a file and returns its name relative to <see cref="Path"/>.</summary>
    public string Write(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);
        return fileName;
    }

    public string WriteBytes(string fileName, byte[] content)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, fileName), content);
        return fileName;
    }

    /// <summary>Copies a file (e.g. a corpus definition) into the folder and returns its name there.</summary>
    public string Copy(string sourcePath)
    {
        var name = System.IO.Path.GetFileName(sourcePath);
        File.Copy(sourcePath, System.IO.Path.Combine(Path, name));
        return name;
    }

    public Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync(Path, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }
}
