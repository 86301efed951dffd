namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>optparse.OptionParser</c>, a port of CPython 3.11's optparse: store/store_const/store_true/store_false/append/
/// append_const/count/callback/help/version actions, typed values (string, int with 0x/0b/0 prefixes, float, complex,
/// choice), interspersed arguments, <c>--</c>, <c>-nVALUE</c>, <c>--num=VALUE</c>, short-flag clusters, unique prefixes
/// of long options, the same errors, and IndentedHelpFormatter's help text.
/// </summary>
public sealed partial class OptionParser : OptionContainer
{
    private static readonly string[] PositionalNames = { "usage", "option_list", "option_class", "version", "conflict_handler", "description", "formatter", "add_help_option", "prog", "epilog" };
    internal const string SuppressUsage = "SUPPRESSUSAGE";

    public OptionParser(object?[] args, PyDict<string, object?> kwargs) : base(null, null)
    {
        var kw = Bind(args, kwargs);
        ConflictHandler = kw.Get("conflict_handler") as string ?? "error";
        Description = kw.Get("description") as string;
        SetUsage(kw.Get("usage") as string);
        Prog = kw.Get("prog") as string;
        Version = kw.Get("version") as string;
        Epilog = kw.Get("epilog") as string;
        FormatterSpec = kw.Get("formatter") switch
        {
            null => new OptParseFormatterSpec(false, Array.Empty<object?>(), new PyDict<string, object?>()),
            OptParseFormatterSpec spec => spec,
            var other => throw new NotImplementedError($"optparse: formatter={Dyn.TypeName(other)} is not supported by Batuta (IndentedHelpFormatter and TitledHelpFormatter are)"),
        };
        Width = OptParseFormatter.DefaultWidth();
        if (kw.Get("option_list") is { } list) CallMethod("add_options", new[] { list }, new PyDict<string, object?>());
        if (Version is not null) AddOption(new object?[] { "--version" }, Keywords(("action", "version"), ("help", "show program's version number and exit")));
        if (kw.Get("add_help_option") is not false) AddOption(new object?[] { "-h", "--help" }, Keywords(("action", "help"), ("help", "show this help message and exit")));
    }

    private static PyDict<string, object?> Bind(object?[] args, PyDict<string, object?> kwargs)
    {
        if (args.Length > PositionalNames.Length) throw new TypeError($"OptionParser.__init__() takes from 1 to 11 positional arguments but {args.Length + 1} were given");
        var kw = new PyDict<string, object?>(kwargs.Items());
        for (int i = 0; i < args.Length; i++) kw[PositionalNames[i]] = args[i];
        return kw;
    }

    private static PyDict<string, object?> Keywords(params (string, object?)[] items) => new(items);

    public string? Usage { get; private set; }
    public string? Prog { get; set; }
    public string? Version { get; set; }
    public string? Epilog { get; set; }
    public bool AllowInterspersedArgs { get; set; } = true;
    public bool ProcessDefaultValues { get; set; } = true;
    public List<OptionGroup> OptionGroups { get; } = new();
    internal int Width { get; }
    internal OptParseFormatterSpec FormatterSpec { get; }
    public override string PyTypeName => "OptionParser";

    // the parsing state callbacks read (parser.values, parser.largs, parser.rargs)
    private OptValues? _values;
    private PyList<string>? _largs, _rargs;

    private void SetUsage(string? usage)
    {
        if (usage is null) Usage = "%prog [options]";
        else if (usage == SuppressUsage) Usage = null;
        else if (usage.StartsWith("usage: ", StringComparison.OrdinalIgnoreCase)) Usage = usage.Substring(7);
        else Usage = usage;
    }

    private IEnumerable<OptParseOption> AllOptions => OptionList.Concat(OptionGroups.SelectMany(g => g.OptionList));

    public OptValues GetDefaultValues()
    {
        if (!ProcessDefaultValues) return new OptValues(Defaults);
        var defaults = new PyDict<string, object?>(Defaults.Items());
        foreach (var option in AllOptions)
            if (option.Dest is { } dest && defaults.Get(dest) is string s) defaults[dest] = option.CheckValue(option.OptString, s);
        return new OptValues(defaults);
    }

    private OptionGroup AddOptionGroup(object?[] args, PyDict<string, object?> kwargs)
    {
        if (args.Length == 0 && !kwargs.ContainsKey("title")) throw new TypeError("invalid arguments");
        OptionGroup group;
        if (args.Length == 1 && args[0] is OptionGroup given && kwargs.Count == 0)
        {
            if (!ReferenceEquals(given.Parser, this)) throw new ValueError("invalid OptionGroup (wrong parser)");
            group = given;
        }
        else group = new OptionGroup(this, Str(args, kwargs, "title"), OptValues.Arg(args, kwargs, 1, "description") as string);
        OptionGroups.Add(group);
        return group;
    }

    private OptionContainer? GetOptionGroup(string opt) => GetOption(opt) is { Container: OptionGroup g } ? g : null;

