using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>A value whose methods take Python keyword arguments (called from dynamic code).</summary>
public interface IPyKeywordMethods
{
    object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs);
}

/// <summary><c>argparse.Namespace</c>: attributes by name.</summary>
public sealed class Namespace : PyObject, IPyAttributes
{
    public PyDict<string, object?> Values { get; } = new();
    public override string PyTypeName => "Namespace";
    public bool TryGetAttr(string name, out object? value) => Values.TryGetValue(name, out value);
    public override string PyRepr() => "Namespace(" + string.Join(", ", Values.Items().Select(kv => kv.Item1 + "=" + Repr.Of(kv.Item2))) + ")";
}

/// <summary>
/// The common core of <c>argparse.ArgumentParser</c>: positionals, <c>--options</c> (type, default, choices,
/// <c>store_true</c>, <c>nargs='?'</c>), sub-commands, CPython's usage line and error exit (status 2).
/// </summary>
public sealed class ArgumentParser : PyObject, IPyKeywordMethods
{
    private sealed class Spec
    {
        public List<string> Names = new();
        public string Dest = "";
        public bool Positional;
        public string? Action;
        public object? Type;
        public object? Default;
        public bool Required;
        public PyList<object?>? Choices;
        public string? Nargs;
        public string? Help;
        public string? Metavar;
    }

    private readonly List<Spec> _specs = new();
    private readonly Dictionary<string, ArgumentParser> _subparsers = new(StringComparer.Ordinal);
    private string? _subDest;
    private bool _subRequired;

    public ArgumentParser(PyDict<string, object?> kwargs)
    {
        Prog = kwargs.Get("prog") as string ?? Path.GetFileName(Sys.Argv.Count > 0 ? Sys.Argv[0] : "prog");
        Description = kwargs.Get("description") as string;
    }

