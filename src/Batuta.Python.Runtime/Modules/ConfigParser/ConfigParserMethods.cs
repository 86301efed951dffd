using System.Collections;

namespace Batuta.Python.Runtime.Modules;

/// <summary>ConfigParser's methods as dynamic code calls them (positional or keyword arguments, Python values back).</summary>
public sealed partial class ConfigParser : IPyKeywordMethods
{
    /// <summary>fallback= not given (None is a fallback).</summary>
    private static readonly object Unset = new();

    private static readonly Dictionary<string, Func<ConfigParser, ConfigArgs, object?>> Methods = new(StringComparer.Ordinal)
    {
        ["read_string"] = (c, a) => { c.ReadString(a.Str(0, "string"), a.Get(1, "source") is string s ? s : "<string>"); return null; },
        ["read"] = (c, a) => c.ReadFiles(a.Required(0, "filenames")),
        ["read_file"] = (c, a) => { c.Read(Str.Of(Dyn.CallMethod(a.Required(0, "f"), "read")), a.Get(1, "source") is string s ? s : FileName(a.Get(0, "f"))); return null; },
        ["read_dict"] = (c, a) => { c.ReadDict(a.Required(0, "dictionary"), a.Get(1, "source") is string s ? s : "<dict>"); return null; },
        ["sections"] = (c, _) => c.Sections(),
        ["has_section"] = (c, a) => c.HasSection(a.Str(0, "section")),
        ["add_section"] = (c, a) => { c.AddSection(a.Required(0, "section")); return null; },
        ["remove_section"] = (c, a) => c.RemoveSection(a.Str(0, "section")),
        ["options"] = (c, a) => c.Options(a.Str(0, "section")),
        ["has_option"] = (c, a) => c.HasOption(a.Get(0, "section") as string, a.Str(1, "option")),
        ["remove_option"] = (c, a) => c.RemoveOption(a.Str(0, "section"), a.Str(1, "option")),
        ["set"] = (c, a) => { c.Set(a.Str(0, "section"), a.Required(1, "option"), a.Get(2, "value")); return null; },
        ["defaults"] = (c, _) => c.Defaults(),
        ["write"] = (c, a) => { c.Write(a.Required(0, "fp"), a.Get(1, "space_around_delimiters") is not bool b || b); return null; },
        ["items"] = (c, a) => a.Get(0, "section") is string s ? c.Items(s, Dyn.Truth(a.Get(-1, "raw")), a.Get(-1, "vars"))
            : new PyList<PyTuple>(c.SectionNames(withDefault: true).Select(n => new PyTuple(n, c.PyGetItem(n)))),
        ["get"] = (c, a) => c.GetWith(a, v => v),
        ["getint"] = (c, a) => c.GetWith(a, v => Py.Int(Str.Of(v))),
        ["getfloat"] = (c, a) => c.GetWith(a, v => Py.Float(Str.Of(v))),
        ["getboolean"] = (c, a) => c.GetWith(a, v => ToBoolean(Str.Of(v))),
    };

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) =>
        Methods.TryGetValue(name, out var method) ? method(this, new ConfigArgs(name, args, kwargs)) : throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'");

    private static string FileName(object? f) => f is PyTextIO file ? file.Name : "<???>";

    /// <summary>get/getint/getfloat/getboolean(section, option, *, raw, vars, fallback): a missing section or option gives the fallback when there is one.</summary>
    private object? GetWith(ConfigArgs a, Func<string?, object?> convert)
    {
        object? fallback = a.Kwargs.ContainsKey("fallback") ? a.Kwargs["fallback"] : Unset;
        string? value;
        try { value = Get(a.Str(0, "section"), a.Str(1, "option"), Dyn.Truth(a.Get(-1, "raw")), a.Get(-1, "vars")); }
        catch (ConfigParserError e) when (e is NoSectionError or NoOptionError && fallback != Unset) { return fallback; }
        return convert(value);
    }

    /// <summary>RawConfigParser.BOOLEAN_STATES.</summary>
    internal static bool ToBoolean(string value) => value.ToLowerInvariant() switch
    {
        "1" or "yes" or "true" or "on" => true,
        "0" or "no" or "false" or "off" => false,
        _ => throw new ValueError($"Not a boolean: {value}"),
    };

    /// <summary>The arguments of one call: by position, else by keyword (index -1: keyword-only).</summary>
    internal readonly struct ConfigArgs(string method, object?[] args, PyDict<string, object?> kwargs)
    {
        public PyDict<string, object?> Kwargs => kwargs;

        public object? Get(int i, string key) => i >= 0 && i < args.Length ? args[i] : kwargs.Get(key);

        public object? Required(int i, string key) => i < args.Length || kwargs.ContainsKey(key) ? Get(i, key)
            : throw new TypeError($"{method}() missing 1 required positional argument: '{key}'");

        public string Str(int i, string key) => Required(i, key) is string s ? s : Runtime.Str.Of(Required(i, key));
    }
}

