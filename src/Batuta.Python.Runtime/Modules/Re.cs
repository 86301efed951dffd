using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>re</c> on .NET's regex engine. Patterns are translated from Python's syntax (named groups, group
/// numbering, <c>\Z</c>, ASCII classes, <c>\U</c> escapes) or rejected with re.error naming the construct; the
/// replacement templates (<c>\1</c>, <c>\g&lt;name&gt;</c>) are expanded by Python's rules, not .NET's <c>$</c> syntax.
/// </summary>
public static class ReModule
{
    public static readonly ReFlag A = ReFlag.ASCII, ASCII = ReFlag.ASCII, I = ReFlag.IGNORECASE, IGNORECASE = ReFlag.IGNORECASE, L = ReFlag.LOCALE, LOCALE = ReFlag.LOCALE,
        M = ReFlag.MULTILINE, MULTILINE = ReFlag.MULTILINE, S = ReFlag.DOTALL, DOTALL = ReFlag.DOTALL, X = ReFlag.VERBOSE, VERBOSE = ReFlag.VERBOSE,
        U = ReFlag.UNICODE, UNICODE = ReFlag.UNICODE, T = ReFlag.TEMPLATE, TEMPLATE = ReFlag.TEMPLATE, DEBUG = ReFlag.DEBUG, NOFLAG = ReFlag.NOFLAG;

    private static readonly Dictionary<(string, long), RePattern> Cache = new();

    public static RePattern Compile(string pattern, long flags = 0)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((pattern, flags), out var p)) return p;
            p = new RePattern(pattern, flags);
            if (Cache.Count > 512) Cache.Clear();
            Cache[(pattern, flags)] = p;
            return p;
        }
    }

    public static RePattern Compile(RePattern pattern, long flags = 0) =>
        flags == 0 ? pattern : throw new ValueError("cannot process flags argument with a compiled pattern");

    public static ReMatch? Search(string pattern, string s, long flags = 0) => Compile(pattern, flags).Search(s);
    public static ReMatch? Match(string pattern, string s, long flags = 0) => Compile(pattern, flags).Match(s);
    public static ReMatch? FullMatch(string pattern, string s, long flags = 0) => Compile(pattern, flags).FullMatch(s);
    public static PyList<object?> FindAll(string pattern, string s, long flags = 0) => Compile(pattern, flags).FindAll(s);
    public static PyList<string> FindAllStrings(string pattern, string s, long flags = 0) => Compile(pattern, flags).FindAllStrings(s);
    public static IEnumerable<ReMatch> FindIter(string pattern, string s, long flags = 0) => Compile(pattern, flags).FindIter(s);
    public static PyList<string?> Split(string pattern, string s, long maxsplit = 0, long flags = 0) => Compile(pattern, flags).Split(s, maxsplit);
    public static string Sub(string pattern, string repl, string s, long count = 0, long flags = 0) => Compile(pattern, flags).Sub(repl, s, count);
    public static string Sub(string pattern, Func<ReMatch, string> repl, string s, long count = 0, long flags = 0) => Compile(pattern, flags).Sub(repl, s, count);
    public static (string, PyInt) SubN(string pattern, string repl, string s, long count = 0, long flags = 0) => Compile(pattern, flags).SubN(repl, s, count);

    /// <summary>re.escape: every character outside [A-Za-z0-9_] and non-ASCII letters gets a backslash, as CPython.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length * 2);
        foreach (char c in s)
        {
            if (SpecialChars.IndexOf(c) >= 0) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    // CPython's _special_chars_map: these and nothing else are escaped (3.7+).
    private const string SpecialChars = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
}

/// <summary>A compiled pattern (<c>re.Pattern</c>).</summary>
public sealed class RePattern : IPyObject, IPyTyped
{
    private readonly Regex _regex;
    private readonly Dictionary<string, int> _groupIndex;
    private Regex? _anchored;
    private Regex? _full;

