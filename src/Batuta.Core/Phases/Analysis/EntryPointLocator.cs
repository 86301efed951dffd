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
        foreach (var name in new[] { "main.py", "__main__.py", "app.py" })
        {
            var hit = python.FirstOrDefault(f => f.RelativePath == name);
            if (hit is not null) return hit.FullPath;
        }
        var guarded = python.Where(f => HasMainGuard(f.FullPath)).ToList();
        if (guarded.Count == 1) return guarded[0].FullPath;
        if (python.Count == 1) return python[0].FullPath;
        if (python.Count > 1) return null;
        // No Python: a main.* script of another language, or the only source file.
        var sources = files.Where(f => f.Language is not null).ToList();
        return (sources.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f.RelativePath) == "main" && !f.RelativePath.Contains('/'))
                ?? (sources.Count == 1 ? sources[0] : null))?.FullPath;
    }

    private static bool HasMainGuard(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return text.Contains("__name__ == \"__main__\"", StringComparison.Ordinal)
                || text.Contains("__name__ == '__main__'", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
