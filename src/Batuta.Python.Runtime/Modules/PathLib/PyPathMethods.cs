namespace Batuta.Python.Runtime.Modules;

/// <summary>Path's attributes and methods as dynamic code reaches them (keywords as CPython names them).</summary>
public sealed partial class PyPath
{
    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "name" => Name,
            "stem" => Stem,
            "suffix" => Suffix,
            "suffixes" => Suffixes,
            "parent" => Parent,
            "parents" => Parents(),
            "parts" => Parts(),
            "anchor" => _root,
            "root" => _root,
            _ => null,
        };
        return value is not null;
    }

    private static readonly Dictionary<string, Func<PyPath, PathArgs, object?>> Methods = new(StringComparer.Ordinal)
    {
        ["exists"] = (p, _) => p.Exists(),
        ["is_file"] = (p, _) => p.IsFile(),
        ["is_dir"] = (p, _) => p.IsDir(),
        ["is_absolute"] = (p, _) => p.IsAbsolute,
        ["as_posix"] = (p, _) => p.FsPath(),
        ["__fspath__"] = (p, _) => p.FsPath(),
        ["read_text"] = (p, a) => p.ReadText(a.Str(0, "encoding"), a.Str(1, "errors")),
        ["write_text"] = (p, a) => new PyInt(p.WriteText(a.Str(0, "data") ?? throw new TypeError("write_text() missing 1 required positional argument: 'data'"), a.Str(1, "encoding"), a.Str(2, "errors"))),
        ["read_bytes"] = (p, _) => p.ReadBytes(),
        ["write_bytes"] = (p, a) => new PyInt(p.WriteBytes(a.Get(0, "data"))),
        ["mkdir"] = (p, a) => { p.Mkdir(a.Flag(1, "parents", false), a.Flag(2, "exist_ok", false)); return null; },
        ["touch"] = (p, a) => { p.Touch(a.Flag(1, "exist_ok", true)); return null; },
        ["unlink"] = (p, a) => { p.Unlink(a.Flag(0, "missing_ok", false)); return null; },
        ["rmdir"] = (p, _) => { p.Rmdir(); return null; },
        ["resolve"] = (p, _) => p.Resolve(),
        ["absolute"] = (p, _) => p.Absolute(),
        ["expanduser"] = (p, _) => new PyPath(OsPath.ExpandUser(p.FsPath())),
        ["iterdir"] = (p, _) => p.IterDir().Cast<object?>(),
        ["glob"] = (p, a) => p.Glob(a.Str(0, "pattern") ?? "").Cast<object?>(),
        ["rglob"] = (p, a) => p.RGlob(a.Str(0, "pattern") ?? "").Cast<object?>(),
        ["joinpath"] = (p, a) => p.JoinPath(a.All),
        ["with_suffix"] = (p, a) => p.WithSuffix(a.Str(0, "suffix") ?? ""),
        ["with_name"] = (p, a) => p.WithName(a.Str(0, "name") ?? ""),
        ["with_stem"] = (p, a) => p.WithStem(a.Str(0, "stem") ?? ""),
        ["relative_to"] = (p, a) => p.RelativeTo(a.Get(0, "other")),
        ["is_relative_to"] = (p, a) => p.IsRelativeTo(a.Get(0, "other")),
        ["match"] = (p, a) => p.Match(a.Str(0, "path_pattern") ?? ""),
        ["open"] = (p, a) => PyTextIO.Open(p.FsPath(), a.Str(0, "mode") ?? "r", a.Str(2, "encoding"), a.Str(4, "newline")),
        ["stat"] = (p, _) => OsStat.Stat(p),
        ["owner"] = (p, _) => OsStat.UserName(OsStat.Stat(p).Uid),
        ["chmod"] = (p, a) => { OsStat.Chmod(p, Dyn.Cast<PyInt>(a.Get(0, "mode"))); return null; },
    };

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) =>
        Methods.TryGetValue(name, out var method) ? method(this, new PathArgs(args, kwargs)) : throw new AttributeError($"'PosixPath' object has no attribute '{name}'");

    private readonly struct PathArgs(object?[] args, PyDict<string, object?> kwargs)
    {
        public object?[] All => args;

        public object? Get(int i, string key) => i < args.Length ? args[i] : kwargs.Get(key);

        public string? Str(int i, string key) => Get(i, key) is { } v ? Dyn.Cast<string>(v) : null;

        public bool Flag(int i, string key, bool fallback) => Get(i, key) is { } v ? Dyn.Truth(v) : fallback;
    }
}
