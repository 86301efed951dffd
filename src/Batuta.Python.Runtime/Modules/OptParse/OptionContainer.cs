namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// optparse's OptionContainer: the options of a parser or of one of its groups. A group shares its parser's option
/// maps and defaults, as CPython's do.
/// </summary>
public abstract class OptionContainer : PyObject, IPyAttributes, IPySetAttr, IPyKeywordMethods
{
    protected OptionContainer(OptionContainer? shared, string? description)
    {
        ShortOpt = shared?.ShortOpt ?? new Dictionary<string, OptParseOption>(StringComparer.Ordinal);
        LongOpt = shared?.LongOpt ?? new PyDict<string, OptParseOption>();
        Defaults = shared?.Defaults ?? new PyDict<string, object?>();
        Description = description;
    }

    internal Dictionary<string, OptParseOption> ShortOpt { get; }
    /// <summary>Long option strings in the order they were added (prefix matches list them in that order before sorting).</summary>
    internal PyDict<string, OptParseOption> LongOpt { get; }
    public PyDict<string, object?> Defaults { get; }
    public List<OptParseOption> OptionList { get; } = new();
    public string? Description { get; set; }
    public string ConflictHandler { get; set; } = "error";

    public OptParseOption AddOption(object?[] args, PyDict<string, object?> kwargs)
    {
        if (args.Length == 0) throw new TypeError("invalid arguments");
        OptParseOption option;
        if (args[0] is string) option = new OptParseOption(args, kwargs);
        else if (args.Length == 1 && kwargs.Count == 0) option = args[0] as OptParseOption ?? throw new TypeError($"not an Option instance: {Repr.Of(args[0])}");
        else throw new TypeError("invalid arguments");
        Register(option);
        return option;
    }

    private void Register(OptParseOption option)
    {
        CheckConflict(option);
        OptionList.Add(option);
        option.Container = this;
        foreach (var opt in option.ShortOpts) ShortOpt[opt] = option;
        foreach (var opt in option.LongOpts) LongOpt[opt] = option;
        if (option.Dest is { } dest)
        {
            if (!ReferenceEquals(option.Default, OptParseOption.NoDefault)) Defaults[dest] = option.Default;
            else if (!Defaults.ContainsKey(dest)) Defaults[dest] = null;
        }
    }

    private void CheckConflict(OptParseOption option)
    {
        var conflicts = option.ShortOpts.Where(ShortOpt.ContainsKey).Select(o => (o, ShortOpt[o]))
            .Concat(option.LongOpts.Where(LongOpt.ContainsKey).Select(o => (o, LongOpt[o]))).ToList();
        if (conflicts.Count == 0) return;
        if (ConflictHandler == "error")
            throw new OptionConflictError("conflicting option string(s): " + string.Join(", ", conflicts.Select(c => c.o)), option.PyStr());
        foreach (var (opt, other) in conflicts)
        {
            if (opt.StartsWith("--", StringComparison.Ordinal)) { other.LongOpts.Remove(opt); LongOpt.Delete(opt); }
            else { other.ShortOpts.Remove(opt); ShortOpt.Remove(opt); }
            if (other.ShortOpts.Count + other.LongOpts.Count == 0) other.Container?.OptionList.Remove(other);
        }
    }

    public OptParseOption? GetOption(string opt) => ShortOpt.TryGetValue(opt, out var o) ? o : LongOpt.TryGetValue(opt, out var l) ? l : null;

    private object? RemoveOption(string opt)
    {
        var option = GetOption(opt) ?? throw new ValueError($"no such option {Repr.Of(opt)}");
        foreach (var s in option.ShortOpts) ShortOpt.Remove(s);
        foreach (var l in option.LongOpts) LongOpt.Delete(l);
        option.Container?.OptionList.Remove(option);
        return null;
    }

    private object? AddOptions(object? list)
    {
        foreach (var o in Dyn.Iter(list)) AddOption(new[] { o }, new PyDict<string, object?>());
        return null;
    }

