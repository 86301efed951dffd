using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>A value whose methods take Python keyword arguments (called from dynamic code).</summary>
public interface IPyKeywordMethods
{
    object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs);
}

/// <summary>A function value that keeps its Python name (argparse's type= names it in errors).</summary>
public sealed class PyNamedFunction : IPyCallable, IPyKwCallable, IPyObject, IPyTyped, IPyAttributes
{
    /// <param name="defaults">Python's defaults of the trailing parameters, evaluated where the def ran.</param>
    public PyNamedFunction(string name, Delegate function, object?[]? defaults = null)
    {
        Name = name;
        Function = function;
        Defaults = defaults;
    }

    public string Name { get; }
    public Delegate Function { get; }
    public object?[]? Defaults { get; }

    /// <summary>How many trailing parameters are keyword-only (after <c>*</c> in the def).</summary>
    public int KeywordOnly { get; init; }

    public string PyTypeName => "function";
    public object? PyCall(object?[] args) => ArgumentBinder.Invoke(Name, Function, Defaults, args, null, KeywordOnly);
    public object? PyCall(object?[] args, PyDict<string, object?> kwargs) => ArgumentBinder.Invoke(Name, Function, Defaults, args, kwargs, KeywordOnly);
    public string PyRepr() => $"<function {Name} at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";
    public string PyStr() => PyRepr();

    private object? _wrapped;
    private bool _isWrapper;

    /// <summary>Under @functools.wraps(fn): fn, this wrapper's __wrapped__ (which only a wrapper has).</summary>
    public object? Wrapped { get => _wrapped; init { _wrapped = value; _isWrapper = true; } }

    /// <summary>The def's docstring: its __doc__ (None without one).</summary>
    public string? Doc { get; init; }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name is "__name__" or "__qualname__" ? Name : name == "__wrapped__" && _isWrapper ? _wrapped : name == "__doc__" ? Py.DocOf(this, _isWrapper, _wrapped, Doc) : null;
        return value is not null || (name == "__wrapped__" && _isWrapper) || name == "__doc__";
    }
}

/// <summary><c>argparse.Namespace</c>: attributes by name; repr in insertion order, as CPython 3.11's.</summary>
public sealed class Namespace : PyObject, IPyAttributes, IPySetAttr
{
    public PyDict<string, object?> Values { get; } = new();

    public Namespace() { }

    /// <summary><c>argparse.Namespace(a=1, **more)</c>: each part a mapping of keywords, in call order.</summary>
    public static Namespace From(params object?[] parts)
    {
        var ns = new Namespace();
        foreach (var part in parts)
            foreach (var kv in Py.MappingItems(part))
                ns.Values[kv.Key as string ?? throw new TypeError("keywords must be strings")] = kv.Value;
        return ns;
    }

    public override string PyTypeName => "Namespace";
    public bool TryGetAttr(string name, out object? value) => Values.TryGetValue(name, out value);
    public void SetAttr(string name, object? value) => Values[name] = value;
    public override string PyRepr()
    {
        // _AttributeHolder.__repr__ (3.11): attributes in insertion order, names that are not identifiers as **{...}
        var args = Values.Items().Where(kv => Text.PyStr.IsIdentifier(kv.Item1)).Select(kv => kv.Item1 + "=" + Repr.Of(kv.Item2)).ToList();
        var star = new PyDict<string, object?>(Values.Items().Where(kv => !Text.PyStr.IsIdentifier(kv.Item1)));
        if (star.Count > 0) args.Add("**" + star.PyRepr());
        return "Namespace(" + string.Join(", ", args) + ")";
    }
    public override bool Equals(object? obj) => obj is Namespace n && Dyn.Eq(Values, n.Values);
    public override int GetHashCode() => throw new TypeError("unhashable type: 'Namespace'");
}

/// <summary>argparse.ArgumentTypeError: raised by a type= function, its message becomes the error.</summary>
public sealed class ArgumentTypeError : PyException
{
    public ArgumentTypeError(params object?[] args) : base(args) { }
    public override string PyModule => "argparse";
}

/// <summary>argparse.ArgumentError.</summary>
public sealed class ArgumentError : PyException
{
    public ArgumentError(string message) : base(message) { }
    public override string PyModule => "argparse";
}

/// <summary>
/// <c>argparse.ArgumentParser</c>, ported from CPython 3.11's argparse: the same actions (store, store_const,
/// store_true/false, append, append_const, count, help, version, sub-parsers), nargs patterns matched as CPython
/// matches them, option abbreviations, <c>-xVALUE</c> and <c>--x=VALUE</c>, combined short flags, and the same help and
/// usage text (HelpFormatter's layout and textwrap's line breaks; the width is $COLUMNS - 2, 78 when unset) and errors.
/// </summary>
public sealed class ArgumentParser : PyObject, IPyKeywordMethods
{
    internal const string Suppress = "==SUPPRESS==";
    internal const string Optional = "?", ZeroOrMore = "*", OneOrMore = "+", Remainder = "...", Parser = "A...";

