namespace Batuta.Core.Phases.Analysis;

/// <summary>One file under the source root.</summary>
public sealed record SourceFile(string FullPath, string RelativePath, string? Language);

/// <summary>
/// Lists the legacy tree in a stable order, skipping what is never source: VCS folders, virtual
/// environments, caches and build output.
/// </summary>
public static class SourceInventory
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "__pycache__", ".venv", "venv", "env", ".tox", ".mypy_cache", ".pytest_cache",
        "node_modules", "bin", "obj", "build", "dist", ".eggs", ".idea", ".vscode",
    };

    public static IReadOnlyList<SourceFile> List(string root)
    {
        var files = new List<SourceFile>();
        if (!Directory.Exists(root)) return files;
        Walk(new DirectoryInfo(root), root, files);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static void Walk(DirectoryInfo dir, string root, List<SourceFile> files)
    {
        foreach (var f in dir.EnumerateFiles())
        {
            if (f.Name.StartsWith('.') || f.Name.EndsWith(".pyc", StringComparison.Ordinal)) continue;
            var lang = SourceLanguage.Detect(f.Name, () => FirstLine(f.FullName));
            files.Add(new SourceFile(f.FullName, Path.GetRelativePath(root, f.FullName).Replace('\\', '/'), lang));
        }
        foreach (var d in dir.EnumerateDirectories())
        {
            if (SkippedFolders.Contains(d.Name) || d.Name.StartsWith('.') || d.Name.EndsWith(".egg-info", StringComparison.Ordinal)) continue;
            if ((d.Attributes & FileAttributes.ReparsePoint) != 0) continue; // no symlink loops
            Walk(d, root, files);
        }
    }

    private static string? FirstLine(string path)
    {
        try
        {
            using var r = new StreamReader(path);
            return r.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
