using Batuta.Core.Engine;

namespace Batuta.Core.Phases.Analysis;

/// <summary>
/// Finds the script that starts the legacy program: the configured one, else main.py / __main__.py /
/// app.py at the source root, else the one Python file with a <c>__main__</c> guard, else the only
/// Python file; without Python, a top-level main.* of another language or the only source file.
/// </summary>
public static class EntryPointLocator
{
    public static string? Locate(ProjectSettings settings, IReadOnlyList<SourceFile> files)
    {
        if (settings.EntryPoint is not null) return settings.EntryPoint;
        var python = files.Where(f => f.Language == SourceLanguage.Python).ToList();
        if (python.Count > 0)
        {
            var chosen = Batuta.Transpiler.EntryPointRules.Choose(python.Select(f => (f.RelativePath, (Func<string>)(() => ReadOrEmpty(f.FullPath)))).ToList());
            return chosen is null ? null : python.First(f => f.RelativePath == chosen).FullPath;
        }
        // No Python: a main.* script of another language, or the only source file.
        var sources = files.Where(f => f.Language is not null).ToList();
        return (sources.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f.RelativePath) == "main" && !f.RelativePath.Contains('/'))
                ?? (sources.Count == 1 ? sources[0] : null))?.FullPath;
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