    private readonly List<ArgAction> _actions = new();
    private readonly List<ActionGroup> _groups = new();
    private readonly List<MutexGroup> _mutexGroups = new();
    private readonly ActionGroup _positionals, _optionals;
    private readonly Dictionary<string, ArgAction> _optionMap = new(StringComparer.Ordinal);
    private readonly PyDict<string, object?> _defaults = new();
    private ArgAction? _subparsers;

    public ArgumentParser(PyDict<string, object?> kwargs)
    {
        Prog = kwargs.Get("prog") as string ?? Path.GetFileName(Sys.Argv.Count > 0 ? Sys.Argv[0] : "prog");
        Usage = kwargs.Get("usage") as string;
        Description = kwargs.Get("description") as string;
        Epilog = kwargs.Get("epilog") as string;
        FormatterClass = kwargs.Get("formatter_class") as string ?? "HelpFormatter";
        AllowAbbrev = kwargs.Get("allow_abbrev") is not false;
        _positionals = AddGroup("positional arguments", null);
        _optionals = AddGroup("options", null);
        if (kwargs.Get("add_help") is not false)
            Add(new ArgAction { OptionStrings = { "-h", "--help" }, Dest = Suppress, Kind = "help", Nargs = 0, Default = Suppress, Help = "show this help message and exit" }, _optionals);
    }

    public string Prog { get; }
    public string? Usage { get; }
    public string? Description { get; }
    public string? Epilog { get; }
    internal string FormatterClass { get; }
    private bool AllowAbbrev { get; }
    public override string PyTypeName => "ArgumentParser";

