using System.Text.RegularExpressions;

namespace Batuta.Core.Phases.Validation;

/// <summary>
/// Golden file-access traces: runs a program under <c>strace -f -e trace=file</c> and keeps the
/// accesses to paths inside the sandbox (the interpreter's and runtime's own files are noise).
/// </summary>
public static partial class StraceRunner
{
    public const string Strace = "/usr/bin/strace";

    public static string Require() => File.Exists(Strace)
        ? Strace
        : throw new InvalidOperationException($"{Strace} is missing: BatutaValidationTrace needs strace (apt-get install strace; ./build.sh setup does it).");

    public static IReadOnlyList<string> Arguments(string logPath, string fileName, IReadOnlyList<string> arguments) =>
        ["-f", "-qq", "-e", "trace=open,openat,creat,unlink,unlinkat,rename,renameat,renameat2", "-o", logPath, fileName, .. arguments];

    public static IReadOnlyList<TracedFile> FilesUnder(string logPath, string sandbox)
    {
        if (!File.Exists(logPath)) return [];
        var root = Path.GetFullPath(sandbox).TrimEnd('/') + "/";
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(logPath))
        {
            if (Access(line, root) is { } access) set.Add(access);
        }
        return set.Select(s => new TracedFile(s[(s.IndexOf(' ') + 1)..], s[..s.IndexOf(' ')])).ToList();
    }

    /// <summary>"read rel" or "write rel" for a successful file call on a path inside <paramref name="root"/>; null for any other line.</summary>
    private static string? Access(string line, string root)
    {
        var m = Call().Match(line);
        if (!m.Success || line.Contains("= -1", StringComparison.Ordinal) || line.Contains("O_DIRECTORY", StringComparison.Ordinal)) return null;
        var path = m.Groups["path"].Value;
        if (!path.StartsWith('/')) path = root + path;
        if (!path.StartsWith(root, StringComparison.Ordinal)) return null;
        var rel = path[root.Length..];
        if (rel.Length == 0 || rel.Contains("__pycache__", StringComparison.Ordinal)) return null;
        return $"{(IsWrite(line, m.Groups["call"].Value) ? "write" : "read")} {rel}";
    }

    private static bool IsWrite(string line, string call) =>
        line.Contains("O_WRONLY", StringComparison.Ordinal) || line.Contains("O_RDWR", StringComparison.Ordinal)
        || line.Contains("O_CREAT", StringComparison.Ordinal) || call is "unlink" or "unlinkat" or "rename" or "renameat" or "renameat2";

    [GeneratedRegex("""(?<call>open|openat|creat|unlink|unlinkat|rename|renameat2?)\((?:AT_FDCWD, )?"(?<path>[^"]+)"(?=[,)])""")]
    private static partial Regex Call();
}