    internal RePattern(string pattern, long flags)
    {
        Pattern = pattern;
        // CPython's errors first: .NET accepts some patterns Python rejects (^*, [\w-z], forward group references)
        if (ReDiagnosis.Diagnose(pattern, flags) is { } error) throw error;
        var t = ReTranslator.Translate(pattern, flags);
        flags |= t.InlineFlags;
        CheckFlags(flags);
        _groupIndex = t.Names;
        Groups = t.GroupCount;
        Flags = (flags & ReFlagBits.ASCII) == 0 ? flags | ReFlagBits.UNICODE : flags;
        Options = t.Options;
        Translated = t.Pattern;
        try
        {
            _regex = new Regex(t.Pattern, t.Options);
        }
        catch (ArgumentException e)
        {
            // .NET's message and offset describe its own (translated) syntax: name the error as CPython does when we can
            throw ReDiagnosis.Diagnose(pattern, flags) ?? new ReError($"{e.Message} (in pattern {Repr.Of(pattern)})");
        }
    }

    public string Pattern { get; }
    public long Flags { get; }
    public long Groups { get; }
    internal RegexOptions Options { get; }
    /// <summary>The .NET pattern the Python one became.</summary>
    public string Translated { get; }
    public PyDict<string, PyInt> GroupIndex => new(_groupIndex.Select(kv => new KeyValuePair<string, PyInt>(kv.Key, kv.Value)));
    public string PyTypeName => "re.Pattern";

    internal int GroupNumber(object? group)
    {
        switch (group)
        {
            case PyInt i when i.IsSmall && i.Small >= 0 && i.Small <= Groups: return (int)i.Small;
            case long l when l >= 0 && l <= Groups: return (int)l;
            case int n when n >= 0 && n <= Groups: return n;
            case string name when _groupIndex.TryGetValue(name, out var k): return k;
        }
        throw new IndexError("no such group");
    }

    internal IEnumerable<(string Name, int Index)> NamedGroups => _groupIndex.Select(kv => (kv.Key, kv.Value));

    private Regex Anchored => _anchored ??= new Regex(@"\G(?:" + Translated + ")", Options);
    private Regex Full => _full ??= new Regex(@"\G(?:" + Translated + @")\z", Options);

    /// <summary>
    /// Python's pos/endpos: the string is cut at endpos (as if it ended there) and the search starts at pos, where
    /// '^' does not match (.NET's Match(input, startat) has the same rule).
    /// </summary>
    private static (string Input, int Start, int End) Window(string s, long pos, long? endpos)
    {
        int end = (int)Math.Clamp(endpos ?? s.Length, 0, s.Length);
        int start = (int)Math.Clamp(pos < 0 ? 0 : pos, 0, end);
        return (end == s.Length ? s : s.Substring(0, end), start, end);
    }

    public ReMatch? Search(string s, long pos = 0, long? endpos = null)
    {
        var (input, st, end) = Window(s, pos, endpos);
        var m = _regex.Match(input, st);
        return m.Success ? new ReMatch(this, m, s, st, end) : null;
    }

    public ReMatch? Match(string s, long pos = 0, long? endpos = null)
    {
        var (input, st, end) = Window(s, pos, endpos);
        var m = Anchored.Match(input, st);
        return m.Success ? new ReMatch(this, m, s, st, end) : null;
    }

    public ReMatch? FullMatch(string s, long pos = 0, long? endpos = null)
    {
        var (input, st, end) = Window(s, pos, endpos);
        var m = Full.Match(input, st);
        return m.Success ? new ReMatch(this, m, s, st, end) : null;
    }

    public IEnumerable<ReMatch> FindIter(string s, long pos = 0, long? endpos = null)
    {
        var (input, st, end) = Window(s, pos, endpos);
        for (var m = _regex.Match(input, st); m.Success; m = m.NextMatch()) yield return new ReMatch(this, m, s, st, end);
    }

    /// <summary>findall: the whole matches, the one group, or tuples of all groups (unmatched groups are '').</summary>
    public PyList<object?> FindAll(string s, long pos = 0, long? endpos = null)
    {
        var result = new PyList<object?>();
        foreach (var m in FindIter(s, pos, endpos))
        {
            if (Groups == 0) result.Append(m.Group(0));
            else if (Groups == 1) result.Append(m.Group(1) ?? "");
            else result.Append(new PyTuple(Enumerable.Range(1, (int)Groups).Select(g => (object?)(m.Group(g) ?? "")).ToArray()));
        }
        return result;
    }

    /// <summary>findall when the pattern has at most one group: a list of str.</summary>
    public PyList<string> FindAllStrings(string s, long pos = 0, long? endpos = null)
    {
        if (Groups > 1) throw new TypeError("findall() returns tuples for a pattern with several groups");
        var result = new PyList<string>();
        foreach (var m in FindIter(s, pos, endpos)) result.Append(Groups == 0 ? m.Group(0).OrThrow() : m.Group(1) ?? "");
        return result;
    }