    internal IReadOnlyList<ArgAction> Actions => _actions;
    internal IReadOnlyList<ActionGroup> Groups => _groups;
    internal IReadOnlyList<MutexGroup> MutexGroups => _mutexGroups;

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "add_argument" => AddArgument(args.Select(a => (string)a.OrThrow()).ToArray(), kwargs, _optionals, _positionals),
        "add_argument_group" => new ArgumentGroup(this, AddGroup(args.Length > 0 ? (string?)args[0] : kwargs.Get("title") as string, args.Length > 1 ? (string?)args[1] : kwargs.Get("description") as string)),
        "add_mutually_exclusive_group" => AddMutexGroup(null, args, kwargs),
        "add_subparsers" => AddSubparsers(kwargs),
        "set_defaults" => SetDefaults(kwargs),
        "get_default" => _actions.FirstOrDefault(a => a.Dest == (string)args[0].OrThrow())?.Default ?? _defaults.Get((string)args[0].OrThrow()),
        "parse_args" => ParseArgs(args.Length > 0 && args[0] is not null ? Strings(args[0]) : null),
        "parse_known_args" => ParseKnownArgs(args.Length > 0 && args[0] is not null ? Strings(args[0]) : null) is var (ns, rest) ? (ns, rest) : default,
        "print_help" => PrintHelp(args.Length > 0 ? args[0] : kwargs.Get("file")),
        "print_usage" => PrintUsage(args.Length > 0 ? args[0] : kwargs.Get("file")),
        "format_help" => FormatHelp(),
        "format_usage" => FormatUsage(),
        "error" => Error((string)args[0].OrThrow()),
        "exit" => Exit(args.Length > 0 ? args[0] : kwargs.Get("status") ?? new PyInt(0), args.Length > 1 ? (string?)args[1] : kwargs.Get("message") as string),
        _ => throw new AttributeError($"'ArgumentParser' object has no attribute '{name}'"),
    };

    private static List<string> Strings(object? seq) => Dyn.Iter(seq).Cast<object?>().Select(x => x as string ?? throw new TypeError("arguments must be str")).ToList();

    internal ArgumentGroup AddMutexGroup(ActionGroup? container, object?[] args, PyDict<string, object?> kwargs)
    {
        var g = new MutexGroup(Dyn.Truth(args.Length > 0 ? args[0] : kwargs.Get("required")));
        _mutexGroups.Add(g);
        return new ArgumentGroup(this, container, g);
    }

    private ActionGroup AddGroup(string? title, string? description)
    {
        var g = new ActionGroup(title, description);
        _groups.Add(g);
        return g;
    }

    private object? SetDefaults(PyDict<string, object?> kwargs)
    {
        foreach (var (k, v) in kwargs.Items())
        {
            _defaults[k] = v;
            foreach (var a in _actions.Where(a => a.Dest == k)) a.Default = v;
        }
        return null;
    }

    // ---- add_argument ----
    internal object? AddArgument(string[] names, PyDict<string, object?> kw, ActionGroup optionalGroup, ActionGroup positionalGroup, MutexGroup? mutex = null)
    {
        var a = new ArgAction();
        bool positional = names.Length == 0 || names[0].Length == 0 || names[0][0] != '-';
        if (positional)
        {
            if (names.Length > 1) throw new ValueError("invalid option string " + Repr.Of(names[0]) + ": must start with a character '-'");
            if (kw.ContainsKey("dest")) throw new ValueError("dest supplied twice for positional argument");
            a.Dest = names[0];
            var nargsArg = kw.Get("nargs");
            if (nargsArg is not string { } ns || ns is not (Optional or ZeroOrMore)) a.Required = true;
            if (nargsArg is ZeroOrMore && !kw.ContainsKey("default")) a.Required = true;
        }
        else
        {
            a.OptionStrings.AddRange(names);
            var dest = kw.Get("dest") as string;
            if (dest is null)
            {
                var first = names.FirstOrDefault(n => n.Length > 1 && n[1] == '-') ?? names[0];
                dest = first.TrimStart('-').Replace('-', '_');
            }
            a.Dest = dest;
            a.Required = kw.Get("required") is true;
        }
        a.Kind = kw.Get("action") as string ?? "store";
        a.Help = kw.Get("help") as string;
        a.Metavar = kw.Get("metavar") is System.Runtime.CompilerServices.ITuple mt and not PyTuple ? PyTuple.From(mt) : kw.Get("metavar");
        a.Type = kw.Get("type");
        a.Const = kw.Get("const");
        a.Version = kw.Get("version") as string;
        a.Choices = kw.TryGetValue("choices", out var ch) && ch is not null ? Dyn.Iter(ch).Cast<object?>().Select(x => x is long l ? new PyInt(l) : x).ToList() : null;
        a.Nargs = kw.TryGetValue("nargs", out var n) ? n is PyInt pi ? (int)(long)pi : n is long nl ? (int)nl : n : null;
        switch (a.Kind)
        {
            case "store_true": a.Nargs = 0; a.Const = true; a.Default = kw.TryGetValue("default", out var dt) ? dt : false; break;
            case "store_false": a.Nargs = 0; a.Const = false; a.Default = kw.TryGetValue("default", out var df) ? df : true; break;
            case "store_const" or "append_const" or "count" or "help" or "version": a.Nargs = 0; a.Default = kw.Get("default"); break;
            default: a.Default = kw.Get("default"); break;
        }
        if (a.Kind == "version") { a.Default = Suppress; a.Dest = kw.Get("dest") as string ?? Suppress; a.Help ??= "show program's version number and exit"; }
        if (_defaults.TryGetValue(a.Dest, out var preset)) a.Default = preset;
        if (a.Nargs is 0 && a.Kind is "store" or "append") throw new ValueError("nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate");
        Add(a, positional ? positionalGroup : optionalGroup, mutex);
        return null;
    }

    internal void Add(ArgAction a, ActionGroup group, MutexGroup? mutex = null)
    {
        if (mutex is not null && a.Required) throw new ValueError("mutually exclusive arguments must be optional");
        foreach (var s in a.OptionStrings)
        {
            if (_optionMap.ContainsKey(s)) throw new ArgumentError($"argument {string.Join("/", a.OptionStrings)}: conflicting option string: {s}");
            _optionMap[s] = a;
        }
        _actions.Add(a);
        group.Actions.Add(a);
        mutex?.Actions.Add(a);
    }

    private object? AddSubparsers(PyDict<string, object?> kw)
    {
        if (_subparsers is not null) Error("cannot have multiple subparser arguments");
        var group = _positionals;
        if (kw.ContainsKey("title") || kw.ContainsKey("description"))
            group = AddGroup(kw.Get("title") as string ?? "subcommands", kw.Get("description") as string);
        // the prog of a sub-parser: this prog and the positionals before the sub-parsers (CPython formats their usage)
        var prefix = kw.Get("prog") as string ?? new HelpFormatter(this).UsagePrefixOfPositionals(_actions.Where(x => x.OptionStrings.Count == 0).ToList());
        var a = new ArgAction
        {
            Kind = "parsers",
            Dest = kw.Get("dest") as string ?? Suppress,
            Required = kw.Get("required") is true,
            Help = kw.Get("help") as string,
            Metavar = kw.Get("metavar"),
            Nargs = Parser,
            ProgPrefix = prefix,
            Parsers = new Dictionary<string, ArgumentParser>(StringComparer.Ordinal),
            Choices = new List<object?>(),
        };
        a.Default = null;
        Add(a, group);
        _subparsers = a;
        return new SubParsers(this, a);
    }

    internal ArgumentParser AddParser(ArgAction sub, string name, PyDict<string, object?> kw)
    {
        var args = new PyDict<string, object?>();
        foreach (var (k, v) in kw.Items()) if (k is not ("help" or "aliases")) args[k] = v;
        if (!args.ContainsKey("prog")) args["prog"] = sub.ProgPrefix + " " + name;
        if (!args.ContainsKey("formatter_class")) args["formatter_class"] = FormatterClass;
        var p = new ArgumentParser(args);
        var aliases = kw.Get("aliases") is { } al ? Dyn.Iter(al).Cast<object?>().Select(x => (string)x.OrThrow()).ToList() : new List<string>();
        if (kw.ContainsKey("help"))
            sub.SubActions.Add(new ArgAction { Dest = name, Metavar = aliases.Count > 0 ? $"{name} ({string.Join(", ", aliases)})" : name, Help = kw.Get("help") as string, Kind = "pseudo" });
        sub.Parsers.OrThrow()[name] = p;
        sub.Choices.OrThrow().Add(name);
        foreach (var alias in aliases) { sub.Parsers[alias] = p; sub.Choices.Add(alias); }
        return p;
    }

    // ---- parsing ----
    public Namespace ParseArgs(IReadOnlyList<string>? argv = null)
    {
        var (ns, extras) = ParseKnownArgs(argv);
        if (extras.Count > 0) Error("unrecognized arguments: " + string.Join(" ", extras));
        return ns;
    }

    public (Namespace, PyList<string>) ParseKnownArgs(IReadOnlyList<string>? argv = null, Namespace? ns = null)
    {
        var args = argv?.ToList() ?? Sys.Argv.Skip(1).ToList();
        ns ??= new Namespace();
        foreach (var a in _actions)
            if (a.Dest != Suppress && !ns.Values.ContainsKey(a.Dest) && !(a.Default is string d && d == Suppress)) ns.Values[a.Dest] = a.Default;
        foreach (var (k, v) in _defaults.Items()) if (!ns.Values.ContainsKey(k)) ns.Values[k] = v;
        List<string> extras;
        try
        {
            extras = ParseKnown(args, ns);
        }
        catch (ArgumentError e)
        {
            Error(e.PyStr());
            throw;
        }
        if (ns.Values.TryGetValue(Unrecognized, out var un) && un is PyList<string> more)
        {
            extras.AddRange(more);
            ns.Values.Delete(Unrecognized);
        }
        return (ns, new PyList<string>(extras));
    }

    private const string Unrecognized = "_unrecognized_args";

    private sealed record OptionTuple(ArgAction? Action, string OptionString, string? Explicit);

    private List<string> ParseKnown(List<string> args, Namespace ns)
    {
        var optionIndices = new Dictionary<int, OptionTuple>();
        var pattern = new StringBuilder();
        bool rest = false;
        for (int i = 0; i < args.Count; i++)
        {
            if (rest) { pattern.Append('A'); continue; }
            if (args[i] == "--") { pattern.Append('-'); rest = true; continue; }
            var t = ParseOptional(args[i]);
            if (t is null) pattern.Append('A');
            else { optionIndices[i] = t; pattern.Append('O'); }
        }
        string argPattern = pattern.ToString();
        var seen = new HashSet<ArgAction>();
        var seenNonDefault = new HashSet<ArgAction>();
        var conflicts = Conflicts();
        var extras = new List<string>();

        void TakeAction(ArgAction action, List<string> argStrings, string? optionString)
        {
            seen.Add(action);
            var values = GetValues(action, argStrings);
            CheckConflicts(action, values, seenNonDefault, conflicts);
            if (values is string s && s == Suppress) return;
            Invoke(action, ns, values, optionString);
        }

        int ConsumeOptional(int start)
        {
            var (action, optionString, explicitArg) = optionIndices[start];
            var actionTuples = new List<(ArgAction, List<string>, string)>();
            int stop;
            while (true)
            {
                if (action is null)
                {
                    extras.Add(args[start]);
                    return start + 1;
                }
                if (explicitArg is not null)
                {
                    int argCount = MatchArgument(action, "A");
                    if (argCount == 0 && optionString.Length > 1 && optionString[1] != '-')
                    {
                        // -xyz: x takes nothing, so y is another option
                        actionTuples.Add((action, new List<string>(), optionString));
                        string next = optionString[0] + explicitArg.Substring(0, 1);
                        string? nextExplicit = explicitArg.Length > 1 ? explicitArg.Substring(1) : null;
                        if (_optionMap.TryGetValue(next, out var nextAction)) { action = nextAction; optionString = next; explicitArg = nextExplicit; }
                        else throw new ArgumentError($"argument {ActionName(action)}: ignored explicit argument {Repr.Of(explicitArg)}");
                    }
                    else if (argCount == 1)
                    {
                        stop = start + 1;
                        actionTuples.Add((action, new List<string> { explicitArg }, optionString));
                        break;
                    }
                    else throw new ArgumentError($"argument {ActionName(action)}: ignored explicit argument {Repr.Of(explicitArg)}");
                }
                else
                {
                    int begin = start + 1;
                    int count = MatchArgument(action, argPattern.Substring(begin));
                    stop = begin + count;
                    actionTuples.Add((action, args.GetRange(begin, count), optionString));
                    break;
                }
            }
            foreach (var (a, strs, os) in actionTuples) TakeAction(a, strs, os);
            return stop;
        }

        var positionals = _actions.Where(a => a.OptionStrings.Count == 0).ToList();

        int ConsumePositionals(int start)
        {
            var counts = MatchPartial(positionals, argPattern.Substring(start));
            foreach (var count in counts)
            {
                var action = positionals[0];
                positionals.RemoveAt(0);
                var strs = args.GetRange(start, count);
                start += count;
                TakeAction(action, strs, null);
            }
            return start;
        }

        int index = 0;
        int maxOption = optionIndices.Count > 0 ? optionIndices.Keys.Max() : -1;
        while (index <= maxOption)
        {
            int nextOption = optionIndices.Keys.Where(k => k >= index).Min();
            // only between options: at an option, a '*' positional would match nothing and be used up
            int positionalsEnd = index != nextOption ? ConsumePositionals(index) : index;
            if (positionalsEnd > index) { index = positionalsEnd; continue; }
            if (!optionIndices.ContainsKey(index))
            {
                extras.AddRange(args.GetRange(index, nextOption - index));
                index = nextOption;
            }
            index = ConsumeOptional(index);
        }
        int stopIndex = ConsumePositionals(index);
        extras.AddRange(args.Skip(stopIndex));

        CheckRequired(seen, ns);
        CheckRequiredGroups(seenNonDefault);
        return extras;
    }

    /// <summary>Each action of a mutually exclusive group conflicts with the group's other actions.</summary>
    private Dictionary<ArgAction, List<ArgAction>> Conflicts()
    {
        var conflicts = new Dictionary<ArgAction, List<ArgAction>>();
        foreach (var g in _mutexGroups)
            foreach (var a in g.Actions)
            {
                if (!conflicts.TryGetValue(a, out var list)) conflicts[a] = list = new List<ArgAction>();
                list.AddRange(g.Actions.Where(x => x != a));
            }
        return conflicts;
    }

    /// <summary>
    /// CPython's take_action: an action whose value is not its default (by identity) is "present", and errors
    /// when a conflicting action was present before it.
    /// </summary>
    private static void CheckConflicts(ArgAction action, object? values, HashSet<ArgAction> seenNonDefault, Dictionary<ArgAction, List<ArgAction>> conflicts)
    {
        if (IsDefault(values, action.Default)) return;
        seenNonDefault.Add(action);
        if (!conflicts.TryGetValue(action, out var list)) return;
        foreach (var c in list)
            if (seenNonDefault.Contains(c))
                throw new ArgumentError($"argument {ActionName(action)}: not allowed with argument {ActionName(c)}");
    }

    /// <summary>Python's <c>is</c>: the same object, or an equal small int (CPython caches -5..256) or bool.</summary>
    private static bool IsDefault(object? value, object? dflt) => ReferenceEquals(value, dflt)
        || (value is PyInt v && dflt is PyInt d && v == d && v >= -5 && v <= 256)
        || (value is bool b && dflt is bool db && b == db);

    private void CheckRequiredGroups(HashSet<ArgAction> seenNonDefault)
    {
        foreach (var g in _mutexGroups)
        {
            if (!g.Required || g.Actions.Any(seenNonDefault.Contains)) continue;
            var names = g.Actions.Where(a => a.Help != Suppress).Select(ActionName);
            Error("one of the arguments " + string.Join(" ", names) + " is required");
        }
    }

    /// <summary>Errors on a required action not seen; converts a string default left in place through type=.</summary>
    private void CheckRequired(HashSet<ArgAction> seen, Namespace ns)
    {
        var required = new List<string>();
        foreach (var a in _actions)
        {
            if (seen.Contains(a)) continue;
            if (a.Required && a.OptionStrings.Count == 0 && a.Metavar is PyTuple)
                throw new TypeError($"sequence item {required.Count}: expected str instance, tuple found"); // CPython's ', '.join of the tuple
            if (a.Required) required.Add(ActionName(a).OrThrow());
            else if (a.Default is string d && d != Suppress && ns.Values.TryGetValue(a.Dest, out var cur) && ReferenceEquals(cur, a.Default))
                ns.Values[a.Dest] = GetValue(a, d);
        }
        if (required.Count > 0) Error("the following arguments are required: " + string.Join(", ", required));
    }

    private OptionTuple? ParseOptional(string arg)
    {
        if (arg.Length == 0 || arg[0] != '-') return null;
        if (_optionMap.TryGetValue(arg, out var exact)) return new OptionTuple(exact, arg, null);
        if (arg.Length == 1) return null;
        int eq = arg.IndexOf('=');
        if (eq >= 0 && _optionMap.TryGetValue(arg.Substring(0, eq), out var withValue)) return new OptionTuple(withValue, arg.Substring(0, eq), arg.Substring(eq + 1));
        var tuples = OptionTuples(arg);
        if (tuples.Count > 1)
            Error($"ambiguous option: {arg.Split('=')[0]} could match {string.Join(", ", tuples.Select(t => t.OptionString))}");
        if (tuples.Count == 1) return tuples[0];
        if (Regex.IsMatch(arg, @"^-\d+$|^-\d*\.\d+$") && !_optionMap.Keys.Any(k => Regex.IsMatch(k, @"^-\d+$|^-\d*\.\d+$"))) return null;
        if (arg.Contains(' ')) return null;
        return new OptionTuple(null, arg, null);
    }

    private List<OptionTuple> OptionTuples(string arg)
    {
        var result = new List<OptionTuple>();
        if (arg.Length > 1 && arg[1] == '-')
        {
            if (!AllowAbbrev) return result;
            int eq = arg.IndexOf('=');
            string prefix = eq >= 0 ? arg.Substring(0, eq) : arg;
            string? explicitArg = eq >= 0 ? arg.Substring(eq + 1) : null;
            foreach (var (s, a) in _optionMap)
                if (s.StartsWith(prefix, StringComparison.Ordinal)) result.Add(new OptionTuple(a, s, explicitArg));
        }
        else
        {
            string shortPrefix = arg.Substring(0, 2), shortExplicit = arg.Substring(2);
            foreach (var (s, a) in _optionMap)
            {
                if (s == shortPrefix) result.Add(new OptionTuple(a, s, shortExplicit));
                else if (AllowAbbrev && s.StartsWith(arg, StringComparison.Ordinal)) result.Add(new OptionTuple(a, s, null));
            }
        }
        return result;
    }

    private static string NargsPattern(ArgAction a)
    {
        string p = a.Nargs switch
        {
            null => "(-*A-*)",
            Optional => "(-*A?-*)",
            ZeroOrMore => "(-*[A-]*)",
            OneOrMore => "(-*A[A-]*)",
            Remainder => "([-AO]*)",
            Parser => "(-*A[-AO]*)",
            Suppress => "(-*-*)",
            int n => "(-*" + string.Join("-*", Enumerable.Repeat("A", n)) + "-*)",
            _ => throw new ValueError("invalid nargs value"),
        };
        return a.OptionStrings.Count > 0 ? p.Replace("-*", "").Replace("-", "") : p;
    }

    private int MatchArgument(ArgAction a, string pattern)
    {
        var m = Regex.Match(pattern, "^" + NargsPattern(a));
        if (!m.Success)
        {
            string msg = a.Nargs switch
            {
                null => "expected one argument",
                Optional => "expected at most one argument",
                OneOrMore => "expected at least one argument",
                int n => $"expected {n} argument{(n == 1 ? "" : "s")}",
                _ => "expected an argument",
            };
            throw new ArgumentError($"argument {ActionName(a)}: {msg}");
        }
        return m.Groups[1].Length;
    }

    private static List<int> MatchPartial(List<ArgAction> actions, string pattern)
    {
        for (int i = actions.Count; i > 0; i--)
        {
            var m = Regex.Match(pattern, "^" + string.Concat(actions.Take(i).Select(NargsPattern)));
            if (m.Success) return Enumerable.Range(1, i).Select(g => m.Groups[g].Length).ToList();
        }
        return new List<int>();
    }

    private object? GetValues(ArgAction a, List<string> strs)
    {
        if (a.Nargs is not (Parser or Remainder)) strs = strs.Where((s, i) => !(s == "--" && i == strs.IndexOf("--"))).ToList();
        object? value;
        if (strs.Count == 0 && a.Nargs is Optional)
        {
            value = a.OptionStrings.Count > 0 ? a.Const : a.Default;
            if (value is string s) value = GetValue(a, s);
            CheckValue(a, value);
        }
        else if (strs.Count == 0 && a.Nargs is ZeroOrMore && a.OptionStrings.Count == 0)
        {
            value = a.Default ?? new PyList<object?>();
            CheckValue(a, value);
        }
        else if (strs.Count == 1 && a.Nargs is null or Optional)
        {
            value = GetValue(a, strs[0]);
            CheckValue(a, value);
        }
        else if (a.Nargs is Remainder) value = new PyList<object?>(strs.Select(s => GetValue(a, s)));
        else if (a.Nargs is Parser)
        {
            var list = new PyList<object?>(strs.Select(s => GetValue(a, s)));
            CheckValue(a, list[0]);
            value = list;
        }
        else if (a.Nargs is Suppress) value = Suppress;
        else
        {
            var list = new PyList<object?>(strs.Select(s => GetValue(a, s)));
            foreach (var v in list) CheckValue(a, v);
            value = list;
        }
        return value;
    }

    private object? GetValue(ArgAction a, string s)
    {
        if (a.Type is null || a.Kind == "parsers") return s;
        try
        {
            return a.Type switch
            {
                Func<object?, string> f => f(s),
                Func<object?, PyInt> f => f(s),
                Func<object?, double> f => f(s),
                IPyCallable c => c.PyCall(new object?[] { s }),
                Delegate d => Dyn.Call(d, s),
                string typeName => typeName switch { "int" => Py.Int(s), "float" => Py.Float(s), _ => s },
                _ => throw new ValueError($"{Repr.Of(a.Type)} is not callable"),
            };
        }
        catch (ArgumentTypeError e)
        {
            throw new ArgumentError($"argument {ActionName(a)}: {e.PyStr()}");
        }
        catch (Exception e) when (PyExc.Translate(e) is TypeError or ValueError)
        {
            throw new ArgumentError($"argument {ActionName(a)}: invalid {TypeName(a.Type)} value: {Repr.Of(s)}");
        }
    }

    internal static string TypeName(object? type) => type switch
    {
        Func<object?, PyInt> => "int",
        Func<object?, double> => "float",
        Func<object?, string> => "str",
        PyNamedFunction n => n.Name,
        Delegate d => DelegateName(d.Method.Name),
        string s => s,
        _ => Repr.Of(type),
    };

    /// <summary>A C# compiler-generated method name (a nested def, a lambda) as Python would name the function.</summary>
    private static string DelegateName(string name)
    {
        if (!name.Contains('<')) return name;
        var m = Regex.Match(name, @"g__(\w+)\|");
        return m.Success ? m.Groups[1].Value : "<lambda>";
    }

    private void CheckValue(ArgAction a, object? value)
    {
        if (a.Choices is null || a.Choices.Any(c => Dyn.Eq(c, value))) return;
        throw new ArgumentError($"argument {ActionName(a)}: invalid choice: {Repr.Of(value)} (choose from {string.Join(", ", a.Choices.Select(Repr.Of))})");
    }

    internal static string? ActionName(ArgAction a)
    {
        if (a.OptionStrings.Count > 0) return string.Join("/", a.OptionStrings);
        if (a.Metavar is string m && m != Suppress) return m;
        if (a.Metavar is PyTuple t) return t.PyRepr(); // CPython formats the tuple itself with %s
        if (a.Dest != Suppress) return a.Dest;
        if (a.Choices is not null) return "{" + string.Join(",", a.Choices.Select(x => Str.Of(x))) + "}";
        return null;
    }

    private void Invoke(ArgAction a, Namespace ns, object? values, string? optionString)
    {
        switch (a.Kind)
        {
            case "store": ns.Values[a.Dest] = values; break;
            case "store_const" or "store_true" or "store_false": ns.Values[a.Dest] = a.Const; break;
            case "append":
            {
                var items = ns.Values.Get(a.Dest) is IPyList old ? new PyList<object?>(old.Cast<object?>()) : new PyList<object?>();
                items.Append(values);
                ns.Values[a.Dest] = items;
                break;
            }
            case "append_const":
            {
                var items = ns.Values.Get(a.Dest) is IPyList old ? new PyList<object?>(old.Cast<object?>()) : new PyList<object?>();
                items.Append(a.Const);
                ns.Values[a.Dest] = items;
                break;
            }
            case "count": ns.Values[a.Dest] = (ns.Values.Get(a.Dest) is PyInt c ? c : new PyInt(0)) + 1; break;
            case "help": PrintHelp(null); throw new SystemExit(new PyInt(0));
            case "version":
            {
                var f = new HelpFormatter(this);
                Sys.StdoutWriter.Write(f.FormatVersion(a.Version ?? ""));
                Sys.StdoutWriter.Flush();
                throw new SystemExit(new PyInt(0));
            }
            case "parsers":
            {
                var list = (PyList<object?>)values.OrThrow();
                var name = (string)list[0].OrThrow();
                if (a.Dest != Suppress) ns.Values[a.Dest] = name;
                var parser = a.Parsers.OrThrow()[name];
                var (sub, rest) = parser.ParseKnownArgs(list.Skip(1).Select(x => (string)x.OrThrow()).ToList());
                foreach (var (k, v) in sub.Values.Items()) ns.Values[k] = v;
                if (rest.Count > 0)
                {
                    if (ns.Values.Get(Unrecognized) is not PyList<string> un) ns.Values[Unrecognized] = un = new PyList<string>();
                    un.Extend(rest);
                }
                break;
            }
            default: throw new ValueError($"unknown action {Repr.Of(a.Kind)}");
        }
    }

    // ---- help, usage, errors ----
    public string FormatUsage() => new HelpFormatter(this).FormatUsageOnly();

    public string FormatHelp() => new HelpFormatter(this).FormatHelp();

    internal static TextWriter Writer(object? file) => file switch
    {
        null => Sys.StdoutWriter,
        PyTextIO f => f.Writer,
        TextWriter w => w,
        _ => throw new AttributeError($"'{Dyn.TypeName(file)}' object has no attribute 'write'"),
    };

    private object? PrintHelp(object? file)
    {
        var w = Writer(file);
        w.Write(FormatHelp());
        w.Flush();
        return null;
    }

    private object? PrintUsage(object? file)
    {
        var w = Writer(file);
        w.Write(FormatUsage());
        w.Flush();
        return null;
    }

    public object? Error(string message)
    {
        Sys.StdoutWriter.Flush();
        Sys.StderrWriter.Write(FormatUsage());
        Sys.StderrWriter.Write($"{Prog}: error: {message}\n");
        Sys.StderrWriter.Flush();
        throw new SystemExit(new PyInt(2));
    }

    private object? Exit(object? status, string? message)
    {
        if (message is not null)
        {
            Sys.StdoutWriter.Flush();
            Sys.StderrWriter.Write(message);
            Sys.StderrWriter.Flush();
        }
        throw new SystemExit(status);
    }

    public override string PyRepr() => $"ArgumentParser(prog={Repr.Of(Prog)}, usage={Repr.Of(Usage)}, description={Repr.Of(Description)}, formatter_class=<class 'argparse.{FormatterClass}'>, conflict_handler='error', add_help=True)";
}

