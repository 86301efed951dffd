namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>optparse.Option</c> (also <c>make_option</c>), a port of CPython 3.11's: the option strings, the checked
/// attributes (action, type, dest, default, nargs, const, choices, callback, help, metavar) and the value conversion.
/// </summary>
public sealed class OptParseOption : PyObject, IPyAttributes, IPySetAttr, IPyKeywordMethods
{
    /// <summary>optparse's NO_DEFAULT: no default given (unlike a default of None).</summary>
    public static readonly PyTuple NoDefault = new(new object?[] { "NO", "DEFAULT" });

    internal const string SuppressHelp = "SUPPRESSHELP";

    private static readonly string[] Attrs = { "action", "type", "dest", "default", "nargs", "const", "choices", "callback", "callback_args", "callback_kwargs", "help", "metavar" };
    private static readonly string[] ActionNames = { "store", "store_const", "store_true", "store_false", "append", "append_const", "count", "callback", "help", "version" };
    private static readonly string[] StoreActions = { "store", "store_const", "store_true", "store_false", "append", "append_const", "count" };
    private static readonly string[] TypedActions = { "store", "append", "callback" };
    private static readonly string[] TypeNames = { "string", "int", "long", "float", "complex", "choice" };

    private readonly Dictionary<string, object?> _attrs = new(StringComparer.Ordinal);

    public OptParseOption(object?[] opts, PyDict<string, object?> attrs)
    {
        foreach (var opt in opts.Select(o => o as string ?? throw new TypeError("option strings must be str")).Where(o => o.Length > 0)) AddOptString(opt);
        if (ShortOpts.Count + LongOpts.Count == 0) throw new TypeError("at least one option string must be supplied");
        SetAttrs(attrs);
        CheckAction();
        CheckType();
        CheckChoice();
        CheckDest();
        CheckConstAndNargs();
        CheckCallback();
    }

    public List<string> ShortOpts { get; } = new();
    public List<string> LongOpts { get; } = new();
    public string Action { get; private set; } = "store";
    public string? Type { get; private set; }
    public string? Dest { get; private set; }
    public object? Default => _attrs["default"];
    public int Nargs { get; private set; }
    public object? Const => _attrs["const"];
    public List<object?>? Choices { get; private set; }
    public string? Help => _attrs["help"] as string;
    public string? Metavar => _attrs["metavar"] as string;
    internal OptionContainer? Container { get; set; }

    public override string PyTypeName => "Option";
    public override string PyStr() => string.Join("/", ShortOpts.Concat(LongOpts));
    public override string PyRepr() => $"<Option at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x}: {PyStr()}>";

    public bool TakesValue => Type is not null;

    /// <summary>The first long option string, else the first short one (what error messages name).</summary>
    public string OptString => LongOpts.Count > 0 ? LongOpts[0] : ShortOpts[0];

    private void AddOptString(string opt)
    {
        if (opt.Length < 2)
            throw new OptionError($"invalid option string {Repr.Of(opt)}: must be at least two characters long", PyStr());
        if (opt.Length == 2)
        {
            if (!(opt[0] == '-' && opt[1] != '-'))
                throw new OptionError($"invalid short option string {Repr.Of(opt)}: must be of the form -x, (x any non-dash char)", PyStr());
            ShortOpts.Add(opt);
            return;
        }
        if (!(opt.StartsWith("--", StringComparison.Ordinal) && opt[2] != '-'))
            throw new OptionError($"invalid long option string {Repr.Of(opt)}: must start with --, followed by non-dash", PyStr());
        LongOpts.Add(opt);
    }

    private void SetAttrs(PyDict<string, object?> attrs)
    {
        foreach (var name in Attrs) _attrs[name] = attrs.TryGetValue(name, out var v) ? v : name == "default" ? NoDefault : null;
        var unknown = attrs.Keys().Where(k => !Attrs.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) throw new OptionError("invalid keyword arguments: " + string.Join(", ", unknown), PyStr());
    }