    public string Prog { get; private set; }
    public string? Description { get; }
    public override string PyTypeName => "ArgumentParser";

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "add_argument" => AddArgument(args.Select(a => (string)a!).ToArray(), kwargs),
        "add_subparsers" => AddSubparsers(kwargs),
        "add_parser" => AddParser((string)args[0]!, kwargs),
        "parse_args" => ParseArgs(args.Length > 0 ? ((System.Collections.IEnumerable)args[0]!).Cast<object?>().Select(x => (string)x!).ToList() : null),
        "print_help" => PrintHelp(),
        "print_usage" => PrintUsage(),
        "error" => Error((string)args[0]!),
        "format_usage" => Usage(),
        _ => throw new AttributeError($"'ArgumentParser' object has no attribute '{name}'"),
    };

    private object? AddArgument(string[] names, PyDict<string, object?> kw)
    {
        var s = new Spec { Names = names.ToList(), Positional = !names[0].StartsWith('-') };
        s.Dest = kw.Get("dest") as string ?? (s.Positional ? names[0] : names.FirstOrDefault(n => n.StartsWith("--", StringComparison.Ordinal)) ?? names[0]).TrimStart('-').Replace('-', '_');
        s.Action = kw.Get("action") as string;
        s.Type = kw.Get("type");
        s.Required = kw.Get("required") is true;
        s.Choices = kw.TryGetValue("choices", out var ch) && ch is not null ? new PyList<object?>(Dyn.Iter(ch)) : null;
        s.Nargs = kw.Get("nargs") as string;
        s.Help = kw.Get("help") as string;
        s.Metavar = kw.Get("metavar") as string;
        s.Default = kw.TryGetValue("default", out var d) ? d : s.Action == "store_true" ? false : s.Action == "store_false" ? true : s.Action == "count" ? null : null;
        _specs.Add(s);
        return null;
    }

    private object? AddSubparsers(PyDict<string, object?> kw)
    {
        _subDest = kw.Get("dest") as string;
        _subRequired = kw.Get("required") is true;
        return this;
    }

    private object? AddParser(string name, PyDict<string, object?> kw)
    {
        var p = new ArgumentParser(new PyDict<string, object?> { ["prog"] = Prog + " " + name, ["description"] = kw.Get("description") ?? kw.Get("help") });
        _subparsers[name] = p;
        return p;
    }

    public Namespace ParseArgs(IReadOnlyList<string>? argv = null)
    {
        var args = argv ?? Sys.Argv.Skip(1).ToList();
        var ns = new Namespace();
        Parse(args, ns);
        return ns;
    }

    private void Parse(IReadOnlyList<string> args, Namespace ns)
    {
        foreach (var s in _specs) ns.Values[s.Dest] = s.Default;
        if (_subDest is not null) ns.Values[_subDest] = null;
        var positionals = _specs.Where(s => s.Positional).ToList();
        int pi = 0;
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a is "-h" or "--help") { PrintHelp(); throw new SystemExit(new PyInt(0)); }
            if (a.StartsWith('-') && a.Length > 1 && !IsNumber(a))
            {
                string name = a, inline = null!;
                int eq = a.IndexOf('=');
                if (eq > 0) { name = a[..eq]; inline = a[(eq + 1)..]; }
                var spec = _specs.FirstOrDefault(s => !s.Positional && s.Names.Contains(name));
                if (spec is null) Error($"unrecognized arguments: {a}");
                if (spec!.Action == "store_true") { ns.Values[spec.Dest] = true; continue; }
                if (spec.Action == "store_false") { ns.Values[spec.Dest] = false; continue; }
                if (spec.Action == "count") { ns.Values[spec.Dest] = (ns.Values.Get(spec.Dest) is PyInt c ? c : 0) + 1; continue; }
                string? value = inline;
                if (spec.Action == "append")
                {
                    if (value is null)
                    {
                        if (i + 1 >= args.Count) Error($"argument {string.Join("/", spec.Names)}: expected one argument");
                        value = args[++i];
                    }
                    var list = ns.Values.Get(spec.Dest) as PyList<object?> ?? new PyList<object?>();
                    if (ReferenceEquals(list, spec.Default)) list = list.Copy();
                    list.Append(Convert(spec, value!));
                    ns.Values[spec.Dest] = list;
                    continue;
                }
                if (value is null)
                {
                    if (i + 1 >= args.Count || (args[i + 1].StartsWith('-') && !IsNumber(args[i + 1]))) Error($"argument {string.Join("/", spec.Names)}: expected one argument");
                    value = args[++i];
                }
                ns.Values[spec.Dest] = Convert(spec, value!);
                continue;
            }
            if (pi < positionals.Count)
            {
                ns.Values[positionals[pi].Dest] = Convert(positionals[pi], a);
                pi++;
                continue;
            }
            if (_subDest is not null || _subparsers.Count > 0)
            {
                if (!_subparsers.TryGetValue(a, out var sub))
                    Error($"argument {_subDest ?? "command"}: invalid choice: {Repr.Of(a)} (choose from {string.Join(", ", _subparsers.Keys.Select(k => Repr.Of(k)))})");
                if (_subDest is not null) ns.Values[_subDest] = a;
                sub!.Parse(args.Skip(i + 1).ToList(), ns);
                CheckRequired(positionals, pi);
                return;
            }
            Error($"unrecognized arguments: {string.Join(" ", args.Skip(i))}");
        }
        CheckRequired(positionals, pi);
        if (_subRequired && _subDest is not null && ns.Values.Get(_subDest) is null) Error($"the following arguments are required: {_subDest}");
    }

    private void CheckRequired(List<Spec> positionals, int given)
    {
        var missing = positionals.Skip(given).Where(p => p.Nargs is not ("?" or "*")).Select(p => p.Metavar ?? p.Dest).ToList();
        missing.AddRange(_specs.Where(s => !s.Positional && s.Required).Select(s => string.Join("/", s.Names)));
        if (missing.Count > 0) Error("the following arguments are required: " + string.Join(", ", missing));
    }

    private static bool IsNumber(string s) => double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private object? Convert(Spec s, string value)
    {
        object? v = value;
        try
        {
            v = s.Type switch
            {
                null => value,
                Func<object?, PyInt> f => f(value),
                Func<object?, double> f => f(value),
                Func<object?, string> f => f(value),
                Delegate d => Dyn.Call(d, value),
                _ => value,
            };
        }
        catch (ValueError)
        {
            var tn = s.Type is Func<object?, PyInt> ? "int" : s.Type is Func<object?, double> ? "float" : "value";
            Error($"argument {(s.Positional ? s.Dest : string.Join("/", s.Names))}: invalid {tn} value: {Repr.Of(value)}");
        }
        if (s.Choices is not null && !s.Choices.Any(c => Dyn.Eq(c, v)))
            Error($"argument {(s.Positional ? s.Dest : string.Join("/", s.Names))}: invalid choice: {Repr.Of(v)} (choose from {string.Join(", ", s.Choices.Select(Repr.Of))})");
        return v;
    }

    public string Usage()
    {
        var sb = new StringBuilder("usage: ").Append(Prog).Append(" [-h]");
        foreach (var s in _specs.Where(s => !s.Positional))
        {
            var n = s.Names.First();
            sb.Append(' ').Append(s.Required ? "" : "[").Append(n);
            if (s.Action is not ("store_true" or "store_false" or "count")) sb.Append(' ').Append(s.Metavar ?? s.Dest.ToUpperInvariant());
            sb.Append(s.Required ? "" : "]");
        }
        foreach (var s in _specs.Where(s => s.Positional)) sb.Append(' ').Append(s.Nargs == "?" ? "[" + (s.Metavar ?? s.Dest) + "]" : s.Metavar ?? s.Dest);
        if (_subparsers.Count > 0) sb.Append(" {").Append(string.Join(",", _subparsers.Keys)).Append("} ...");
        return sb.Append('\n').ToString();
    }

    private object? PrintUsage()
    {
        Sys.StdoutWriter.Write(Usage());
        return null;
    }

    private object? PrintHelp()
    {
        var w = Sys.StdoutWriter;
        w.Write(Usage());
        if (Description is not null) w.Write("\n" + Description + "\n");
        var pos = _specs.Where(s => s.Positional).ToList();
        if (pos.Count > 0 || _subparsers.Count > 0)
        {
            w.Write("\npositional arguments:\n");
            if (_subparsers.Count > 0) w.Write("  {" + string.Join(",", _subparsers.Keys) + "}\n");
            foreach (var s in pos) w.Write(Row(s.Metavar ?? s.Dest, s.Help));
        }
        w.Write("\noptions:\n");
        w.Write(Row("-h, --help", "show this help message and exit"));
        foreach (var s in _specs.Where(s => !s.Positional))
        {
            var label = string.Join(", ", s.Names.Select(n => s.Action is "store_true" or "store_false" or "count" ? n : n + " " + (s.Metavar ?? s.Dest.ToUpperInvariant())));
            w.Write(Row(label, s.Help));
        }
        return null;
    }

    private static string Row(string label, string? help)
    {
        if (help is null) return "  " + label + "\n";
        return label.Length <= 20 ? "  " + label.PadRight(22) + help + "\n" : "  " + label + "\n" + new string(' ', 24) + help + "\n";
    }

    private object? Error(string message)
    {
        Sys.StdoutWriter.Flush();
        Sys.StderrWriter.Write(Usage() + Prog + ": error: " + message + "\n");
        throw new SystemExit(new PyInt(2));
    }
}
