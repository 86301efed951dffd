using System.Security.Cryptography;

namespace Batuta.Python.Runtime.Modules;

/// <summary>A path argument as CPython's os.fspath takes it: a str or an os.PathLike (a pathlib path).</summary>
internal static class FsArg
{
    public static string Of(object? p) => p switch
    {
        string s => s,
        IPyPathLike l => l.FsPath(),
        _ => throw new TypeError($"expected str, bytes or os.PathLike object, not {Dyn.TypeName(p)}"),
    };

    public static FileNotFoundError NotFound(string path) => new(2, "No such file or directory") { Filename = path };
}

/// <summary>
/// Python's <c>glob</c>: POSIX patterns matched one directory level at a time; wildcards skip names that start with a
/// dot unless the pattern does, as CPython. CPython lists each directory in the file system's order, which is not
/// defined; the names of each directory come sorted here (as the pathlib glob does).
/// </summary>
public static class GlobModule
{
    public static PyList<string> Glob(object? pathname, bool recursive = false) => new(IGlob(pathname, recursive));

    public static IEnumerable<string> IGlob(object? pathname, bool recursive = false)
    {
        var pattern = FsArg.Of(pathname);
        if (pattern.Length == 0) return [];
        IEnumerable<string> current = [pattern.StartsWith('/') ? "/" : ""];
        var segs = pattern.Split('/').Where(s => s.Length > 0).ToArray();
        for (int i = 0; i < segs.Length; i++) current = Step(current.ToList(), segs[i], i == segs.Length - 1, recursive);
        return pattern.EndsWith('/') ? current.Where(Directory.Exists).Select(p => p + "/").ToList() : current.ToList();
    }

    /// <summary>One pattern segment against every path matched so far; only the last one may match files.</summary>
    private static IEnumerable<string> Step(List<string> level, string seg, bool last, bool recursive)
    {
        if (recursive && seg == "**") return level.SelectMany(p => Below(p, last));
        if (!HasMagic(seg)) return level.Select(p => Join(p, seg)).Where(p => last ? LExists(p) : Directory.Exists(p));
        return level.SelectMany(p => Entries(p).Where(n => Matches(seg, n)).Select(n => Join(p, n)).Where(c => last || Directory.Exists(c)));
    }

    private static bool LExists(string p) => OsPath.Exists(p) || new FileInfo(p).LinkTarget is not null;

    /// <summary>glob.escape: the magic characters in brackets.</summary>
    public static string Escape(object? pathname) =>
        System.Text.RegularExpressions.Regex.Replace(FsArg.Of(pathname), @"([*?\[])", "[$1]");

    private static bool HasMagic(string s) => s.IndexOfAny(['*', '?', '[']) >= 0;

    private static bool Matches(string seg, string name) => (!name.StartsWith('.') || seg.StartsWith('.')) && PyPath.Matches(seg, name);

    private static string Join(string dir, string name) => dir.Length == 0 ? name : dir.EndsWith('/') ? dir + name : dir + "/" + name;

