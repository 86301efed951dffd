namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// An entry of <c>os.scandir</c>: <c>name</c>, <c>path</c> (the scanned directory joined with the name, as CPython),
/// <c>is_file() is_dir() is_symlink() stat()</c>.
/// </summary>
public sealed class OsDirEntry(string directory, string name) : IPyObject, IPyTyped, IPyAttributes
{
    public string Name { get; } = name;

    public string Path { get; } = OsPath.Join(directory, name);

    public string PyTypeName => "DirEntry";

    public bool TryGetAttr(string attr, out object? value)
    {
        value = attr switch { "name" => Name, "path" => Path, _ => null };
        return value is not null;
    }

    public bool IsFile() => File.Exists(Path);

    public bool IsDir() => Directory.Exists(Path);

    public bool IsSymlink() => new FileInfo(Path).LinkTarget is not null;

    public PyStatResult Stat() => OsStat.Stat(Path);

    public string PyRepr() => $"<DirEntry {Repr.Of(Name)}>";

    public string PyStr() => PyRepr();
}

/// <summary>
/// What <c>os.scandir</c> returns: its entries once, as CPython's iterator (a second pass finds none), and a context
/// manager (<c>with os.scandir(p) as it:</c>) that closes it.
/// </summary>
public sealed class OsScandirIterator(IEnumerable<OsDirEntry> entries) : IEnumerable<object?>, IDisposable, IPyObject, IPyTyped
{
    private readonly List<OsDirEntry> _entries = entries.ToList();
    private int _next;

    public string PyTypeName => "ScandirIterator";

    public IEnumerator<object?> GetEnumerator()
    {
        while (_next < _entries.Count) yield return _entries[_next++];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Close() => _next = _entries.Count;

    public void Dispose() => Close();

    public string PyRepr() => $"<posix.ScandirIterator object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();
}
