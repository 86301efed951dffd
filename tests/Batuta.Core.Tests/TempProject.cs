using Batuta.Core.Engine;

namespace Batuta.Core.Tests;

/// <summary>A real project folder on disk with a legacy/ tree, deleted after the test.</summary>
public sealed class TempProject : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "batuta-core-tests", Guid.NewGuid().ToString("N"));

    public TempProject()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "legacy"));
    }

    public string Legacy => Path.Combine(Directory, "legacy");

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public ProjectSettings Settings(Action<Dictionary<string, string?>>? configure = null)
    {
        var props = new Dictionary<string, string?>
        {
            ["MSBuildProjectFullPath"] = Path.Combine(Directory, "Test.csproj"),
            ["BatutaSourceRoot"] = "legacy/",
        };
        configure?.Invoke(props);
        var problems = new List<Diagnostics.BatutaDiagnostic>();
        var s = ProjectSettings.FromProperties(Directory, props, problems);
        Assert.Empty(problems);
        return s;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
