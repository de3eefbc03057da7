namespace PipelineStudio.Engine.Tests.Steps.Jobs;

/// <summary>A fact that needs a Python 3 interpreter; skipped, saying so, only on a machine without one.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (JobHarness.Python is null)
        {
            Skip = "No python3 interpreter (neither /usr/bin/python3 nor python3 on PATH): Python job tests cannot run here.";
        }
    }
}
