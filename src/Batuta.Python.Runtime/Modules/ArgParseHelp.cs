using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// CPython 3.11's argparse.HelpFormatter (and the Raw/ArgumentDefaults variants), line for line where it decides
/// the text: usage wrapping, the help position (longest invocation + 4, at most 24), textwrap'd help and description,
/// %(default)s-style expansion, sub-command lines. The width is $COLUMNS - 2 (80 - 2 without a terminal).
/// </summary>
internal sealed class HelpFormatter
{
    private readonly ArgumentParser _parser;
    private readonly string _prog;
    private readonly int _width;
    private readonly int _maxHelpPosition;
    private int _currentIndent;
    private int _actionMaxLength;
    private readonly bool _rawDescription, _rawText, _defaults;

    public HelpFormatter(ArgumentParser parser)
    {
        _parser = parser;
        _prog = parser.Prog;
        int columns = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var c) && c > 0 ? c : 80;
        _width = columns - 2;
        _maxHelpPosition = Math.Min(24, Math.Max(_width - 20, 4));
        _rawText = parser.FormatterClass == "RawTextHelpFormatter";
        _rawDescription = _rawText || parser.FormatterClass == "RawDescriptionHelpFormatter";
        _defaults = parser.FormatterClass == "ArgumentDefaultsHelpFormatter";
    }

    // ---- whole help ----
    public string FormatHelp()
    {
        var parts = new List<string> { FormatUsage(_parser.Usage, _parser.Actions, "usage: ") };
        if (_parser.Description is { } d) parts.Add(FormatText(d));
        // every section's invocations are measured before any is formatted (CPython adds all, then formats)
        _currentIndent += 2;
        foreach (var g in _parser.Groups) foreach (var a in g.Actions) Measure(a);
        _currentIndent -= 2;
        foreach (var g in _parser.Groups)
        {
            _currentIndent += 2;
            var items = new List<string>();
            if (g.Description is { } gd) items.Add(FormatText(gd));
            foreach (var a in g.Actions) if (a.Help != ArgumentParser.Suppress) items.Add(FormatAction(a));
            _currentIndent -= 2;
            var body = string.Concat(items);
            if (body.Length == 0) continue;
            parts.Add("\n" + (g.Title is null ? "" : new string(' ', _currentIndent) + g.Title + ":\n") + body + "\n");
        }
        if (_parser.Epilog is { } e) parts.Add(FormatText(e));
        var help = string.Concat(parts);
        help = Regex.Replace(help, @"\n\n\n+", "\n\n");
        return help.Trim('\n') + "\n";
    }

    public string FormatUsageOnly() => Regex.Replace(FormatUsage(_parser.Usage, _parser.Actions, "usage: "), @"\n\n\n+", "\n\n").Trim('\n') + "\n";

    /// <summary>The sub-parsers' prog prefix: this prog and the usage of the positionals before them.</summary>
    public string UsagePrefixOfPositionals(List<ArgAction> positionals) => FormatUsage(_parser.Usage, positionals, "").Trim();

    public string FormatVersion(string version)
    {
        var text = version.Replace("%(prog)s", _prog);
        return FillText(text, _width, "") + "\n";
    }

    private void Measure(ArgAction a)
    {
        if (a.Help == ArgumentParser.Suppress) return;
        int len = Invocation(a).Length;
        _currentIndent += 2;
        foreach (var s in a.SubActions) len = Math.Max(len, Invocation(s).Length);
        _currentIndent -= 2;
        _actionMaxLength = Math.Max(_actionMaxLength, len + _currentIndent);
    }

    // ---- usage ----
    private string FormatUsage(string? usage, IReadOnlyList<ArgAction> actions, string prefix)
    {
        string text;
        if (usage is not null) text = usage.Replace("%(prog)s", _prog);
        else if (actions.Count == 0) text = _prog;
        else
        {
            var optionals = actions.Where(a => a.OptionStrings.Count > 0).ToList();
            var positionals = actions.Where(a => a.OptionStrings.Count == 0).ToList();
            var actionUsage = ActionsUsage(optionals.Concat(positionals).ToList());
            text = string.Join(" ", new[] { _prog, actionUsage }.Where(s => s.Length > 0));
            int textWidth = _width - _currentIndent;
            if (prefix.Length + text.Length > textWidth)
            {
                const string partRegex = @"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+";
                var optParts = Regex.Matches(ActionsUsage(optionals), partRegex).Select(m => m.Value).ToList();
                var posParts = Regex.Matches(ActionsUsage(positionals), partRegex).Select(m => m.Value).ToList();

                List<string> GetLines(List<string> parts, string indent, string? pre = null)
                {
                    var lines = new List<string>();
                    var line = new List<string>();
                    int lineLen = pre is not null ? pre.Length - 1 : indent.Length - 1;
                    foreach (var part in parts)
                    {
                        if (lineLen + 1 + part.Length > textWidth && line.Count > 0)
                        {
                            lines.Add(indent + string.Join(" ", line));
                            line.Clear();
                            lineLen = indent.Length - 1;
                        }
                        line.Add(part);
                        lineLen += part.Length + 1;
                    }
                    if (line.Count > 0) lines.Add(indent + string.Join(" ", line));
                    if (pre is not null && lines.Count > 0) lines[0] = lines[0].Substring(indent.Length);
                    return lines;
                }

                List<string> all;
                if (prefix.Length + _prog.Length <= 0.75 * textWidth)
                {
                    var indent = new string(' ', prefix.Length + _prog.Length + 1);
                    if (optParts.Count > 0)
                    {
                        all = GetLines(new[] { _prog }.Concat(optParts).ToList(), indent, prefix);
                        all.AddRange(GetLines(posParts, indent));
                    }
                    else if (posParts.Count > 0) all = GetLines(new[] { _prog }.Concat(posParts).ToList(), indent, prefix);
                    else all = new List<string> { _prog };
                }
                else
                {
                    var indent = new string(' ', prefix.Length);
                    var lines = GetLines(optParts.Concat(posParts).ToList(), indent);
                    if (lines.Count > 1)
                    {
                        lines = GetLines(optParts, indent);
                        lines.AddRange(GetLines(posParts, indent));
                    }
                    all = new[] { _prog }.Concat(lines).ToList();
                }
                text = string.Join("\n", all);
            }
        }
        return prefix + text + "\n\n";
    }

    private string ActionsUsage(List<ArgAction> actions)
    {
        var (inserts, grouped) = GroupInserts(actions);
        var parts = new List<string?>();
        for (int i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (a.Help == ArgumentParser.Suppress)
            {
                // a hidden action leaves no part, and takes one of the group's | separators with it
                parts.Add(null);
                if (inserts.TryGetValue(i, out var here) && here == "|") inserts.Remove(i);
                else if (inserts.TryGetValue(i + 1, out var next) && next == "|") inserts.Remove(i + 1);
                continue;
            }
            parts.Add(ActionUsage(a, grouped.Contains(a)));
        }
        foreach (var i in inserts.Keys.OrderByDescending(k => k)) parts.Insert(i, inserts[i]);
        var text = string.Join(" ", parts.Where(p => p is not null));
        text = Regex.Replace(text, @"([\[(]) ", "$1");
        text = Regex.Replace(text, @" ([\])])", "$1");
        text = Regex.Replace(text, @"[\[(] *[\])]", "");
        text = Regex.Replace(text, @"\(([^|]*)\)", "$1");
        return text.Trim();
    }

    private static string ActionUsage(ArgAction a, bool inGroup)
    {
        if (a.OptionStrings.Count == 0)
        {
            var part = FormatArgs(a, a.Dest);
            // in a group, a positional's own [] give way to the group's
            if (inGroup && part.Length > 1 && part[0] == '[' && part[part.Length - 1] == ']') part = part.Substring(1, part.Length - 2);
            return part;
        }
        string usage = a.Nargs is 0 ? a.OptionStrings[0] : a.OptionStrings[0] + " " + FormatArgs(a, a.Dest.ToUpperInvariant());
        return a.Required || inGroup ? usage : "[" + usage + "]";
    }

    /// <summary>
    /// CPython's _format_actions_usage: a mutually exclusive group whose actions stand together in the usage gets
    /// [ ] (( ) when required) around them and | between them.
    /// </summary>
    private (Dictionary<int, string> Inserts, HashSet<ArgAction> Grouped) GroupInserts(List<ArgAction> actions)
    {
        var inserts = new Dictionary<int, string>();
        var grouped = new HashSet<ArgAction>();
        void Put(int at, string mark) => inserts[at] = inserts.TryGetValue(at, out var had) ? had + " " + mark : mark;
        foreach (var g in _parser.MutexGroups)
        {
            if (g.Actions.Count == 0) throw new ValueError("empty group <argparse._MutuallyExclusiveGroup object>");
            int start = actions.IndexOf(g.Actions[0]);
            if (start < 0) continue;
            int end = start + g.Actions.Count;
            if (end > actions.Count || !actions.Skip(start).Take(g.Actions.Count).SequenceEqual(g.Actions)) continue;
            foreach (var a in g.Actions) grouped.Add(a);
            // 3.11.2 puts ( ) around a required group of any size; the cleanup below drops them when no | is inside
            if (!g.Required) { Put(start, "["); Put(end, "]"); }
            else { Put(start, "("); Put(end, ")"); }
            for (int i = start + 1; i < end; i++) inserts[i] = "|";
        }
        return (inserts, grouped);
    }

    // ---- actions ----
    private string FormatAction(ArgAction a)
    {
        int helpPosition = Math.Min(_actionMaxLength + 2, _maxHelpPosition);
        int helpWidth = Math.Max(_width - helpPosition, 11);
        int actionWidth = helpPosition - _currentIndent - 2;
        var header = Invocation(a);
        var sb = new StringBuilder();
        int indentFirst = 0;
        if (string.IsNullOrEmpty(a.Help))
            sb.Append(new string(' ', _currentIndent)).Append(header).Append('\n');
        else if (header.Length <= actionWidth)
            sb.Append(new string(' ', _currentIndent)).Append(header.PadRight(actionWidth)).Append("  ");
        else
        {
            sb.Append(new string(' ', _currentIndent)).Append(header).Append('\n');
            indentFirst = helpPosition;
        }
        if (!string.IsNullOrEmpty(a.Help) && a.Help.Trim().Length > 0)
        {
            var helpText = ExpandHelp(a);
            if (helpText.Length > 0)
            {
                var lines = SplitLines(helpText, helpWidth);
                sb.Append(new string(' ', indentFirst)).Append(lines.Count > 0 ? lines[0] : "").Append('\n');
                foreach (var line in lines.Skip(1)) sb.Append(new string(' ', helpPosition)).Append(line).Append('\n');
            }
        }
        else if (sb[sb.Length - 1] != '\n') sb.Append('\n');
        _currentIndent += 2;
        foreach (var s in a.SubActions) sb.Append(FormatAction(s));
        _currentIndent -= 2;
        return sb.ToString();
    }

    private string Invocation(ArgAction a)
    {
        if (a.OptionStrings.Count == 0) return Metavars(a, a.Dest)(1)[0];
        if (a.Nargs is 0) return string.Join(", ", a.OptionStrings);
        var args = FormatArgs(a, a.Dest.ToUpperInvariant());
        return string.Join(", ", a.OptionStrings.Select(s => s + " " + args));
    }

    private static Func<int, string[]> Metavars(ArgAction a, string defaultMetavar)
    {
        if (a.Metavar is PyTuple t) { var items = t.Select(x => Str.Of(x)).ToArray(); return _ => items; }
        string result = a.Metavar is string m ? m
            : a.Choices is not null ? "{" + string.Join(",", a.Choices.Select(x => Str.Of(x))) + "}"
            : defaultMetavar;
        return n => Enumerable.Repeat(result, n).ToArray();
    }

    private static string FormatArgs(ArgAction a, string defaultMetavar)
    {
        var get = Metavars(a, defaultMetavar);
        switch (a.Nargs)
        {
            case null: return get(1)[0];
            case ArgumentParser.Optional: return "[" + get(1)[0] + "]";
            case ArgumentParser.ZeroOrMore:
            {
                var m = get(1);
                return m.Length == 2 ? $"[{m[0]} [{m[1]} ...]]" : $"[{m[0]} ...]";
            }
            case ArgumentParser.OneOrMore:
            {
                var m = get(2);
                return $"{m[0]} [{m[1]} ...]";
            }
            case ArgumentParser.Remainder: return "...";
            case ArgumentParser.Parser: return get(1)[0] + " ...";
            case ArgumentParser.Suppress: return "";
            case int n: return string.Join(" ", get(n));
        }
        throw new ValueError("invalid nargs value");
    }

    /// <summary>The help with %(name)s filled from the action (default, type, choices, prog, dest, metavar, ...).</summary>
    private string ExpandHelp(ArgAction a)
    {
        var help = a.Help ?? "";
        if (_defaults && !help.Contains("%(default)") && !(a.Default is string sd && sd == ArgumentParser.Suppress)
            && (a.OptionStrings.Count > 0 || a.Nargs is ArgumentParser.Optional or ArgumentParser.ZeroOrMore))
            help += " (default: %(default)s)";
        if (!help.Contains('%')) return help;
        var p = new PyDict<string, object?>
        {
            ["option_strings"] = new PyList<object?>(a.OptionStrings),
            ["dest"] = a.Dest,
            ["nargs"] = a.Nargs,
            ["const"] = a.Const,
            ["default"] = a.Default,
            ["type"] = a.Type is null ? null : ArgumentParser.TypeName(a.Type),
            ["choices"] = a.Choices is null ? null : string.Join(", ", a.Choices.Select(x => Str.Of(x))),
            ["required"] = a.Required,
            ["help"] = a.Help,
            ["metavar"] = a.Metavar,
            ["prog"] = _prog,
        };
        return Text.PercentFormat.Format(help, p);
    }

    private List<string> SplitLines(string text, int width)
    {
        if (_rawText) return text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        text = Regex.Replace(text, @"\s+", " ").Trim();
        return TextWrap.Wrap(text, width).ToList();
    }

    private string FormatText(string text)
    {
        text = text.Replace("%(prog)s", _prog);
        int textWidth = Math.Max(_width - _currentIndent, 11);
        var indent = new string(' ', _currentIndent);
        return FillText(text, textWidth, indent) + "\n\n";
    }

    private string FillText(string text, int width, string indent)
    {
        if (_rawDescription) return string.Concat(text.Split('\n').Select((l, i) => (i > 0 ? "\n" : "") + indent + l));
        text = Regex.Replace(text, @"\s+", " ").Trim();
        return TextWrap.Fill(text, width, indent, indent);
    }
}