    /// <summary>re.split: the pieces, with every group of each separator in between (None where it did not match).</summary>
    public PyList<string?> Split(string s, long maxsplit = 0)
    {
        var result = new PyList<string?>();
        int last = 0;
        long n = 0;
        foreach (var m in FindIter(s))
        {
            if (maxsplit > 0 && n >= maxsplit) break;
            result.Append(s.Substring(last, m.StartIndex - last));
            for (int g = 1; g <= Groups; g++) result.Append(m.Group(g));
            last = m.EndIndex;
            n++;
        }
        result.Append(s.Substring(last));
        return result;
    }

    public string Sub(string repl, string s, long count = 0) => SubN(repl, s, count).Item1;
    public string Sub(Func<ReMatch, string> repl, string s, long count = 0) => SubN(repl, s, count).Item1;
    public string Sub(object? repl, string s, long count = 0) => SubN(repl, s, count).Item1;

    /// <summary>A replacement typed only at run time (a variable holding a template or a function) picks its kind per call, as CPython.</summary>
    public (string, PyInt) SubN(object? repl, string s, long count = 0) =>
        repl is string template ? SubN(template, s, count) : SubN(m => Str.Of(Dyn.Call(repl, m)), s, count);

    public (string, PyInt) SubN(string repl, string s, long count = 0)
    {
        var template = ReTemplate.Parse(repl, this);
        return SubN(m => template.Expand(m), s, count);
    }

    public (string, PyInt) SubN(Func<ReMatch, string> repl, string s, long count = 0)
    {
        var sb = new StringBuilder();
        int last = 0;
        long n = 0;
        foreach (var m in FindIter(s))
        {
            if (count > 0 && n >= count) break;
            sb.Append(s, last, m.StartIndex - last).Append(repl(m));
            last = m.EndIndex;
            n++;
        }
        sb.Append(s, last, s.Length - last);
        return (sb.ToString(), n);
    }

    public string PyRepr()
    {
        var flags = FlagNames(Flags & ~ReFlagBits.UNICODE);
        return flags.Length == 0 ? $"re.compile({Repr.Of(Pattern)})" : $"re.compile({Repr.Of(Pattern)}, {flags})";
    }

    public string PyStr() => PyRepr();

    // _sre's pattern_repr: these names in this order, then what is left in hex
    private static readonly (long Bit, string Name)[] ReprFlags =
    [
        (ReFlagBits.TEMPLATE, "re.TEMPLATE"), (ReFlagBits.IGNORECASE, "re.IGNORECASE"), (ReFlagBits.LOCALE, "re.LOCALE"), (ReFlagBits.MULTILINE, "re.MULTILINE"),
        (ReFlagBits.DOTALL, "re.DOTALL"), (ReFlagBits.UNICODE, "re.UNICODE"), (ReFlagBits.VERBOSE, "re.VERBOSE"), (ReFlagBits.DEBUG, "re.DEBUG"), (ReFlagBits.ASCII, "re.ASCII"),
    ];

    internal static string FlagNames(long flags)
    {
        var names = ReprFlags.Where(f => (flags & f.Bit) != 0).Select(f => f.Name).ToList();
        long rest = ReprFlags.Aggregate(flags, (bits, f) => bits & ~f.Bit);
        if (rest != 0) names.Add("0x" + rest.ToString("x", CultureInfo.InvariantCulture));
        return string.Join("|", names);
    }

    /// <summary>sre_parse.fix_flags for a str pattern.</summary>
    private static void CheckFlags(long flags)
    {
        if ((flags & ReFlagBits.LOCALE) != 0) throw new ValueError("cannot use LOCALE flag with a str pattern");
        if ((flags & ReFlagBits.ASCII) != 0 && (flags & ReFlagBits.UNICODE) != 0) throw new ValueError("ASCII and UNICODE flags are incompatible");
    }

    public override bool Equals(object? obj) => obj is RePattern p && p.Pattern == Pattern && p.Flags == Flags;
    public override int GetHashCode() => Pattern.GetHashCode() ^ (int)Flags;
}

