namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// optparse's HelpFormatter with the settings of an IndentedHelpFormatter (indent 2, help at column 24 at most, short
/// options first, "-f FILE, --file=FILE") or a TitledHelpFormatter (underlined headings): the width is $COLUMNS - 2 (78
/// without it) unless given, help text wrapped by textwrap, "%default" replaced by str() of the default.
/// </summary>
internal sealed class OptParseFormatter
{
    private const string NoDefaultValue = "none";

    private readonly OptionParser _parser;
    private readonly int _width;
    private readonly int _maxHelpPosition;
    private readonly Dictionary<OptParseOption, string> _optionStrings = new(ReferenceEqualityComparer.Instance);
    private readonly OptParseFormatterSpec _spec;
    private int _helpPosition, _helpWidth, _currentIndent, _level;

    public OptParseFormatter(OptionParser parser, OptParseFormatterSpec spec, int width)
    {
        _parser = parser;
        _spec = spec;
        _width = spec.Width ?? width;
        _helpPosition = _maxHelpPosition = spec.Unclamped ? spec.MaxHelpPosition : Math.Min(spec.MaxHelpPosition, Math.Max(_width - 20, spec.IndentIncrement * 2));
    }

    /// <summary>HelpFormatter's width when none is given: int($COLUMNS), else 80; less 2.</summary>
    public static int DefaultWidth() =>
        (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS")?.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 80) - 2;

    public void Indent()
    {
        _currentIndent += _spec.IndentIncrement;
        _level++;
    }

    public void Dedent()
    {
        _currentIndent -= _spec.IndentIncrement;
        _level--;
    }

    public string FormatUsage(string usage) => _spec.Titled ? $"{FormatHeading("Usage")}  {usage}\n" : $"Usage: {usage}\n";

    public string FormatHeading(string heading) => _spec.Titled
        ? heading + "\n" + new string("=-"[Math.Min(_level, 1)], heading.Length) + "\n"
        : new string(' ', _currentIndent) + heading + ":\n";

    private string FormatText(string text)
    {
        var indent = new string(' ', _currentIndent);
        return TextWrap.Fill(text, Math.Max(_width - _currentIndent, 11), indent, indent);
    }

    public string FormatDescription(string? description) => string.IsNullOrEmpty(description) ? "" : FormatText(description) + "\n";

    public string FormatEpilog(string? epilog) => string.IsNullOrEmpty(epilog) ? "" : "\n" + FormatText(epilog) + "\n";

    private string ExpandDefault(OptParseOption option, string help)
    {
        var value = option.Dest is { } dest ? _parser.Defaults.Get(dest) : null;
        var shown = value is null || ReferenceEquals(value, OptParseOption.NoDefault) ? NoDefaultValue : Runtime.Str.Of(value);
        return help.Replace("%default", shown);
    }

    /// <summary>HelpFormatter.format_option: the option strings, then the help beside them (or below, when they are too long).</summary>
    public string FormatOption(OptParseOption option)
    {
        var sb = new System.Text.StringBuilder();
        var opts = _optionStrings[option];
        int optWidth = _helpPosition - _currentIndent - 2;
        int indentFirst = 0;
        sb.Append(' ', _currentIndent);
        if (opts.Length > optWidth)
        {
            sb.Append(opts).Append('\n');
            indentFirst = _helpPosition;
        }
        else sb.Append(opts.PadRight(optWidth)).Append("  ");
        if (!string.IsNullOrEmpty(option.Help))
        {
            var lines = TextWrap.Wrap(ExpandDefault(option, option.Help), _helpWidth);
            sb.Append(' ', indentFirst).Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1)) sb.Append(' ', _helpPosition).Append(line).Append('\n');
        }
        else if (sb[sb.Length - 1] != '\n') sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>HelpFormatter.store_option_strings: each option's strings, and the help column they leave.</summary>
    public void StoreOptionStrings(OptionParser parser)
    {
        Indent();
        int maxLen = Store(parser.OptionList, 0);
        Indent();
        foreach (var group in parser.OptionGroups) maxLen = Store(group.OptionList, maxLen);
        Dedent();
        Dedent();
        _helpPosition = Math.Min(maxLen + 2, _maxHelpPosition);
        _helpWidth = Math.Max(_width - _helpPosition, 11);
    }

    private int Store(List<OptParseOption> options, int maxLen)
    {
        foreach (var opt in options)
        {
            var strings = FormatOptionStrings(opt);
            _optionStrings[opt] = strings;
            maxLen = Math.Max(maxLen, strings.Length + _currentIndent);
        }
        return maxLen;
    }

    private string FormatOptionStrings(OptParseOption option)
    {
        var metavar = option.Metavar is { Length: > 0 } m ? m : (option.Dest ?? "").ToUpperInvariant();
        var shorts = option.TakesValue ? option.ShortOpts.Select(s => s + " " + metavar) : option.ShortOpts;
        var longs = option.TakesValue ? option.LongOpts.Select(l => l + "=" + metavar) : option.LongOpts;
        return string.Join(", ", _spec.ShortFirst ? shorts.Concat(longs) : longs.Concat(shorts));
    }
}
