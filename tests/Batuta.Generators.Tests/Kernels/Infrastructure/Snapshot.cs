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
        string directory = Path.Combine(Path.GetDirectoryName(caller)!, "Snapshots");
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
}
