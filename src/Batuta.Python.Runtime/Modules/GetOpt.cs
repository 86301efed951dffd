namespace Batuta.Python.Runtime.Modules;

/// <summary><c>getopt.GetoptError</c> (also <c>getopt.error</c>): <c>msg</c>, <c>opt</c>, and str() is the message.</summary>
public sealed class GetoptError : PyException
{
    public GetoptError(string msg, string opt = "") : base(msg, opt)
    {
        Msg = msg;
        Opt = opt;
    }

    public string Msg { get; }
    public string Opt { get; }

    public override string PyModule => "getopt";

    public override string PyStr() => Msg;
}

/// <summary>Python's <c>getopt</c>: <c>getopt</c> and <c>gnu_getopt</c>, a port of CPython 3.11's getopt.py (same messages, same prefix matching of long options).</summary>
public static class GetOpt
{
    public static (PyList<(string, string)>, PyList<string>) Getopt(object? args, string shortopts, object? longopts = null)
    {
        var opts = new PyList<(string, string)>();
        var rest = Strings(args);
        var longs = LongOptions(longopts);
        int i = 0;
        while (i < rest.Count && rest[i].StartsWith('-') && rest[i] != "-")
        {
            if (rest[i] == "--")
            {
                i++;
                break;
            }
            i = rest[i].StartsWith("--", StringComparison.Ordinal) ? DoLongs(opts, rest, i, longs) : DoShorts(opts, rest, i, shortopts);
        }
        return (opts, new PyList<string>(rest.Skip(i)));
    }

    public static (PyList<(string, string)>, PyList<string>) GnuGetopt(object? args, string shortopts, object? longopts = null)
    {
        var opts = new PyList<(string, string)>();
        var progArgs = new PyList<string>();
        var rest = Strings(args);
        var longs = LongOptions(longopts);
        bool allOptionsFirst = shortopts.StartsWith('+') || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("POSIXLY_CORRECT"));
        if (shortopts.StartsWith('+')) shortopts = shortopts[1..];
        int i = 0;
        while (i < rest.Count)
        {
            var arg = rest[i];
            if (arg == "--")
            {
                progArgs.Extend(rest.Skip(i + 1));
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal)) i = DoLongs(opts, rest, i, longs);
            else if (arg.StartsWith('-') && arg != "-") i = DoShorts(opts, rest, i, shortopts);
            else if (allOptionsFirst)
            {
                progArgs.Extend(rest.Skip(i));
                break;
            }
            else
            {
                progArgs.Append(arg);
                i++;
            }
        }
        return (opts, progArgs);
    }

    private static List<string> Strings(object? args) => Dyn.Iter(args).Select(Dyn.Cast<string>).ToList();

    // a single string is one long option, as getopt.py's type(longopts) == type("") test
    private static List<string> LongOptions(object? longopts) => longopts switch
    {
        null => [],
        string one => [one],
        _ => Strings(longopts),
    };

    /// <summary>Reads the long option at <paramref name="i"/> (and its argument); returns the index of the next argument.</summary>
    private static int DoLongs(PyList<(string, string)> opts, List<string> args, int i, List<string> longopts)
    {
        var opt = args[i][2..];
        string? optarg = null;
        int eq = opt.IndexOf('=', StringComparison.Ordinal);
        if (eq >= 0) (opt, optarg) = (opt[..eq], opt[(eq + 1)..]);
        i++;
        var (hasArg, name) = LongHasArgs(opt, longopts);
        if (hasArg && optarg is null)
        {
            if (i >= args.Count) throw new GetoptError($"option --{name} requires argument", name);
            optarg = args[i++];
        }
        else if (!hasArg && optarg is not null) throw new GetoptError($"option --{name} must not have an argument", name);
        opts.Append(("--" + name, optarg ?? ""));
        return i;
    }

    private static (bool HasArg, string Name) LongHasArgs(string opt, List<string> longopts)
    {
        var possibilities = longopts.Where(o => o.StartsWith(opt, StringComparison.Ordinal)).ToList();
        if (possibilities.Count == 0) throw new GetoptError($"option --{opt} not recognized", opt);
        if (possibilities.Contains(opt)) return (false, opt);
        if (possibilities.Contains(opt + "=")) return (true, opt);
        if (possibilities.Count > 1) throw new GetoptError($"option --{opt} not a unique prefix", opt);
        var unique = possibilities[0];
        return unique.EndsWith('=') ? (true, unique[..^1]) : (false, unique);
    }

    /// <summary>Reads a cluster of short options (<c>-vo file</c>, <c>-ofile</c>); returns the index of the next argument.</summary>
    private static int DoShorts(PyList<(string, string)> opts, List<string> args, int i, string shortopts)
    {
        var optstring = args[i++][1..];
        while (optstring.Length > 0)
        {
            var opt = optstring[..1];
            optstring = optstring[1..];
            var optarg = "";
            if (ShortHasArg(opt[0], shortopts))
            {
                if (optstring.Length == 0)
                {
                    if (i >= args.Count) throw new GetoptError($"option -{opt} requires argument", opt);
                    optstring = args[i++];
                }
                (optarg, optstring) = (optstring, "");
            }
            opts.Append(("-" + opt, optarg));
        }
        return i;
    }

    private static bool ShortHasArg(char opt, string shortopts)
    {
        for (int i = 0; i < shortopts.Length; i++)
            if (opt == shortopts[i] && opt != ':') return i + 1 < shortopts.Length && shortopts[i + 1] == ':';
        throw new GetoptError($"option -{opt} not recognized", opt.ToString());
    }
}