    private void CheckAction()
    {
        var action = _attrs["action"];
        if (action is null) return;
        if (action is not string s || !ActionNames.Contains(s)) throw new OptionError($"invalid action: {Repr.Of(action)}", PyStr());
        Action = s;
    }

    private void CheckType()
    {
        var type = _attrs["type"];
        if (type is null)
        {
            if (Action is "store" or "append") Type = _attrs["choices"] is not null ? "choice" : "string";
            return;
        }
        var name = type is string s ? s : ArgumentParser.TypeName(type);
        if (name == "str") name = "string";
        if (!TypeNames.Contains(name)) throw new OptionError($"invalid option type: {Repr.Of(type is string ? name : type)}", PyStr());
        if (!TypedActions.Contains(Action)) throw new OptionError($"must not supply a type for action {Repr.Of(Action)}", PyStr());
        Type = name;
    }

    private void CheckChoice()
    {
        var choices = _attrs["choices"];
        if (Type == "choice")
        {
            if (choices is null) throw new OptionError("must supply a list of choices for type 'choice'", PyStr());
            if (choices is not (IPyList or PyTuple or System.Runtime.CompilerServices.ITuple))
                throw new OptionError($"choices must be a list of strings ('{Dyn.TypeName(choices)}' supplied)", PyStr());
            Choices = Dyn.Iter(choices).Cast<object?>().ToList();
        }
        else if (choices is not null)
            throw new OptionError($"must not supply choices for type {Repr.Of(Type)}", PyStr());
    }

    private void CheckDest()
    {
        Dest = _attrs["dest"] as string;
        bool takesValue = StoreActions.Contains(Action) || Type is not null;
        if (Dest is null && takesValue) Dest = LongOpts.Count > 0 ? LongOpts[0].Substring(2).Replace('-', '_') : ShortOpts[0].Substring(1, 1);
    }

    private void CheckConstAndNargs()
    {
        if (Action is not ("store_const" or "append_const") && _attrs["const"] is not null)
            throw new OptionError($"'const' must not be supplied for action {Repr.Of(Action)}", PyStr());
        var nargs = _attrs["nargs"];
        if (TypedActions.Contains(Action)) Nargs = nargs is null ? 1 : (int)(long)Py.Int(nargs);
        else if (nargs is not null) throw new OptionError($"'nargs' must not be supplied for action {Repr.Of(Action)}", PyStr());
    }

    private void CheckCallback()
    {
        if (Action == "callback")
        {
            if (_attrs["callback"] is null) throw new OptionError("callback not callable: None", PyStr());
            return;
        }
        if (_attrs["callback"] is { } cb) throw new OptionError($"callback supplied ({Repr.Of(cb)}) for non-callback option", PyStr());
        if (_attrs["callback_args"] is not null) throw new OptionError("callback_args supplied for non-callback option", PyStr());
        if (_attrs["callback_kwargs"] is not null) throw new OptionError("callback_kwargs supplied for non-callback option", PyStr());
    }

    // ---- values ----

    /// <summary>Option.check_value: the type's checker (int, float, complex, choice), else the string itself.</summary>
    public object? CheckValue(string opt, object? value)
    {
        if (value is not string s) return value;
        return Type switch
        {
            "int" or "long" => Builtin(opt, s, "integer", ParseInt),
            "float" => Builtin(opt, s, "floating-point", v => Py.Float(v)),
            "complex" => Builtin(opt, s, "complex", v => PyComplex.Parse(v)),
            "choice" => CheckChoiceValue(opt, s),
            _ => s,
        };
    }

    private static object? Builtin(string opt, string value, string what, Func<string, object?> convert)
    {
        try
        {
            return convert(value);
        }
        catch (Exception e) when (PyExc.Translate(e) is ValueError)
        {
            throw new OptionValueError($"option {opt}: invalid {what} value: {Repr.Of(value)}");
        }
    }

    /// <summary>optparse's _parse_num: 0x hex, 0b binary, a leading 0 octal, else decimal.</summary>
    private static object? ParseInt(string val)
    {
        var head = val.Length >= 2 ? val.Substring(0, 2).ToLowerInvariant() : val;
        if (head == "0x") return Py.Int(val, 16);
        if (head == "0b") return Py.Int(val.Length > 2 ? val.Substring(2) : "0", 2);
        return val.StartsWith('0') ? Py.Int(val, 8) : Py.Int(val, 10);
    }

