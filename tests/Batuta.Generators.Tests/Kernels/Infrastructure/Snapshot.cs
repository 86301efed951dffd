using System.Runtime.CompilerServices;

namespace Batuta.Generators.Tests.Kernels.Infrastructure;

/// <summary>
/// Checked-in snapshots of generated source (Kernels/Snapshots/*.g.cs.snap). A missing or different
/// snapshot fails the test; UPDATE_SNAPSHOTS=1 writes the current output instead (then review the diff).
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        string directory = Path.Combine(SourceDirectory(caller), "Snapshots");
        string path = Path.GetFullPath(Path.Combine(directory, name + ".g.cs.snap"));
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot {path}. Run the tests with UPDATE_SNAPSHOTS=1 to write it, then review and commit it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        Assert.Fail($"Generated source differs from {path} at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\n" +
            "If the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff.");
    }

    // CI builds map source paths to /_/ (ContinuousIntegrationBuild), so the caller's path only
    // works on developer machines; otherwise find the folder above the test binaries.
    private static string SourceDirectory(string caller)
    {
        string? fromCaller = Path.GetDirectoryName(caller);
        if (fromCaller is not null && Directory.Exists(fromCaller)) return fromCaller;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "Kernels");
            if (File.Exists(Path.Combine(dir.FullName, "Batuta.Generators.Tests.csproj")) && Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"Cannot find Kernels/ above {AppContext.BaseDirectory} (caller path '{caller}').");
    }
}
