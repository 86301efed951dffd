using System.Collections;
using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>configparser.BasicInterpolation() as a value: what ConfigParser(interpolation=...) compares with.</summary>
public sealed class BasicInterpolation : IPyObject
{
    public string PyRepr() => $"<configparser.BasicInterpolation object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();
}

/// <summary>configparser.ExtendedInterpolation() as a value: <c>${option}</c>, <c>${section:option}</c> and <c>$$</c>.</summary>
public sealed class ExtendedInterpolation : IPyObject
{
    public string PyRepr() => $"<configparser.ExtendedInterpolation object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();
}

/// <summary>
/// configparser.ConfigParser (and RawConfigParser): CPython 3.11's INI reading (sections, <c>=</c>/<c>:</c>, full-line
/// <c>#</c>/<c>;</c> comments, indented continuation lines, case-folded option names, the DEFAULT section under every
/// other), <c>%(name)s</c> interpolation, the typed getters with <c>fallback=</c>, mapping access and <c>write</c>.
/// </summary>
public sealed partial class ConfigParser : IPyObject, IPyTyped, IPyGetItem, IPySetItem, IPySized, IEnumerable<object?>
{
    internal const string DefaultSection = "DEFAULT";
    private const int MaxInterpolationDepth = 10;
    public static readonly object Basic = new BasicInterpolation();

    private readonly OrderedDictionary<string, string?> _defaults = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, OrderedDictionary<string, string?>> _sections = new(StringComparer.Ordinal);
    // the interpolation's escape character: '%' (BasicInterpolation), '$' (ExtendedInterpolation), none ('\0')
    private readonly char _sigil;
    private readonly bool _allowNoValue;
    private readonly bool _raw;

    public ConfigParser(object? defaults = null, bool allow_no_value = false, object? interpolation = null) : this(defaults, allow_no_value, interpolation, raw: false) { }

    private ConfigParser(object? defaults, bool allowNoValue, object? interpolation, bool raw)
    {
        _sigil = interpolation switch { BasicInterpolation => '%', ExtendedInterpolation => '$', _ => '\0' };
        _allowNoValue = allowNoValue;
        _raw = raw;
        if (defaults is not null)
            foreach (var (key, value) in Pairs(defaults)) _defaults[OptionXform(Str.Of(key))] = value is null ? null : Str.Of(value);
    }

    public static ConfigParser Raw(object? defaults = null, bool allow_no_value = false) => new(defaults, allow_no_value, null, raw: true);

    public string PyTypeName => _raw ? "RawConfigParser" : "ConfigParser";

    internal static string OptionXform(string option) => option.ToLowerInvariant();

    // RawConfigParser.SECTCRE and OPTCRE with the default delimiters
    [GeneratedRegex(@"^\[(?<header>.+)\]")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^(?<option>.*?)\s*(?<vi>[=:])\s*(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"%\(([^)]+)\)s")]
    private static partial Regex KeyReference();

    // ExtendedInterpolation._KEYCRE
    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex ExtendedKeyReference();

    private bool Interpolates => _sigil != '\0';

    private Regex References => _sigil == '$' ? ExtendedKeyReference() : KeyReference();

    // ---- reading ----

    public void ReadString(string text, string source = "<string>") => Read(text, source);

    public PyList<string> ReadFiles(object? filenames)
    {
        var read = new PyList<string>();
        var names = filenames is string or IPyPathLike ? [filenames] : Dyn.Iter(filenames).ToList();
        foreach (var name in names.Select(n => Str.Of(n)))
        {
            if (!File.Exists(name)) continue;
            Read(File.ReadAllText(name), name);
            read.Append(name);
        }
        return read;
    }

    /// <summary>RawConfigParser._read: the lines of one source, then its multi-line values joined.</summary>
    private void Read(string text, string source)
    {
        var reader = new IniReader(this, source);
        var lines = Text.PyStr.SplitLines(text, keepends: true);
        for (int i = 0; i < lines.Count; i++) reader.Line(lines[i], i + 1);
        reader.Finish();
    }