/// <summary>
/// configparser.SectionProxy: <c>cp[section]</c>, a mapping view of one section (DEFAULT's options included): a dict
/// to <c>dict(proxy)</c> and <c>in</c> (which folds the option's case, as the parser does).
/// </summary>
public sealed class SectionProxy(ConfigParser parser, string name) : IPyObject, IPyTyped, IPyKeywordMethods, IPyGetItem, IPySetItem, IPyDict, IPyAttributes, IEnumerable<object?>
{
    public ConfigParser Parser { get; } = parser;

    public string Name { get; } = name;

    public string PyTypeName => "SectionProxy";

    internal IEnumerable<string> Keys() => Name == ConfigParser.DefaultSection ? Parser.Defaults().Keys() : Parser.Options(Name);

    public object? PyGetItem(object? key)
    {
        string option = Str.Of(key);
        if (!Parser.HasOption(Name, option)) throw new KeyError(key);
        return Parser.Get(Name, option);
    }

    public void PySetItem(object? key, object? value) => Parser.Set(Name, key, value);

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        return name switch
        {
            "get" or "getint" or "getfloat" or "getboolean" => Parser.CallMethod(name, [Name, args.Length > 0 ? args[0] : kwargs.Get("option")], WithFallback(args, kwargs)),
            "keys" => new PyList<string>(Keys()),
            "values" => new PyList<object?>(Keys().Select(k => PyGetItem(k))),
            "items" => new PyList<PyTuple>(Keys().Select(k => new PyTuple(k, PyGetItem(k)))),
            _ => throw new AttributeError($"'SectionProxy' object has no attribute '{name}'"),
        };
    }

    /// <summary>SectionProxy.get(option, fallback=None, *, raw, vars): the parser's keywords, with fallback None by default.</summary>
    private static PyDict<string, object?> WithFallback(object?[] args, PyDict<string, object?> kwargs)
    {
        var kw = new PyDict<string, object?>();
        foreach (var k in kwargs.Keys()) kw[k] = kwargs[k];
        if (args.Length > 1) kw["fallback"] = args[1];
        else if (!kw.ContainsKey("fallback")) kw["fallback"] = null;
        return kw;
    }

    public bool TryGetAttr(string attr, out object? value)
    {
        value = attr switch { "name" => Name, "parser" => Parser, _ => null };
        return value is not null;
    }

    public int Count => Keys().Count();

    public IEnumerable<KeyValuePair<object?, object?>> ItemsObject() => Keys().Select(k => new KeyValuePair<object?, object?>(k, PyGetItem(k)));

    public object? GetItem(object? key) => PyGetItem(key);

    public bool ContainsKeyObject(object? key) => key is string option && Parser.HasOption(Name, option);

    public void DeleteObject(object? key)
    {
        if (!(key is string option && Parser.RemoveOption(Name, option))) throw new KeyError(key);
    }

    public IEnumerator<object?> GetEnumerator() => Keys().Cast<object?>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => $"<Section: {Name}>";

    public string PyStr() => PyRepr();
}
