namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>os.walk</c> and the <c>os.path</c> functions that relate paths (<c>relpath</c>, <c>commonprefix</c>,
/// <c>commonpath</c>), with POSIX semantics as CPython's posixpath.
/// </summary>
public static class OsTree
{
    /// <summary>
    /// os.walk(top, topdown=True): (dirpath, dirnames, filenames) per directory. Names are sorted (CPython yields the file
    /// system's order, which is not defined); top-down, the walk descends into the dirnames list as the caller left it
    /// (pruning with <c>dirnames[:] = ...</c> or <c>remove</c> works). Symbolic links to directories are listed, not entered.
    /// An unreadable or missing top yields nothing, as CPython without onerror.
    /// </summary>
    public static IEnumerable<(string, PyList<string>, PyList<string>)> Walk(string top, bool topdown = true)
    {
        if (!Directory.Exists(top)) yield break;
        var dirs = new PyList<string>();
        var files = new PyList<string>();
        var links = new HashSet<string>(StringComparer.Ordinal);
        if (!TryList(top, dirs, files, links)) yield break;
        if (topdown) yield return (top, dirs, files);
        foreach (var d in dirs.ToList())
        {
            var sub = OsPath.Join(top, d);
            if (links.Contains(d)) continue;
            foreach (var row in Walk(sub, topdown)) yield return row;
        }
        if (!topdown) yield return (top, dirs, files);
    }

    private static bool TryList(string top, PyList<string> dirs, PyList<string> files, HashSet<string> links)
    {
        List<FileSystemInfo> entries;
        try { entries = new DirectoryInfo(top).EnumerateFileSystemInfos().OrderBy(x => x.Name, StringComparer.Ordinal).ToList(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
        foreach (var entry in entries)
        {
            // is_dir() follows a link: a link to a directory is a dirname, but walk does not enter it (followlinks=False)
            bool isDir = entry is DirectoryInfo || entry.LinkTarget is not null && Directory.Exists(entry.FullName);
            (isDir ? dirs : files).Append(entry.Name);
            if (isDir && entry.LinkTarget is not null) links.Add(entry.Name);
        }
        return true;
    }

    public static string RelPath(string path, string? start = null)
    {
        if (path.Length == 0) throw new ValueError("no path specified");
        var startParts = OsPath.AbsPath(start ?? ".").Split('/').Where(x => x.Length > 0).ToList();
        var pathParts = OsPath.AbsPath(path).Split('/').Where(x => x.Length > 0).ToList();
        int i = 0;
        while (i < startParts.Count && i < pathParts.Count && startParts[i] == pathParts[i]) i++;
        var rel = Enumerable.Repeat("..", startParts.Count - i).Concat(pathParts.Skip(i)).ToList();
        return rel.Count == 0 ? "." : string.Join("/", rel);
    }

    /// <summary>The longest common leading string (character by character, not by component), as CPython.</summary>
    public static string CommonPrefix<T>(IEnumerable<T> paths)
    {
        var list = paths.Select(p => Dyn.Cast<string>(p)).ToList();
        if (list.Count == 0) return "";
        string lo = list.Min(StringComparer.Ordinal) ?? "", hi = list.Max(StringComparer.Ordinal) ?? "";
        int n = 0;
        while (n < lo.Length && n < hi.Length && lo[n] == hi[n]) n++;
        return lo[..n];
    }

    /// <summary>The longest common sub-path, by components; CPython's errors for an empty list or mixed absolute/relative.</summary>
    public static string CommonPath<T>(IEnumerable<T> paths)
    {
        var list = paths.Select(p => Dyn.Cast<string>(p)).ToList();
        if (list.Count == 0) throw new ValueError("commonpath() arg is an empty sequence");
        bool abs = list[0].StartsWith('/');
        if (list.Any(p => p.StartsWith('/') != abs)) throw new ValueError("Can't mix absolute and relative paths");
        var split = list.Select(p => p.Split('/').Where(c => c.Length > 0 && c != ".").ToList()).ToList();
        var lo = split.MinBy(s => string.Join("\0", s), StringComparer.Ordinal) ?? [];
        var hi = split.MaxBy(s => string.Join("\0", s), StringComparer.Ordinal) ?? [];
        int n = 0;
        while (n < lo.Count && n < hi.Count && lo[n] == hi[n]) n++;
        return (abs ? "/" : "") + string.Join("/", lo.Take(n));
    }
}
