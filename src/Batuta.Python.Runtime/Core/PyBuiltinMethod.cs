namespace Batuta.Python.Runtime;

/// <summary>
/// A method of a builtin value taken without calling it (<c>rl = sys.stdin.readline</c>, <c>push = stack.append</c>):
/// calling it is the dynamic method call on the value. <see cref="Has"/> is what <c>hasattr</c> sees.
/// </summary>
public sealed class PyBuiltinMethod(object self, string name) : IPyCallable, IPyObject
{
    private static readonly string[] DictMethods = ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"];

    private static readonly Dictionary<string, HashSet<string>> Methods = new(StringComparer.Ordinal)
    {
        ["str"] = new(StringComparer.Ordinal)
        {
            "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map", "index",
            "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace",
            "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix",
            "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip",
            "swapcase", "title", "translate", "upper", "zfill",
        },
        ["list"] = new(StringComparer.Ordinal) { "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort" },
        ["dict"] = new(DictMethods, StringComparer.Ordinal),
        ["defaultdict"] = new(DictMethods, StringComparer.Ordinal),
        ["OrderedDict"] = new(DictMethods.Append("move_to_end"), StringComparer.Ordinal),
        ["Counter"] = new(DictMethods.Concat(["elements", "most_common", "subtract", "total"]), StringComparer.Ordinal),
        ["set"] = new(StringComparer.Ordinal)
        {
            "add", "clear", "copy", "difference", "difference_update", "discard", "intersection", "intersection_update", "isdisjoint",
            "issubset", "issuperset", "pop", "remove", "symmetric_difference", "symmetric_difference_update", "union", "update",
        },
        ["frozenset"] = new(StringComparer.Ordinal) { "copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union" },
        ["tuple"] = new(StringComparer.Ordinal) { "count", "index" },
        ["int"] = new(StringComparer.Ordinal) { "as_integer_ratio", "bit_count", "bit_length", "conjugate", "to_bytes" },
        ["float"] = new(StringComparer.Ordinal) { "as_integer_ratio", "conjugate", "hex", "is_integer" },
        ["deque"] = new(StringComparer.Ordinal) { "append", "appendleft", "clear", "copy", "count", "extend", "extendleft", "index", "insert", "pop", "popleft", "remove", "reverse", "rotate" },
        ["TextIOWrapper"] = new(StringComparer.Ordinal) { "close", "fileno", "flush", "isatty", "read", "readable", "readline", "readlines", "seek", "seekable", "tell", "truncate", "writable", "write", "writelines" },
        ["_io.StringIO"] = new(StringComparer.Ordinal) { "close", "fileno", "flush", "getvalue", "isatty", "read", "readable", "readline", "readlines", "seek", "seekable", "tell", "truncate", "writable", "write", "writelines" },
    };

    public object Self { get; } = self;

    public string Name { get; } = name;

    /// <summary>Whether the builtin type of <paramref name="o"/> has the method <paramref name="method"/>.</summary>
    public static bool Has(object o, string method) =>
        Methods.TryGetValue(Dyn.TypeName(o), out var names) ? names.Contains(method)
        : o is IPyDataclass and System.Runtime.CompilerServices.ITuple && method is "_asdict" or "_replace" or "count" or "index";

    public object? PyCall(object?[] args) => Dyn.CallMethod(Self, Name, args);

    public string PyRepr() => $"<built-in method {Name} of {Dyn.TypeName(Self)} object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Self):x12}>";

    public string PyStr() => PyRepr();
}