/// <summary>One argparse action (an add_argument, the help option, the sub-parsers, or a sub-command's help line).</summary>
internal sealed class ArgAction
{
    public List<string> OptionStrings { get; } = new();
    public string Dest = "";
    public string Kind = "store";
    public object? Nargs;
    public object? Const;
    public object? Default;
    public object? Type;
    public List<object?>? Choices;
    public bool Required;
    public string? Help;
    public object? Metavar;
    public string? Version;
    public string? ProgPrefix;
    public Dictionary<string, ArgumentParser>? Parsers;
    public List<ArgAction> SubActions { get; } = new();
}

/// <summary>A titled section of the help (positional arguments, options, add_argument_group).</summary>
internal sealed class ActionGroup
{
    public ActionGroup(string? title, string? description)
    {
        Title = title;
        Description = description;
    }

    public string? Title { get; }
    public string? Description { get; }
    public List<ArgAction> Actions { get; } = new();
}

/// <summary>The object add_argument_group / add_mutually_exclusive_group return: add_argument into that group.</summary>
public sealed class ArgumentGroup : PyObject, IPyKeywordMethods
{
    private readonly ArgumentParser _parser;
    private readonly ActionGroup? _group;
    private readonly MutexGroup? _mutex;

    internal ArgumentGroup(ArgumentParser parser, ActionGroup? group, MutexGroup? mutex = null)
    {
        _parser = parser;
        _group = group;
        _mutex = mutex;
    }

    public override string PyTypeName => _mutex is null ? "_ArgumentGroup" : "_MutuallyExclusiveGroup";

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        // a mutually exclusive group made in an argument group lists its options in that group's help section
        if (name == "add_mutually_exclusive_group") return _parser.AddMutexGroup(_group, args, kwargs);
        if (name != "add_argument") throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'");
        var names = args.Select(a => (string)a.OrThrow()).ToArray();
        var pos = _parser.Groups[0];
        var opt = _parser.Groups[1];
        return _parser.AddArgument(names, kwargs, _group ?? opt, _group ?? pos, _mutex);
    }
}

/// <summary>What add_subparsers returns: add_parser adds a sub-command.</summary>
public sealed class SubParsers : PyObject, IPyKeywordMethods
{
    private readonly ArgumentParser _parser;
    private readonly ArgAction _action;

    internal SubParsers(ArgumentParser parser, ArgAction action)
    {
        _parser = parser;
        _action = action;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "add_parser" => _parser.AddParser(_action, (string)args[0].OrThrow(), kwargs),
        _ => throw new AttributeError($"'_SubParsersAction' object has no attribute '{name}'"),
    };
}