    /// <summary>read_dict and <c>cp[name] = mapping</c>: sections and their options, values as str.</summary>
    public void ReadDict(object? dictionary, string source = "<dict>")
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (sectionKey, options) in Pairs(dictionary))
        {
            string section = Str.Of(sectionKey);
            if (section != DefaultSection && !_sections.ContainsKey(section)) AddSection(section);
            else if (!added.Add(section)) throw new DuplicateSectionError(section, source);
            added.Add(section);
            foreach (var (key, value) in Pairs(options))
            {
                string option = OptionXform(Str.Of(key));
                if (!added.Add(section + "\0" + option)) throw new DuplicateOptionError(section, option, source, 0);
                Set(section, option, value is null ? null : Str.Of(value));
            }
        }
    }

    /// <summary>The (key, value) pairs of a dict (a section proxy is one) or a parser.</summary>
    private static IEnumerable<(object? Key, object? Value)> Pairs(object? mapping) => mapping switch
    {
        IPyDict d => d.ItemsObject().Select(kv => (kv.Key, kv.Value)),
        ConfigParser c => c.SectionNames(withDefault: true).Select(n => ((object?)n, c.PyGetItem(n))),
        _ => throw new TypeError($"'{Dyn.TypeName(mapping)}' object is not a mapping"),
    };

    // ---- sections and options ----

    public PyList<string> Sections() => new(_sections.Keys);

    private IEnumerable<string> SectionNames(bool withDefault) => withDefault ? _sections.Keys.Prepend(DefaultSection) : _sections.Keys;

    public bool HasSection(string section) => _sections.ContainsKey(section);

    public void AddSection(object? section)
    {
        if (section is not string name) throw new TypeError("section names must be strings");
        if (name == DefaultSection) throw new ValueError($"Invalid section name: {Repr.Of(name)}");
        if (_sections.ContainsKey(name)) throw new DuplicateSectionError(name);
        _sections[name] = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
    }

    internal OrderedDictionary<string, string?> AddSectionWhileReading(string name, string source, int lineno, HashSet<string> added)
    {
        if (name == DefaultSection) return _defaults;
        if (_sections.TryGetValue(name, out var existing))
        {
            if (!added.Add(name)) throw new DuplicateSectionError(name, source, lineno);
            return existing;
        }
        added.Add(name);
        return _sections[name] = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
    }

    public bool RemoveSection(string section) => _sections.Remove(section);

    public PyList<string> Options(string section)
    {
        if (!_sections.TryGetValue(section, out var options)) throw new NoSectionError(section);
        return new PyList<string>(options.Keys.Concat(_defaults.Keys.Where(k => !options.ContainsKey(k))));
    }

    public bool HasOption(string? section, string option)
    {
        option = OptionXform(option);
        if (string.IsNullOrEmpty(section) || section == DefaultSection) return _defaults.ContainsKey(option);
        return _sections.TryGetValue(section, out var options) && (options.ContainsKey(option) || _defaults.ContainsKey(option));
    }

    public bool RemoveOption(string section, string option) => OptionsOf(section).Remove(OptionXform(option));

    /// <summary>The options set in a section ('' and DEFAULT: the defaults), for set and remove_option.</summary>
    private OrderedDictionary<string, string?> OptionsOf(string section) => string.IsNullOrEmpty(section) || section == DefaultSection ? _defaults
        : _sections.TryGetValue(section, out var found) ? found : throw new NoSectionError(section);

    public void Set(string section, object? option, object? value)
    {
        if (option is not string name) throw new TypeError("option keys must be strings");
        ValidateValue(value);
        OptionsOf(section)[OptionXform(name)] = value is null ? null : Str.Of(value);
    }

    /// <summary>ConfigParser takes str values only (None with allow_no_value); RawConfigParser anything, stored as str.</summary>
    private void ValidateValue(object? value)
    {
        if (!_raw && !(value is string || _allowNoValue && value is null)) throw new TypeError("option values must be strings");
        if (Interpolates && value is string { Length: > 0 } text) CheckInterpolationSyntax(text);
    }

    /// <summary>before_set: a '%' that is neither '%%' nor '%(name)s' (a '$' neither '$$' nor '${name}').</summary>
    private void CheckInterpolationSyntax(string value)
    {
        string rest = References.Replace(value.Replace(new string(_sigil, 2), "", StringComparison.Ordinal), "");
        int at = rest.IndexOf(_sigil, StringComparison.Ordinal);
        if (at >= 0) throw new ValueError($"invalid interpolation syntax in {Repr.Of(value)} at position {at}");
    }

    public PyDict<string, object?> Defaults()
    {
        var d = new PyDict<string, object?>();
        foreach (var (k, v) in _defaults) d[k] = v;
        return d;
    }

    // ---- values ----

    /// <summary>The options a section sees, later ones winning: DEFAULT, the section, then vars.</summary>
    private OrderedDictionary<string, string?> Unified(string section, object? vars)
    {
        var d = SectionView(section);
        AddVars(d, vars);
        return d;
    }

    private OrderedDictionary<string, string?> SectionView(string section)
    {
        var d = new OrderedDictionary<string, string?>(_defaults, StringComparer.Ordinal);
        if (_sections.TryGetValue(section, out var options)) foreach (var (k, v) in options) d[k] = v;
        else if (section != DefaultSection) throw new NoSectionError(section);
        return d;
    }

    private static void AddVars(OrderedDictionary<string, string?> d, object? vars)
    {
        if (vars is not null) foreach (var (k, v) in Pairs(vars)) d[OptionXform(Str.Of(k))] = v is null ? null : Str.Of(v);
    }

    private string? Value(string section, string option, OrderedDictionary<string, string?> d, bool raw) =>
        raw || d[option] is not { } value || !Interpolates ? d[option] : Interpolate(section, option, value, d);

    /// <summary>get(section, option) without a fallback: NoSectionError or NoOptionError when missing.</summary>
    public string? Get(string section, string option, bool raw = false, object? vars = null)
    {
        var d = Unified(section, vars);
        option = OptionXform(option);
        return d.ContainsKey(option) ? Value(section, option, d, raw) : throw new NoOptionError(option, section);
    }

    /// <summary>The section's options with their values, DEFAULT's first (CPython's dict update order).</summary>
    public PyList<PyTuple> Items(string section, bool raw = false, object? vars = null)
    {
        var d = SectionView(section);
        // vars= changes the values, not which options are listed
        var keys = d.Keys.ToList();
        AddVars(d, vars);
        return new PyList<PyTuple>(keys.Select(k => new PyTuple(k, Value(section, k, d, raw))));
    }

    /// <summary>before_get: %(name)s replaced from the section's options, %% as % (${name}, ${section:name}, $$ as $).</summary>
    private string Interpolate(string section, string option, string value, OrderedDictionary<string, string?> map)
    {
        var accum = new StringBuilder();
        InterpolateSome(section, option, accum, value, map, 1);
        return accum.ToString();
    }

    private void InterpolateSome(string section, string option, StringBuilder accum, string rest, OrderedDictionary<string, string?> map, int depth)
    {
        string rawval = map.TryGetValue(option, out var r) && r is not null ? r : rest;
        if (depth > MaxInterpolationDepth) throw new InterpolationDepthError(option, section, rawval);
        char opener = _sigil == '$' ? '{' : '(';
        while (rest.Length > 0)
        {
            int p = rest.IndexOf(_sigil, StringComparison.Ordinal);
            if (p < 0) { accum.Append(rest); return; }
            accum.Append(rest, 0, p);
            rest = rest[p..];
            char c = rest.Length > 1 ? rest[1] : '\0';
            if (c == _sigil) { accum.Append(_sigil); rest = rest[2..]; continue; }
            if (c != opener) throw new InterpolationSyntaxError($"'{_sigil}' must be followed by '{_sigil}' or '{opener}', found: {Repr.Of(rest)}");
            rest = SigilReference(section, option, accum, rest, map, depth, rawval);
        }
    }

    private string SigilReference(string section, string option, StringBuilder accum, string rest, OrderedDictionary<string, string?> map, int depth, string rawval) =>
        _sigil == '$'
            ? ExtendedReference(section, option, accum, rest, map, depth, rawval)
            : Reference(section, option, accum, rest, map, depth, rawval);

    // ${section:name} of a missing section is a missing option, as CPython reports it
    private OrderedDictionary<string, string?>? OptionsIfSection(string section) =>
        _sections.ContainsKey(section) || section == DefaultSection ? SectionView(section) : null;

    /// <summary>One ${name} or ${section:name} at the start of rest, interpolated in the section it names.</summary>
    private string ExtendedReference(string section, string option, StringBuilder accum, string rest, OrderedDictionary<string, string?> map, int depth, string rawval)
    {
        var m = ExtendedKeyReference().Match(rest);
        if (!m.Success || m.Index != 0) throw new InterpolationSyntaxError($"bad interpolation variable reference {Repr.Of(rest)}");
        var path = m.Groups[1].Value.Split(':');
        rest = rest[m.Length..];
        if (path.Length > 2) throw new InterpolationSyntaxError($"More than one ':' found: {Repr.Of(rest)}");
        string sect = path.Length == 1 ? section : path[0];
        string opt = OptionXform(path[^1]);
        var sectMap = path.Length == 1 ? map : OptionsIfSection(sect);
        if (sectMap is null || !sectMap.TryGetValue(opt, out var v))
            throw new InterpolationMissingOptionError(option, section, rawval, string.Join(':', path));
        if (v is not null && v.Contains('$', StringComparison.Ordinal)) InterpolateSome(sect, opt, accum, v, sectMap, depth + 1);
        else accum.Append(v);
        return rest;
    }

    /// <summary>One %(name)s at the start of rest: its value, itself interpolated; what follows it back.</summary>
    private string Reference(string section, string option, StringBuilder accum, string rest, OrderedDictionary<string, string?> map, int depth, string rawval)
    {
        var m = KeyReference().Match(rest);
        if (!m.Success || m.Index != 0) throw new InterpolationSyntaxError($"bad interpolation variable reference {Repr.Of(rest)}");
        string key = OptionXform(m.Groups[1].Value);
        if (!map.TryGetValue(key, out var v)) throw new InterpolationMissingOptionError(option, section, rawval, key);
        if (v is not null && v.Contains('%', StringComparison.Ordinal)) InterpolateSome(section, option, accum, v, map, depth + 1);
        else accum.Append(v);
        return rest[m.Length..];
    }

    // ---- writing ----

    public void Write(object? fp, bool space_around_delimiters = true)
    {
        string delimiter = space_around_delimiters ? " = " : "=";
        var sb = new StringBuilder();
        if (_defaults.Count > 0) WriteSection(sb, DefaultSection, _defaults, delimiter);
        foreach (var (name, options) in _sections) WriteSection(sb, name, options, delimiter);
        Dyn.CallMethod(fp, "write", sb.ToString());
    }

    private void WriteSection(StringBuilder sb, string name, OrderedDictionary<string, string?> options, string delimiter)
    {
        sb.Append('[').Append(name).Append("]\n");
        foreach (var (key, value) in options)
        {
            sb.Append(key);
            if (value is not null || !_allowNoValue) sb.Append(delimiter).Append((value ?? "None").Replace("\n", "\n\t", StringComparison.Ordinal));
            sb.Append('\n');
        }
        sb.Append('\n');
    }

    // ---- the mapping protocol ----

    public object? PyGetItem(object? key)
    {
        string name = Str.Of(key);
        if (name != DefaultSection && !_sections.ContainsKey(name)) throw new KeyError(key);
        return new SectionProxy(this, name);
    }

    public void PySetItem(object? key, object? value)
    {
        string name = Str.Of(key);
        // a proxy of the same section: CPython reads nothing (it would clear what it copies)
        if (value is SectionProxy p && p.Parser == this && p.Name == name) return;
        if (name == DefaultSection) _defaults.Clear();
        else if (_sections.TryGetValue(name, out var options)) options.Clear();
        var single = new PyDict<string, object?> { [name] = value };
        ReadDict(single);
    }

    public int Count => _sections.Count + 1;

    public IEnumerator<object?> GetEnumerator() => SectionNames(withDefault: true).Cast<object?>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string PyRepr() => $"<configparser.{PyTypeName} object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();

    /// <summary>One source being read: the current section and option, and the lines of its value so far.</summary>
    private sealed class IniReader(ConfigParser parser, string source)
    {
        private readonly HashSet<string> _added = new(StringComparer.Ordinal);
        private readonly List<(OrderedDictionary<string, string?> Section, string Option, List<string> Lines)> _values = [];
        private readonly List<(int Line, string Text)> _errors = [];
        private OrderedDictionary<string, string?>? _section;
        private string _sectionName = "";
        private List<string>? _value;
        private int _indent;

        public void Line(string line, int lineno)
        {
            string trimmed = line.Trim();
            if (Skipped(trimmed)) return;
            int indent = line.Length - line.TrimStart().Length;
            if (_section is not null && _value is not null && indent > _indent) { _value.Add(trimmed); return; }
            _indent = indent;
            if (SectionHeader().Match(trimmed) is { Success: true } header)
            {
                _sectionName = header.Groups["header"].Value;
                _section = parser.AddSectionWhileReading(_sectionName, source, lineno, _added);
                _value = null;
                return;
            }
            if (_section is null) throw new MissingSectionHeaderError(source, lineno, line);
            Option(trimmed, line, lineno);
        }

        /// <summary>A blank line (which may be part of a multi-line value) or a comment line (which is not).</summary>
        private bool Skipped(string trimmed)
        {
            if (trimmed.Length == 0) _value?.Add("");
            return trimmed.Length == 0 || trimmed[0] is '#' or ';';
        }

        private void Option(string trimmed, string line, int lineno)
        {
            var m = OptionLine().Match(trimmed);
            bool noValue = !m.Success && parser._allowNoValue;
            string name = m.Success ? m.Groups["option"].Value : trimmed;
            if (!m.Success && !noValue || name.Length == 0)
            {
                _errors.Add((lineno, line));
                _value = null;
                return;
            }
            string option = OptionXform(name.TrimEnd());
            if (!_added.Add(_sectionName + "\0" + option)) throw new DuplicateOptionError(_sectionName, option, source, lineno);
            var section = _section.OrThrow();
            if (noValue)
            {
                section[option] = null;
                _value = null;
                return;
            }
            _value = [m.Groups["value"].Value.Trim()];
            _values.Add((section, option, _value));
        }

        /// <summary>The values' lines joined (trailing blank lines dropped), then the parsing errors, all at once as CPython.</summary>
        public void Finish()
        {
            foreach (var (section, option, lines) in _values) section[option] = string.Join("\n", lines).TrimEnd();
            if (_errors.Count == 0) return;
            var message = new StringBuilder($"Source contains parsing errors: {Repr.Of(source)}");
            foreach (var (lineno, text) in _errors) message.Append($"\n\t[line {lineno,2}]: {Repr.Of(text)}");
            throw new ParsingError(message.ToString());
        }
    }
}