    private object? CheckChoiceValue(string opt, string value)
    {
        var choices = Choices ?? new List<object?>();
        if (choices.Any(c => Dyn.Eq(c, value))) return value;
        throw new OptionValueError($"option {opt}: invalid choice: {Repr.Of(value)} (choose from {string.Join(", ", choices.Select(Repr.Of))})");
    }

    internal object? ConvertValue(string opt, object? value) => value switch
    {
        null => null,
        PyTuple t => new PyTuple(t.Select(v => CheckValue(opt, v)).ToArray()),
        _ => CheckValue(opt, value),
    };

    /// <summary>Option.take_action for the actions that store something in the values.</summary>
    internal void TakeAction(string opt, object? value, OptValues values, OptionParser parser)
    {
        var dest = Dest ?? "";
        switch (Action)
        {
            case "store": values.SetAttr(dest, value); break;
            case "store_const": values.SetAttr(dest, Const); break;
            case "store_true": values.SetAttr(dest, true); break;
            case "store_false": values.SetAttr(dest, false); break;
            case "append": Dyn.CallMethod(values.EnsureValue(dest, new PyList<object?>()), "append", value); break;
            case "append_const": Dyn.CallMethod(values.EnsureValue(dest, new PyList<object?>()), "append", Const); break;
            case "count": values.SetAttr(dest, Dyn.Add(values.EnsureValue(dest, new PyInt(0)), new PyInt(1))); break;
            default: parser.TakeParserAction(this, opt, value); break;
        }
    }

    internal void RunCallback(string opt, object? value, OptionParser parser)
    {
        var args = new List<object?> { this, opt, value, parser };
        if (_attrs["callback_args"] is { } extra) args.AddRange(Dyn.Iter(extra).Cast<object?>());
        var kwargs = _attrs["callback_kwargs"] is { } kw ? new PyDict<string, object?>(Py.MappingItems(kw).Select(kv => ((string)kv.Key.OrThrow(), kv.Value))) : new PyDict<string, object?>();
        Dyn.CallKw(_attrs["callback"], args.ToArray(), kwargs);
    }

    private static readonly Dictionary<string, Func<OptParseOption, object?>> Getters = new(StringComparer.Ordinal)
    {
        ["action"] = o => o.Action,
        ["type"] = o => o.Type,
        ["dest"] = o => o.Dest,
        ["nargs"] = o => o.TakesValue || o.Action == "callback" ? new PyInt(o.Nargs) : null,
        ["_short_opts"] = o => new PyList<string>(o.ShortOpts),
        ["_long_opts"] = o => new PyList<string>(o.LongOpts),
    };

    public bool TryGetAttr(string name, out object? value)
    {
        if (Getters.TryGetValue(name, out var getter))
        {
            value = getter(this);
            return true;
        }
        return _attrs.TryGetValue(name, out value);
    }

    /// <summary>option.help = ... after add_option (a script filling in help text later): what help and parsing read.</summary>
    public void SetAttr(string name, object? value)
    {
        switch (name)
        {
            case "action": Action = value as string ?? throw new TypeError("action must be a str"); break;
            case "type": Type = value as string; break;
            case "dest": Dest = value as string; break;
            case "nargs": Nargs = value is null ? 1 : (int)(long)Py.Int(value); break;
            case "choices": Choices = value is null ? null : Dyn.Iter(value).Cast<object?>().ToList(); _attrs[name] = value; break;
            default: _attrs[name] = value; break;
        }
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "get_opt_string" => OptString,
        "takes_value" => TakesValue,
        "check_value" => CheckValue((string)OptValues.Arg(args, kwargs, 0, "opt").OrThrow(), OptValues.Arg(args, kwargs, 1, "value")),
        _ => throw new AttributeError($"'Option' object has no attribute '{name}'"),
    };
}
