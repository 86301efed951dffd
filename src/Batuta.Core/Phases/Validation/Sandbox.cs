using System.Security.Cryptography;

namespace Batuta.Core.Phases.Validation;

public sealed record TracedFile(string Path, string Access)
{
    public override string ToString() => $"{Access} {Path}";
}

/// <summary>One program run in its sandbox: the process outcome, the files it wrote, and (when traced) the files it touched.</summary>
public sealed record SandboxRun(ProcessOutcome Process, IReadOnlyList<(string Path, string Hash)> WrittenFiles, IReadOnlyList<TracedFile>? TracedFiles);

/// <summary>
/// A fresh copy of the legacy tree for one run, so the two programs see identical inputs and what
/// each wrote can be compared. The copy is replaced on every run, never reused.
/// </summary>
public static class Sandbox
{
    public static SandboxRun Run(string sourceRoot, string sandboxDirectory, bool trace, string fileName, IReadOnlyList<string> arguments,
        string? stdin, TimeSpan timeout, IDictionary<string, string?>? environment = null)
    {
        if (Directory.Exists(sandboxDirectory)) Directory.Delete(sandboxDirectory, recursive: true);
        Copy(sourceRoot, sandboxDirectory);
        var before = Snapshot(sandboxDirectory);

        ProcessOutcome outcome;
        IReadOnlyList<TracedFile>? traced = null;
        if (trace)
        {
            var log = sandboxDirectory + ".strace";
            outcome = ProcessRunner.Run(StraceRunner.Require(), StraceRunner.Arguments(log, fileName, arguments), sandboxDirectory, stdin, timeout, environment);
            traced = StraceRunner.FilesUnder(log, sandboxDirectory);
        }
        else
        {
            outcome = ProcessRunner.Run(fileName, arguments, sandboxDirectory, stdin, timeout, environment);
        }

        var after = Snapshot(sandboxDirectory);
        var written = after.Where(kv => !before.TryGetValue(kv.Key, out var h) || h != kv.Value)
                           .Select(kv => (kv.Key, kv.Value))
                           .Concat(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => (k, "deleted-----")))
                           .OrderBy(x => x.Item1, StringComparer.Ordinal)
                           .ToList();
        return new SandboxRun(outcome, written, traced);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from))
        {
            if (Path.GetFileName(f).StartsWith(".batuta", StringComparison.Ordinal)) continue;
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
        foreach (var d in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(d);
            if (name is "__pycache__" or ".git" or "bin" or "obj") continue;
            Copy(d, Path.Combine(to, name));
        }
    }

    private static Dictionary<string, string> Snapshot(string root)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, f).Replace('\\', '/');
            if (rel.Contains("__pycache__", StringComparison.Ordinal)) continue;
            using var stream = File.OpenRead(f);
            map[rel] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return map;
    }
}