    private static IEnumerable<string> Entries(string dir)
    {
        try { return Directory.EnumerateFileSystemEntries(dir.Length == 0 ? "." : dir).Select(e => Path.GetFileName(e)).OrderBy(n => n, StringComparer.Ordinal).ToList(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
    }

    /// <summary>"**": the directory itself (as "dir/" when last, as CPython) and every non-hidden entry below it.</summary>
    private static IEnumerable<string> Below(string dir, bool last)
    {
        if (dir.Length > 0 && !Directory.Exists(dir)) return [];
        IEnumerable<string> self = !last ? [dir] : dir.Length > 0 ? [Join(dir, "")] : [];
        return self.Concat(Entries(dir).Where(n => !n.StartsWith('.')).SelectMany(n => Tree(Join(dir, n), last)));
    }

    /// <summary>A path and, for a directory (not a link to one), its non-hidden descendants; files only when last.</summary>
    private static IEnumerable<string> Tree(string path, bool last)
    {
        if (!Directory.Exists(path) || new DirectoryInfo(path).LinkTarget is not null) return last ? [path] : [];
        return Entries(path).Where(n => !n.StartsWith('.')).SelectMany(n => Tree(Join(path, n), last)).Prepend(path);
    }
}

/// <summary>Python's <c>shutil</c> file operations, with CPython's return values and errors.</summary>
public static partial class Shutil
{
    public static string CopyFile(object? src, object? dst)
    {
        string s = FsArg.Of(src), d = FsArg.Of(dst);
        if (!File.Exists(s)) throw Directory.Exists(s) ? new IsADirectoryError(21, "Is a directory") { Filename = s } : FsArg.NotFound(s);
        if (Directory.Exists(d)) throw new IsADirectoryError(21, "Is a directory") { Filename = d };
        if (OsPath.Exists(d) && Path.GetFullPath(s) == Path.GetFullPath(d)) throw new SameFileError(Repr.Of(s) + " and " + Repr.Of(d) + " are the same file");
        File.Copy(s, d, true);
        return d;
    }

    /// <summary>copy/copy2: into a directory under the source's name; copy2 keeps the times too.</summary>
    public static string Copy(object? src, object? dst) => CopyWith(src, dst, false);

    public static string Copy2(object? src, object? dst) => CopyWith(src, dst, true);

    private static string CopyWith(object? src, object? dst, bool times)
    {
        string s = FsArg.Of(src), d = FsArg.Of(dst);
        if (Directory.Exists(d)) d = OsPath.Join(d, OsPath.Basename(s));
        CopyFile(s, d);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(d, File.GetUnixFileMode(s));
        if (times) File.SetLastWriteTimeUtc(d, File.GetLastWriteTimeUtc(s));
        return d;
    }

    public static string CopyTree(object? src, object? dst, bool dirs_exist_ok = false)
    {
        string s = FsArg.Of(src), d = FsArg.Of(dst);
        if (!Directory.Exists(s)) throw FsArg.NotFound(s);
        if (Directory.Exists(d) && !dirs_exist_ok) throw new FileExistsError(17, "File exists") { Filename = d };
        Directory.CreateDirectory(d);
        foreach (var entry in Directory.EnumerateFileSystemEntries(s).Order(StringComparer.Ordinal))
        {
            var target = OsPath.Join(d, Path.GetFileName(entry));
            if (Directory.Exists(entry)) CopyTree(entry, target, dirs_exist_ok);
            else CopyWith(entry, target, true);
        }
        return d;
    }

    /// <summary>move: into a directory under the source's name (shutil.Error where that name exists), else a rename.</summary>
    public static string Move(object? src, object? dst)
    {
        string s = FsArg.Of(src), d = FsArg.Of(dst);
        if (Directory.Exists(d))
        {
            var inside = OsPath.Join(d, OsPath.Basename(s.TrimEnd('/')));
            if (OsPath.Exists(inside)) throw new ShutilError($"Destination path '{inside}' already exists");
            d = inside;
        }
        if (Directory.Exists(s)) Directory.Move(s, d);
        else if (File.Exists(s)) File.Move(s, d, true);
        else throw FsArg.NotFound(s);
        return d;
    }

    public static void RmTree(object? path, bool ignore_errors = false)
    {
        var p = FsArg.Of(path);
        if (Directory.Exists(p)) Directory.Delete(p, true);
        else if (ignore_errors) return;
        else if (File.Exists(p)) throw new NotADirectoryError(20, "Not a directory") { Filename = p };
        else throw FsArg.NotFound(p);
    }

    /// <summary>which: the first executable file of that name on PATH (or the path itself when it has a slash).</summary>
    public static string? Which(object? cmd)
    {
        var name = FsArg.Of(cmd);
        var dirs = name.Contains('/') ? [""] : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        return dirs.Select(dir => dir.Length == 0 ? name : OsPath.Join(dir, name)).FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string p) =>
        File.Exists(p) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(p) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}

/// <summary>Python's <c>tempfile</c>: names as CPython makes them (prefix "tmp", eight random [a-z0-9_] characters).</summary>
public static partial class TempFile
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789_";

    public static string GetTempDir() => (Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 } t ? t : "/tmp").TrimEnd('/') is { Length: > 0 } d ? d : "/";

    public static string MkDTemp(string? suffix = null, string? prefix = null, object? dir = null)
    {
        var path = NewName(suffix, prefix, dir);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    internal static string NewName(string? suffix, string? prefix, object? dir)
    {
        var parent = dir is null ? GetTempDir() : FsArg.Of(dir);
        while (true)
        {
            var path = OsPath.Join(parent, (prefix ?? "tmp") + RandomNumberGenerator.GetString(Letters, 8) + (suffix ?? ""));
            if (!OsPath.Exists(path)) return path;
        }
    }
}

/// <summary>tempfile.TemporaryDirectory: <c>with</c> binds its name; the tree goes at the block's end or on cleanup().</summary>
public sealed class PyTemporaryDirectory : PyObject
{
    public PyTemporaryDirectory(string? suffix = null, string? prefix = null, object? dir = null) => Name = TempFile.MkDTemp(suffix, prefix, dir);

    public override string PyTypeName => "TemporaryDirectory";

    public string Name { get; }

    public override string PyRepr() => $"<TemporaryDirectory {Repr.Of(Name)}>";

    public string __enter__() => Name;

    public bool __exit__(object? type, object? value, object? traceback)
    {
        Cleanup();
        return false;
    }

    public void Cleanup()
    {
        if (Directory.Exists(Name)) Directory.Delete(Name, true);
    }
}

/// <summary>shutil.Error (an OSError), raised by move where the destination exists.</summary>
public class ShutilError : OSError
{
    public ShutilError(string m) : base(m) { }
    protected override string? PyTypeNameOverride => "Error";
    public override string PyModule => "shutil";
}

/// <summary>shutil.SameFileError: copyfile onto its own source.</summary>
public sealed class SameFileError : ShutilError
{
    public SameFileError(string m) : base(m) { }
    protected override string? PyTypeNameOverride => "SameFileError";
}