    /// <summary>OptionContainer.format_option_help: each option's lines, those with help=SUPPRESS_HELP left out.</summary>
    internal string FormatOptionHelp(OptParseFormatter formatter) =>
        string.Concat(OptionList.Where(o => o.Help != OptParseOption.SuppressHelp).Select(formatter.FormatOption));

    internal virtual string? GetDescription() => Description;

    /// <summary>OptionContainer.format_help: the description, then the options, joined by a blank line.</summary>
    internal string FormatContainerHelp(OptParseFormatter formatter)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Description)) parts.Add(formatter.FormatDescription(GetDescription()));
        if (OptionList.Count > 0) parts.Add(FormatOptionHelp(formatter));
        return string.Join("\n", parts);
    }

    private static readonly Dictionary<string, Func<OptionContainer, object?[], PyDict<string, object?>, object?>> Methods = new(StringComparer.Ordinal)
    {
        ["add_option"] = (c, a, k) => c.AddOption(a, k),
        ["add_options"] = (c, a, k) => c.AddOptions(OptValues.Arg(a, k, 0, "option_list")),
        ["get_option"] = (c, a, k) => c.GetOption(Str(a, k, "opt_str")),
        ["has_option"] = (c, a, k) => c.GetOption(Str(a, k, "opt_str")) is not null,
        ["remove_option"] = (c, a, k) => c.RemoveOption(Str(a, k, "opt_str")),
        ["set_description"] = (c, a, k) => c.SetDescription(OptValues.Arg(a, k, 0, "description") as string),
        ["get_description"] = (c, _, _) => c.GetDescription(),
        ["set_conflict_handler"] = (c, a, k) => c.SetConflictHandler(Str(a, k, "handler")),
        ["destroy"] = (_, _, _) => null,
    };

    public virtual object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) =>
        Methods.TryGetValue(name, out var method) ? method(this, args, kwargs) : throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'");

    private object? SetDescription(string? description)
    {
        Description = description;
        return null;
    }

    private object? SetConflictHandler(string handler)
    {
        if (handler is not ("error" or "resolve")) throw new ValueError($"invalid conflict_resolution value {Repr.Of(handler)}");
        ConflictHandler = handler;
        return null;
    }

    internal static string Str(object?[] args, PyDict<string, object?> kwargs, string name, int i = 0) =>
        OptValues.Arg(args, kwargs, i, name) as string ?? throw new TypeError($"{name} must be a str");

    public virtual bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "option_list" => new PyList<object?>(OptionList),
            "defaults" => Defaults,
            "description" => Description,
            "conflict_handler" => ConflictHandler,
            _ => null,
        };
        return value is not null || name == "description";
    }

    public virtual void SetAttr(string name, object? value)
    {
        if (name == "description") Description = value as string;
        else throw new NotImplementedError($"setting '{name}' on an optparse {PyTypeName} is not supported by Batuta");
    }
}

/// <summary><c>optparse.OptionGroup(parser, title, description=None)</c>: a titled section of the parser's help.</summary>
public sealed class OptionGroup : OptionContainer
{
    public OptionGroup(OptionParser parser, string title, string? description = null) : base(parser, description)
    {
        Parser = parser;
        Title = title;
        ConflictHandler = parser.ConflictHandler;
    }

    public OptionParser Parser { get; }
    public string Title { get; set; }
    public override string PyTypeName => "OptionGroup";

    internal string FormatHelp(OptParseFormatter formatter)
    {
        var result = formatter.FormatHeading(Title);
        formatter.Indent();
        result += FormatContainerHelp(formatter);
        formatter.Dedent();
        return result;
    }

    public override object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        if (name != "set_title") return base.CallMethod(name, args, kwargs);
        Title = Str(args, kwargs, "title");
        return null;
    }

    public override void SetAttr(string name, object? value)
    {
        if (name == "title") Title = value as string ?? throw new TypeError("title must be a str");
        else base.SetAttr(name, value);
    }

    public override bool TryGetAttr(string name, out object? value)
    {
        if (name is "title" or "parser")
        {
            value = name == "title" ? Title : Parser;
            return true;
        }
        return base.TryGetAttr(name, out value);
    }
}