/// <summary>A match (<c>re.Match</c>): groups by number or name, spans, expand.</summary>
public sealed class ReMatch : IPyObject, IPyTyped, IPyGetItem
{
    private readonly System.Text.RegularExpressions.Match _m;

    internal ReMatch(RePattern re, System.Text.RegularExpressions.Match m, string s, int pos, int endpos)
    {
        Re = re;
        _m = m;
        String = s;
        Pos = pos;
        EndPos = endpos;
    }

    public RePattern Re { get; }
    public string String { get; }
    public long Pos { get; }
    public long EndPos { get; }
    public string PyTypeName => "re.Match";
    internal int StartIndex => _m.Index;
    internal int EndIndex => _m.Index + _m.Length;

    private System.Text.RegularExpressions.Group G(int n) => _m.Groups[n];

    public string? Group(long n = 0) => Group((object?)n);

    public string? Group(object? group)
    {
        var g = G(Re.GroupNumber(group));
        return g.Success ? g.Value : null;
    }

    public PyTuple Group(params object?[] groups) => new(groups.Select(g => (object?)Group(g)).ToArray());

    public PyTuple Groups(object? @default = null) => new(Enumerable.Range(1, (int)Re.Groups).Select(i => G(i).Success ? G(i).Value : @default).ToArray());

    public PyDict<string, string?> GroupDict() =>
        new(Re.NamedGroups.OrderBy(x => x.Index).Select(x => new KeyValuePair<string, string?>(x.Name, G(x.Index).Success ? G(x.Index).Value : null)));

    public PyDict<string, object?> GroupDict(object? @default) =>
        new(Re.NamedGroups.OrderBy(x => x.Index).Select(x => new KeyValuePair<string, object?>(x.Name, G(x.Index).Success ? G(x.Index).Value : @default)));

    public long Start(object? group = null) { var g = G(Re.GroupNumber(group ?? 0L)); return g.Success ? g.Index : -1; }
    public long End(object? group = null) { var g = G(Re.GroupNumber(group ?? 0L)); return g.Success ? g.Index + g.Length : -1; }
    public (long, long) Span(object? group = null) => (Start(group), End(group));

    public object? LastIndex
    {
        get
        {
            // the group that closed last (CPython's lastindex): the largest end; on a tie the enclosing group, which
            // closes after the groups nested in it ((?P<NUM>\d+(\.\d+)?) is NUM), unless the later one is an empty
            // group right there (a sibling that closed after it)
            int best = 0, bestEnd = -1;
            for (int i = 1; i <= Re.Groups; i++)
            {
                var g = G(i);
                if (!g.Success) continue;
                int end = g.Index + g.Length;
                if (end > bestEnd || end == bestEnd && g.Length == 0) { best = i; bestEnd = end; }
            }
            return best == 0 ? null : new PyInt(best);
        }
    }

    public string? LastGroup => LastIndex is PyInt i ? Re.NamedGroups.Where(x => x.Index == (int)(long)i).Select(x => x.Name).FirstOrDefault() : null;

    /// <summary>m.regs: the span of the match and of each group ((-1, -1) where a group did not match).</summary>
    public PyTuple Regs => new(Enumerable.Range(0, (int)Re.Groups + 1).Select(i => (object?)new PyTuple(new PyInt(Start((long)i)), new PyInt(End((long)i)))).ToArray());

    public string Expand(string template) => ReTemplate.Parse(template, Re).Expand(this);

    public object? PyGetItem(object? key) => Group(key);

    public string PyRepr() => $"<re.Match object; span=({StartIndex}, {EndIndex}), match={Repr.Of(_m.Value)}>";
    public string PyStr() => PyRepr();
}