    /// <summary>OptionParser.parse_args: (values, leftover arguments); a bad option or value is error()'s exit 2.</summary>
    public (object, PyList<string>) ParseArgs(object? args = null, object? values = null)
    {
        var rargs = args is null ? new PyList<string>(Sys.Argv.Skip(1)) : new PyList<string>(Dyn.Iter(args).Cast<object?>().Select(a => a as string ?? throw new TypeError("arguments must be str")));
        var vals = values as OptValues ?? GetDefaultValues();
        var largs = new PyList<string>();
        (_values, _largs, _rargs) = (vals, largs, rargs);
        try
        {
            ProcessArgs(largs, rargs, vals);
        }
        catch (OptParseError e) when (e is BadOptionError or OptionValueError)
        {
            Error(e.PyStr());
        }
        var rest = new PyList<string>(largs.Concat(rargs));
        return (vals, rest);
    }

    private void ProcessArgs(PyList<string> largs, PyList<string> rargs, OptValues values)
    {
        while (rargs.Count > 0)
        {
            var arg = rargs[0];
            if (arg == "--")
            {
                rargs.RemoveAt(0);
                return;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal)) ProcessLongOpt(rargs, values);
            else if (arg.StartsWith('-') && arg.Length > 1) ProcessShortOpts(rargs, values);
            else if (AllowInterspersedArgs)
            {
                largs.Add(arg);
                rargs.RemoveAt(0);
            }
            else return;
        }
    }

    private string MatchLongOpt(string opt)
    {
        if (LongOpt.ContainsKey(opt)) return opt;
        var possibilities = LongOpt.Keys().Where(w => w.StartsWith(opt, StringComparison.Ordinal)).ToList();
        if (possibilities.Count == 1) return possibilities[0];
        if (possibilities.Count == 0) throw new BadOptionError(opt);
        possibilities.Sort(StringComparer.Ordinal);
        throw new AmbiguousOptionError(opt, possibilities);
    }

    private void ProcessLongOpt(PyList<string> rargs, OptValues values)
    {
        var arg = rargs[0];
        rargs.RemoveAt(0);
        var eq = arg.IndexOf('=');
        var opt = eq >= 0 ? arg.Substring(0, eq) : arg;
        if (eq >= 0) rargs.Insert(0, arg.Substring(eq + 1));
        opt = MatchLongOpt(opt);
        var option = LongOpt[opt];
        object? value = null;
        if (option.TakesValue) value = TakeValues(option, opt, rargs);
        else if (eq >= 0) Error($"{opt} option does not take a value");
        Process(option, opt, value, values);
    }

    private void ProcessShortOpts(PyList<string> rargs, OptValues values)
    {
        var arg = rargs[0];
        rargs.RemoveAt(0);
        for (int i = 1; i < arg.Length; i++)
        {
            var opt = "-" + arg[i];
            var option = ShortOpt.TryGetValue(opt, out var o) ? o : throw new BadOptionError(opt);
            bool stop = false;
            object? value = null;
            if (option.TakesValue)
            {
                if (i + 1 < arg.Length)
                {
                    rargs.Insert(0, arg.Substring(i + 1));
                    stop = true;
                }
                value = TakeValues(option, opt, rargs);
            }
            Process(option, opt, value, values);
            if (stop) break;
        }
    }

    /// <summary>The option's nargs arguments from the front of rargs: one string, or a tuple of them.</summary>
    private object? TakeValues(OptParseOption option, string opt, PyList<string> rargs)
    {
        int nargs = option.Nargs;
        if (rargs.Count < nargs) Error($"{opt} option requires {nargs} argument{(nargs == 1 ? "" : "s")}");
        if (nargs == 1)
        {
            var v = rargs[0];
            rargs.RemoveAt(0);
            return v;
        }
        var tuple = new PyTuple(rargs.Take(nargs).Cast<object?>().ToArray());
        for (int i = 0; i < nargs; i++) rargs.RemoveAt(0);
        return tuple;
    }

    private void Process(OptParseOption option, string opt, object? value, OptValues values) =>
        option.TakeAction(opt, option.ConvertValue(opt, value), values, this);

    /// <summary>The actions that act on the parser: callback, help and version.</summary>
    internal void TakeParserAction(OptParseOption option, string opt, object? value)
    {
        switch (option.Action)
        {
            case "callback":
                option.RunCallback(opt, value, this);
                break;
            case "help":
                PrintHelp(null);
                Exit(new PyInt(0), null);
                break;
            case "version":
                PrintVersion(null);
                Exit(new PyInt(0), null);
                break;
            default:
                throw new ValueError($"unknown action {Repr.Of(option.Action)}");
        }
    }

    public string GetProgName() => Prog ?? Path.GetFileName(Sys.Argv.Count > 0 ? Sys.Argv[0] : "");

    public string ExpandProgName(string s) => s.Replace("%prog", GetProgName());

    internal override string? GetDescription() => Description is null ? null : ExpandProgName(Description);

    public object? Exit(object? status, string? msg)
    {
        if (!string.IsNullOrEmpty(msg))
        {
            Sys.StdoutWriter.Flush();
            Sys.StderrWriter.Write(msg);
            Sys.StderrWriter.Flush();
        }
        throw new SystemExit(status);
    }

    /// <summary>OptionParser.error: the usage and "prog: error: msg" on stderr, exit status 2.</summary>
    public object? Error(string msg)
    {
        PrintUsage(Sys.StderrWriter);
        return Exit(new PyInt(2), $"{GetProgName()}: error: {msg}\n");
    }
}
