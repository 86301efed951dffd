namespace Batuta.Cli.Infrastructure;

/// <summary>
/// Parsed command-line arguments: positionals, <c>--name value</c>/<c>--name=value</c> options and
/// <c>--flag</c> switches. Each command declares which options take a value and which are flags, so
/// an unknown option is an error (exit code 2), not silently ignored.
/// </summary>
public sealed class CliArguments
{
    public List<string> Positionals { get; } = [];
    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    /// <summary>Arguments after <c>--</c>, passed through untouched (for <c>batuta run script.py -- args</c>).</summary>
    public List<string> PassThrough { get; } = [];

    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags, bool stopAtFirstPositional = false)
    {
        var result = new CliArguments();
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                result.PassThrough.AddRange(args.Skip(i + 1));
                break;
            }
            if (stopAtFirstPositional && result.Positionals.Count > 0)
            {
                result.PassThrough.AddRange(args.Skip(i));
                break;
            }
            if (a.StartsWith('-') && a.Length > 1)
            {
                i = result.AddOption(args, i, valueOptions, flags);
                continue;
            }
            result.Positionals.Add(a);
        }
        return result;
    }

    /// <summary>Records the option at <c>args[i]</c> (<c>--name=value</c>, <c>--name value</c> or a flag); returns the index of the last argument it used.</summary>
    private int AddOption(IReadOnlyList<string> args, int i, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        var a = args[i];
        int eq = a.IndexOf('=');
        string name = eq > 0 ? a[..eq] : a;
        if (valueOptions.Contains(name))
        {
            if (eq > 0)
            {
                Options[name] = a[(eq + 1)..];
                return i;
            }
            if (i + 1 >= args.Count) throw new UsageException($"option {name} needs a value");
            Options[name] = args[i + 1];
            return i + 1;
        }
        if (flags.Contains(name) && eq < 0)
        {
            Flags.Add(name);
            return i;
        }
        throw new UsageException($"unknown option '{a}'");
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);

    public bool Flag(string name) => Flags.Contains(name);
}

/// <summary>Bad arguments: the CLI prints the message and the command's usage, and exits with 2.</summary>
public sealed class UsageException(string message) : Exception(message);