/// <summary>re.error (a ValueError subclass in spirit: CPython's re.error derives from Exception).</summary>
public sealed class ReError : PyException
{
    /// <summary>A message that may end in CPython's " at position N": msg and pos are read back from it.</summary>
    public ReError(string message) : base(message)
    {
        var m = Regex.Match(message, @"^(.*) at position (\d+)$", RegexOptions.Singleline);
        Msg = m.Success ? m.Groups[1].Value : message;
        Pos = m.Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>CPython's error(msg, pattern, pos): the text adds the position, and line and column when the pattern has several lines.</summary>
    public ReError(string msg, int pos, string pattern) : base(Format(msg, pos, pattern))
    {
        Msg = msg;
        Pos = pos;
        Pattern = pattern;
    }

    public string Msg { get; }
    public int? Pos { get; }
    public string? Pattern { get; init; }

    private static string Format(string msg, int pos, string pattern) =>
        pattern.Contains('\n') ? $"{msg} at position {pos} (line {Line(pattern, pos)}, column {Column(pattern, pos)})" : $"{msg} at position {pos}";

    // sre_constants.error: lineno = pattern.count('\n', 0, pos) + 1, colno = pos - pattern.rfind('\n', 0, pos)
    private static int Line(string pattern, int pos) => pattern.Substring(0, pos).Count(ch => ch == '\n') + 1;
    private static int Column(string pattern, int pos) => pos - pattern.Substring(0, pos).LastIndexOf('\n');

    public override bool TryGetAttr(string name, out object? value)
    {
        bool located = Pos is not null && Pattern is not null;
        value = name switch
        {
            "msg" => Msg,
            "pos" => Pos is int p ? new PyInt(p) : null,
            "pattern" => Pattern,
            "lineno" => located ? new PyInt(Line(Pattern.OrThrow(), Pos.GetValueOrDefault())) : null,
            "colno" => located ? new PyInt(Column(Pattern.OrThrow(), Pos.GetValueOrDefault())) : null,
            _ => this,
        };
        return !ReferenceEquals(value, this) || base.TryGetAttr(name, out value);
    }

    protected override string? PyTypeNameOverride => "error";
    public override string PyModule => "re";
}

/// <summary>A replacement template: literal text and group references, parsed once by Python's rules.</summary>
internal sealed class ReTemplate
{
    private readonly List<(string? Text, int Group)> _parts = new();

    public static ReTemplate Parse(string repl, RePattern p)
    {
        var t = new ReTemplate();
        var sb = new StringBuilder();
        void Flush() { if (sb.Length > 0) { t._parts.Add((sb.ToString(), -1)); sb.Clear(); } }
        for (int i = 0; i < repl.Length; i++)
        {
            char c = repl[i];
            if (c != '\\' || i + 1 >= repl.Length) { sb.Append(c); continue; }
            char d = repl[++i];
            if (d == 'g' && i + 1 < repl.Length && repl[i + 1] == '<')
            {
                int close = repl.IndexOf('>', i + 2);
                if (close < 0) throw new ReError($"missing >, unterminated name at position {i - 1}");
                var name = repl.Substring(i + 2, close - i - 2);
                int g = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var num) ? (num <= p.Groups ? num : throw new ReError($"invalid group reference {num} at position {i - 1}")) : p.NamedGroups.Where(x => x.Name == name).Select(x => x.Index).DefaultIfEmpty(-1).First();
                if (g < 0) throw new IndexError($"unknown group name '{name}'");
                Flush();
                t._parts.Add((null, g));
                i = close;
                continue;
            }
            if (char.IsDigit(d))
            {
                int num = d - '0';
                if (num == 0 || (i + 1 < repl.Length && char.IsDigit(repl[i + 1]) && d <= '7' && i + 2 < repl.Length && repl[i + 1] <= '7' && char.IsDigit(repl[i + 2])))
                {
                    // an octal escape
                    int j = i, v = 0, k = 0;
                    while (j < repl.Length && k < 3 && repl[j] >= '0' && repl[j] <= '7') { v = v * 8 + (repl[j] - '0'); j++; k++; }
                    sb.Append((char)v);
                    i = j - 1;
                    continue;
                }
                if (i + 1 < repl.Length && char.IsDigit(repl[i + 1])) { num = num * 10 + (repl[i + 1] - '0'); i++; }
                if (num > p.Groups) throw new ReError($"invalid group reference {num} at position {i - 1}");
                Flush();
                t._parts.Add((null, num));
                continue;
            }
            switch (d)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case '\\': sb.Append('\\'); break;
                default:
                    if (char.IsAsciiLetter(d)) throw new ReError($"bad escape \\{d} at position {i - 1}");
                    sb.Append('\\').Append(d);
                    break;
            }
        }
        Flush();
        return t;
    }

    public string Expand(ReMatch m)
    {
        var sb = new StringBuilder();
        foreach (var (text, g) in _parts) sb.Append(text ?? m.Group((long)g) ?? "");
        return sb.ToString();
    }
}
