namespace Batuta.Python.Runtime.Modules;

/// <summary>OptionParser's help, usage and version text, its methods as called from dynamic code, and its attributes.</summary>
public sealed partial class OptionParser
{
    public string GetUsage() => Usage is null ? "" : NewFormatter().FormatUsage(ExpandProgName(Usage));

    private OptParseFormatter NewFormatter() => new(this, FormatterSpec, Width);

    public string GetVersion() => Version is null ? "" : ExpandProgName(Version);

    /// <summary>OptionParser.format_option_help: "Options:", the parser's options, then each group, a blank line apart.</summary>
    internal string FormatOptionHelp()
    {
        var formatter = NewFormatter();
        return FormatAllOptionHelp(formatter);
    }

    private string FormatAllOptionHelp(OptParseFormatter formatter)
    {
        formatter.StoreOptionStrings(this);
        var result = new List<string> { formatter.FormatHeading("Options") };
        formatter.Indent();
        if (OptionList.Count > 0)
        {
            result.Add(FormatOptionHelp(formatter));
            result.Add("\n");
        }
        foreach (var group in OptionGroups)
        {
            result.Add(group.FormatHelp(formatter));
            result.Add("\n");
        }
        formatter.Dedent();
        return string.Concat(result.Take(result.Count - 1));
    }

    public string FormatHelp()
    {
        var formatter = NewFormatter();
        var sb = new System.Text.StringBuilder();
        if (Usage is not null) sb.Append(GetUsage()).Append('\n');
        if (!string.IsNullOrEmpty(Description)) sb.Append(formatter.FormatDescription(GetDescription())).Append('\n');
        sb.Append(FormatAllOptionHelp(formatter));
        sb.Append(formatter.FormatEpilog(Epilog));
        return sb.ToString();
    }

    private static object? Write(TextWriter w, string text)
    {
        if (!ReferenceEquals(w, Sys.StdoutWriter)) Sys.StdoutWriter.Flush();
        w.Write(text);
        w.Flush();
        return null;
    }

    public object? PrintHelp(object? file) => Write(ArgumentParser.Writer(file), FormatHelp());

    public object? PrintUsage(object? file) => Usage is null ? null : Write(ArgumentParser.Writer(file), GetUsage() + "\n");

    public object? PrintVersion(object? file) => Version is null ? null : Write(ArgumentParser.Writer(file), GetVersion() + "\n");

    private static readonly Dictionary<string, Func<OptionParser, object?[], PyDict<string, object?>, object?>> ParserMethods = new(StringComparer.Ordinal)
    {
        ["parse_args"] = (p, a, k) => p.ParseArgs(OptValues.Arg(a, k, 0, "args"), OptValues.Arg(a, k, 1, "values")),
        ["add_option_group"] = (p, a, k) => p.AddOptionGroup(a, k),
        ["get_option_group"] = (p, a, k) => p.GetOptionGroup(Str(a, k, "opt_str")),
        ["set_defaults"] = (p, _, k) => p.SetDefaults(k),
        ["set_default"] = (p, a, k) => p.SetDefault(Str(a, k, "dest"), OptValues.Arg(a, k, 1, "value")),
        ["get_default_values"] = (p, _, _) => p.GetDefaultValues(),
        ["error"] = (p, a, k) => p.Error(Str(a, k, "msg")),
        ["exit"] = (p, a, k) => p.Exit(OptValues.Arg(a, k, 0, "status") ?? new PyInt(0), OptValues.Arg(a, k, 1, "msg") as string),
        ["print_help"] = (p, a, k) => p.PrintHelp(OptValues.Arg(a, k, 0, "file")),
        ["print_usage"] = (p, a, k) => p.PrintUsage(OptValues.Arg(a, k, 0, "file")),
        ["print_version"] = (p, a, k) => p.PrintVersion(OptValues.Arg(a, k, 0, "file")),
        ["format_help"] = (p, _, _) => p.FormatHelp(),
        ["format_option_help"] = (p, _, _) => p.FormatOptionHelp(),
        ["format_epilog"] = (p, _, _) => p.NewFormatter().FormatEpilog(p.Epilog),
        ["format_description"] = (p, _, _) => p.NewFormatter().FormatDescription(p.GetDescription()),
        ["get_usage"] = (p, _, _) => p.GetUsage(),
        ["get_version"] = (p, _, _) => p.GetVersion(),
        ["get_prog_name"] = (p, _, _) => p.GetProgName(),
        ["expand_prog_name"] = (p, a, k) => p.ExpandProgName(Str(a, k, "s")),
        ["set_usage"] = (p, a, k) => Also(() => p.SetUsage(OptValues.Arg(a, k, 0, "usage") as string)),
        ["enable_interspersed_args"] = (p, _, _) => Also(() => p.AllowInterspersedArgs = true),
        ["disable_interspersed_args"] = (p, _, _) => Also(() => p.AllowInterspersedArgs = false),
        ["set_process_default_values"] = (p, a, k) => Also(() => p.ProcessDefaultValues = Dyn.Truth(OptValues.Arg(a, k, 0, "process"))),
        ["check_values"] = (_, a, k) => (OptValues.Arg(a, k, 0, "values"), OptValues.Arg(a, k, 1, "args")),
    };

    public override object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) =>
        ParserMethods.TryGetValue(name, out var method) ? method(this, args, kwargs) : base.CallMethod(name, args, kwargs);

    private static object? Also(Action action)
    {
        action();
        return null;
    }

    private object? SetDefaults(PyDict<string, object?> kwargs)
    {
        foreach (var (k, v) in kwargs.Items()) Defaults[k] = v;
        return null;
    }

    private object? SetDefault(string dest, object? value)
    {
        Defaults[dest] = value;
        return null;
    }

    private static readonly Dictionary<string, Func<OptionParser, object?>> Getters = new(StringComparer.Ordinal)
    {
        ["usage"] = p => p.Usage,
        ["prog"] = p => p.Prog,
        ["version"] = p => p.Version,
        ["epilog"] = p => p.Epilog,
        ["option_groups"] = p => new PyList<object?>(p.OptionGroups),
        ["formatter"] = p => p.FormatterSpec,
        ["allow_interspersed_args"] = p => p.AllowInterspersedArgs,
        ["process_default_values"] = p => p.ProcessDefaultValues,
        ["values"] = p => p._values,
        ["largs"] = p => p._largs,
        ["rargs"] = p => p._rargs,
    };

    public override bool TryGetAttr(string name, out object? value)
    {
        if (Getters.TryGetValue(name, out var getter))
        {
            value = getter(this);
            return true;
        }
        return base.TryGetAttr(name, out value);
    }

    public override void SetAttr(string name, object? value)
    {
        switch (name)
        {
            case "usage": Usage = value as string; break;
            case "prog": Prog = value as string; break;
            case "version": Version = value as string; break;
            case "epilog": Epilog = value as string; break;
            case "allow_interspersed_args": AllowInterspersedArgs = Dyn.Truth(value); break;
            default: base.SetAttr(name, value); break;
        }
    }
}
