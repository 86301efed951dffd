namespace Batuta.Python.Runtime.Modules;

/// <summary>An os.PathLike value: where a str path is wanted (open(), os.path functions), its text stands in.</summary>
public interface IPyPathLike
{
    string FsPath();
}

/// <summary>
/// <c>pathlib.Path</c> on POSIX (CPython shows it as <c>PosixPath('...')</c>): the pure path algebra (parts, name, suffix,
/// parent, <c>/</c>, with_suffix, relative_to...) and the common file-system methods. Paths normalise as CPython's do
/// ("a//b/./c/" is "a/b/c", "" is "."); ".." is kept.
/// </summary>
public sealed partial class PyPath : PyObject, IPyPathLike, IPyNumber, IPyReflectedNumber, IPyOrdered, IPyHashable, IPyAttributes
{
    private readonly string _root;
    private readonly string[] _parts;

    private PyPath(string root, string[] parts)
    {
        _root = root;
        _parts = parts;
    }

    /// <summary>Path(*segments): later absolute segments replace what came before, as os.path.join.</summary>
    public PyPath(params object?[] segments)
    {
        string root = "";
        var parts = new List<string>();
        foreach (var seg in segments)
        {
            string s = Text(seg);
            if (s.StartsWith('/')) { root = "/"; parts.Clear(); }
            parts.AddRange(s.Split('/').Where(p => p.Length > 0 && p != "."));
        }
        _root = root;
        _parts = [.. parts];
    }

    private static string Text(object? seg) => seg switch
    {
        string s => s,
        IPyPathLike p => p.FsPath(),
        _ => throw new TypeError($"argument should be a str or an os.PathLike object where __fspath__ returns a str, not '{Dyn.TypeName(seg)}'"),
    };

    public override string PyTypeName => "PosixPath";

    public string FsPath() => _parts.Length == 0 ? (_root.Length > 0 ? _root : ".") : _root + string.Join("/", _parts);

    public override string PyStr() => FsPath();
    public override string PyRepr() => $"PosixPath({Repr.Of(FsPath())})";

    public string Name => _parts.Length == 0 ? "" : _parts[^1];

    public string Suffix
    {
        get
        {
            int i = Name.LastIndexOf('.');
            return i > 0 && i < Name.Length - 1 ? Name[i..] : "";
        }
    }

    public string Stem
    {
        get
        {
            int i = Name.LastIndexOf('.');
            return i > 0 && i < Name.Length - 1 ? Name[..i] : Name;
        }
    }

    public PyList<string> Suffixes
    {
        get
        {
            if (Name.EndsWith('.')) return [];
            var split = Name.TrimStart('.').Split('.');
            return new PyList<string>(split.Skip(1).Select(s => "." + s));
        }
    }

    public PyPath Parent => _parts.Length == 0 ? this : new PyPath(_root, _parts[..^1]);

    public PyList<object?> Parents()
    {
        var result = new PyList<object?>();
        for (var p = this; p._parts.Length > 0;) result.Append(p = p.Parent);
        return result;
    }

    public PyTuple Parts() => new([.. (_root.Length > 0 ? new[] { _root } : []).Concat(_parts).Cast<object?>()]);

    public bool IsAbsolute => _root.Length > 0;

    public PyPath JoinPath(params object?[] others) => new([this, .. others]);

    public PyPath WithName(string name)
    {
        if (Name.Length == 0) throw new ValueError($"{PyRepr()} has an empty name");
        if (name.Length == 0 || name.Contains('/') || name == ".") throw new ValueError($"Invalid name {Repr.Of(name)}");
        return new PyPath(_root, [.. _parts[..^1], name]);
    }

    public PyPath WithSuffix(string suffix)
    {
        if (suffix.Contains('/') || suffix.Length > 0 && (!suffix.StartsWith('.') || suffix == ".")) throw new ValueError($"Invalid suffix {Repr.Of(suffix)}");
        if (Name.Length == 0) throw new ValueError($"{PyRepr()} has an empty name");
        return new PyPath(_root, [.. _parts[..^1], Stem + suffix]);
    }

    public PyPath WithStem(string stem) => WithName(stem + Suffix);

    public PyPath RelativeTo(object? other)
    {
        var o = other as PyPath ?? new PyPath(other);
        bool inside = o._root == _root && o._parts.Length <= _parts.Length && o._parts.SequenceEqual(_parts.Take(o._parts.Length));
        if (!inside) throw new ValueError($"{Repr.Of(FsPath())} is not in the subpath of {Repr.Of(o.FsPath())} OR one path is relative and the other is absolute.");
        return new PyPath("", _parts[o._parts.Length..]);
    }

    public bool IsRelativeTo(object? other)
    {
        var o = other as PyPath ?? new PyPath(other);
        return o._root == _root && o._parts.Length <= _parts.Length && o._parts.SequenceEqual(_parts.Take(o._parts.Length));
    }

    // `/` joins; `"str" / path` too
    public object? PyTrueDiv(object? other) => other is string or IPyPathLike ? new PyPath(this, other) : throw Unsupported("/", this, other);
    public object? PyRTrueDiv(object? other) => other is string ? new PyPath(other, this) : throw Unsupported("/", other, this);
    public object? PyAdd(object? other) => throw Unsupported("+", this, other);
    public object? PySub(object? other) => throw Unsupported("-", this, other);
    public object? PyMul(object? other) => throw Unsupported("*", this, other);
    public object? PyRAdd(object? other) => throw Unsupported("+", other, this);
    public object? PyRSub(object? other) => throw Unsupported("-", other, this);
    public object? PyRMul(object? other) => throw Unsupported("*", other, this);

    // ordered and equal as their parts (CPython compares the str form part by part)
    public int PyCompare(object? other)
    {
        if (other is not PyPath o) throw new TypeError($"'<' not supported between instances of 'PosixPath' and '{Dyn.TypeName(other)}'");
        var x = Parts().Select(Str.Of).ToList();
        var y = o.Parts().Select(Str.Of).ToList();
        for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            int c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Count.CompareTo(y.Count);
    }

    private static TypeError Unsupported(string op, object? a, object? b) =>
        new($"unsupported operand type(s) for {op}: '{Dyn.TypeName(a)}' and '{Dyn.TypeName(b)}'");

    public override bool Equals(object? obj) => obj is PyPath o && o.FsPath() == FsPath();
    public override int GetHashCode() => FsPath().GetHashCode(StringComparison.Ordinal);
    public long PyHash() => Dyn.PyHashOf(FsPath());
}
