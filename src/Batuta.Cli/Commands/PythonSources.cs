using System.Security.Cryptography;
using System.Text;
using Batuta.Cli.Infrastructure;

namespace Batuta.Cli.Commands;

/// <summary>Python sources for <c>batuta run</c> and eject: a script with its folder's modules, or a folder.</summary>
internal static class PythonSources
{
    public static (string Root, string Entry, List<(string Path, string Text)> Files) Load(string fileOrDir)
    {
        var full = Path.GetFullPath(fileOrDir);
        string root, entry;
        if (File.Exists(full))
        {
            root = Path.GetDirectoryName(full).OrThrow();
            entry = Path.GetFileName(full);
        }
        else if (Directory.Exists(full))
        {
            root = full;
            entry = File.Exists(Path.Combine(full, "main.py")) ? "main.py" : File.Exists(Path.Combine(full, "__main__.py")) ? "__main__.py"
                : throw new UsageException($"{fileOrDir} has no main.py or __main__.py: name the entry script instead");
        }
        else throw new UsageException($"{fileOrDir} does not exist");

        var files = Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "__pycache__" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !Path.GetRelativePath(root, p).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.') || s is "bin" or "obj" or "venv" or ".venv"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
        return (root, entry, files);
    }

    public static string FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream))[..16];
    }

    public static string Hash(IEnumerable<(string Path, string Text)> files, string entry, string version)
    {
        using var sha = SHA256.Create();
        var sb = new StringBuilder(version).Append('\n').Append(entry).Append('\n');
        foreach (var (path, text) in files) sb.Append(path).Append('\0').Append(text).Append('\0');
        return Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(sb.ToString())))[..24].ToLowerInvariant();
    }

    /// <summary>Where Batuta.Python.Runtime.dll is: BATUTA_RUNTIME_DIR, beside batuta, the Batuta.Sdk package, or a source build.</summary>
    public static string LocateRuntime()
    {
        const string dll = Batuta.Transpiler.Projects.StandaloneProject.RuntimeAssembly;
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("BATUTA_RUNTIME_DIR") is { Length: > 0 } env) candidates.Add(env);
        candidates.Add(AppContext.BaseDirectory);
        var nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var sdk = Path.Combine(nuget, "batuta.sdk");
        if (Directory.Exists(sdk))
            candidates.AddRange(Directory.GetDirectories(sdk).OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "runtime", "net10.0")));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var src = Path.Combine(dir.FullName, "src", "Batuta.Python.Runtime", "bin");
            if (Directory.Exists(src)) candidates.AddRange(new[] { "Release", "Debug" }.Select(c => Path.Combine(src, c, "net10.0")));
        }
        foreach (var c in candidates)
            if (File.Exists(Path.Combine(c, dll))) return Path.Combine(c, dll);
        throw new CliFailureException($"{dll} not found (looked in: {string.Join(", ", candidates)}); set BATUTA_RUNTIME_DIR to its folder");
    }
}
