using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The file-system side of <c>pathlib.Path</c>: tests, reading and writing text and bytes, directories, and iterdir/glob/rglob.
/// Directory listings come sorted by name (CPython yields the file system's order, which is not defined).
/// </summary>
public sealed partial class PyPath : IPyKeywordMethods
{
    public static PyPath Cwd() => new(Directory.GetCurrentDirectory());
    public static PyPath Home() => new(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public bool Exists() => File.Exists(FsPath()) || Directory.Exists(FsPath());
    public bool IsFile() => File.Exists(FsPath());
    public bool IsDir() => Directory.Exists(FsPath());

    private FileNotFoundError NotFound() => new(2, "No such file or directory") { Filename = FsPath() };

    // read_text/write_text open the file as open() does: the same newline handling, encodings and errors
    public string ReadText(string? encoding = null, string? errors = null)
    {
        var f = PyTextIO.Open(FsPath(), "r", encoding, null, errors);
        try { return f.Read(); }
        finally { f.Close(); }
    }

    public long WriteText(string data, string? encoding = null, string? errors = null)
    {
        var f = PyTextIO.Open(FsPath(), "w", encoding, null, errors);
        try { f.Write(data); }
        finally { f.Close(); }
        return data.Length;
    }

    // read_bytes/write_bytes open the file as open(..., "rb"/"wb") does, with its errors
    public PyBytes ReadBytes()
    {
        var f = PyBinaryIO.Open(FsPath(), "rb");
        try { return f.Read(); }
        finally { f.Close(); }
    }

    public long WriteBytes(object? data)
    {
        var bytes = data switch
        {
            PyBytes b => b,
            PyByteArray a => new PyBytes(a.ToArray()),
            _ => throw new TypeError($"memoryview: a bytes-like object is required, not '{Dyn.TypeName(data)}'"),
        };
        var f = PyBinaryIO.Open(FsPath(), "wb");
        try { return f.Write(bytes); }
        finally { f.Close(); }
    }

    public void Mkdir(bool parents = false, bool existOk = false)
    {
        if (Exists())
        {
            if (existOk && IsDir()) return;
            throw new FileExistsError(17, "File exists") { Filename = FsPath() };
        }
        if (!parents && !Directory.Exists(Parent.FsPath())) throw NotFound();
        Directory.CreateDirectory(FsPath());
    }

    public void Touch(bool existOk = true)
    {
        if (Exists() && !existOk) throw new FileExistsError(17, "File exists") { Filename = FsPath() };
        if (!Directory.Exists(Parent.FsPath())) throw NotFound();
        if (!File.Exists(FsPath())) File.WriteAllBytes(FsPath(), []);
        else File.SetLastWriteTimeUtc(FsPath(), DateTime.UtcNow);
    }

    public void Unlink(bool missingOk = false)
    {
        if (File.Exists(FsPath())) File.Delete(FsPath());
        else if (!missingOk) throw NotFound();
    }

    public void Rmdir() => OsModule.Rmdir(FsPath());

    public PyPath Resolve() => new(OsPath.AbsPath(FsPath()));
    public PyPath Absolute() => IsAbsolute ? this : new PyPath(Directory.GetCurrentDirectory(), this);

    public IEnumerable<PyPath> IterDir()
    {
        if (!IsDir()) throw IsFile() ? new NotADirectoryError(20, "Not a directory") { Filename = FsPath() } : NotFound();
        return Children();
    }

    private IEnumerable<PyPath> Children() =>
        Directory.EnumerateFileSystemEntries(FsPath()).Select(e => Path.GetFileName(e) ?? "").OrderBy(n => n, StringComparer.Ordinal).Select(n => new PyPath(this, n));

    /// <summary>glob(pattern): segments matched one directory level at a time; "**" is this directory and every one below.</summary>
    public IEnumerable<PyPath> Glob(string pattern)
    {
        if (pattern.Length == 0) throw new ValueError($"Unacceptable pattern: {Repr.Of(pattern)}");
        if (pattern.StartsWith('/')) throw new NotSupportedException("Non-relative patterns are unsupported");
        IEnumerable<PyPath> current = [this];
        foreach (var seg in pattern.Split('/').Where(s => s.Length > 0 && s != "."))
        {
            var level = current.ToList();
            current = seg == "**" ? level.SelectMany(p => p.SelfAndBelow()) : level.Where(p => p.IsDir()).SelectMany(p => p.Children().Where(c => Matches(seg, c.Name)));
        }
        return current.Distinct().ToList();
    }

    public IEnumerable<PyPath> RGlob(string pattern) => Glob("**/" + pattern);

    private IEnumerable<PyPath> SelfAndBelow()
    {
        if (!IsDir()) yield break;
        yield return this;
        foreach (var child in Children().Where(c => c.IsDir() && new DirectoryInfo(c.FsPath()).LinkTarget is null))
            foreach (var p in child.SelfAndBelow()) yield return p;
    }

    /// <summary>fnmatch within one name: * ? [seq] [!seq], case-sensitive (POSIX).</summary>
    internal static bool Matches(string pattern, string name) => Regex.IsMatch(name, "^" + Translate(pattern) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static string Translate(string pat)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < pat.Length; i++)
        {
            char c = pat[i];
            int close = c == '[' ? pat.IndexOf(']', i + 2 <= pat.Length ? i + 2 : i + 1) : -1;
            if (c == '*') sb.Append(".*");
            else if (c == '?') sb.Append('.');
            else if (close > 0) { sb.Append(ClassOf(pat[(i + 1)..close])); i = close; }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }

    private static string ClassOf(string body)
    {
        bool negate = body.StartsWith('!');
        if (negate) body = body[1..];
        return "[" + (negate ? "^" : "") + body.Replace("\\", "\\\\").Replace("[", "\\[").Replace("^", "\\^") + "]";
    }

    public bool Match(string pattern)
    {
        var pats = pattern.Split('/').Where(s => s.Length > 0).ToArray();
        if (pattern.StartsWith('/') && (!IsAbsolute || pats.Length != _parts.Length)) return false;
        if (pats.Length > _parts.Length) return false;
        return pats.Reverse().Zip(_parts.Reverse()).All(z => Matches(z.First, z.Second));
    }
}
