using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>pprint</c>: a port of CPython 3.11's PrettyPrinter layout (<c>_format</c>, <c>_safe_repr</c> and the
/// dict/list/tuple/set/frozenset/str formatters, and those of OrderedDict, Counter, defaultdict, deque and
/// dataclasses); other values print as their repr.
/// </summary>
public sealed class PPrint
{
    private readonly int _indent;
    private readonly int _width;
    private readonly int _depth;
    private readonly bool _compact;
    private readonly bool _sortDicts;
    private readonly object? _stream;

    public PPrint(long indent = 1, long width = 80, object? depth = null, object? stream = null, bool compact = false, bool sortDicts = true)
    {
        _stream = stream;
        if (indent < 0) throw new ValueError("indent must be >= 0");
        if (width <= 0) throw new ValueError("width must be != 0");
        _indent = (int)indent;
        _width = (int)width;
        _depth = depth is null ? 0 : depth is PyInt big ? (int)big : (int)Convert.ToInt64(depth, System.Globalization.CultureInfo.InvariantCulture);
        if (depth is not null && _depth <= 0) throw new ValueError("depth must be > 0");
        _compact = compact;
        _sortDicts = sortDicts;
    }

    /// <summary>pprint.pprint(...): the module function.</summary>
    public static void PrettyPrint(object? obj, object? stream = null, long indent = 1, long width = 80, object? depth = null, bool compact = false, bool sortDicts = true) =>
        new PPrint(indent, width, depth, stream, compact, sortDicts).Pprint(obj);

    /// <summary>pprint.pformat(...): the module function.</summary>
    public static string PrettyFormat(object? obj, long indent = 1, long width = 80, object? depth = null, bool compact = false, bool sortDicts = true) =>
        new PPrint(indent, width, depth, null, compact, sortDicts).Pformat(obj);

    public void Pprint(object? obj) => Py.PrintWith(null, "\n", _stream, false, Pformat(obj));

    public string Pformat(object? obj)
    {
        var sb = new StringBuilder();
        FormatValue(obj, sb, 0, 0, 0);
        return sb.ToString();
    }

    private void FormatValue(object? obj, StringBuilder o, int indent, int allowance, int level)
    {
        var rep = SafeRepr(obj, level);
        if (rep.Length > _width - indent - allowance && FormatContainer(obj, o, indent, allowance, level + 1)) return;
        o.Append(rep);
    }

    /// <summary>CPython dispatches on the exact type's __repr__, so subclasses with their own repr print as that repr.</summary>
    private bool FormatContainer(object? obj, StringBuilder o, int indent, int allowance, int level)
    {
        switch (Kind(obj))
        {
            case 'd':
                FormatDict((IPyDict)obj.OrThrow(), o, indent, allowance, level);
                return true;
            case 'l':
                o.Append('[');
                FormatItems(((IEnumerable)obj.OrThrow()).Cast<object?>().ToList(), o, indent, allowance + 1, level);
                o.Append(']');
                return true;
            case 't':
                var items = TupleItems((ITuple)obj.OrThrow());
                var end = items.Count == 1 ? ",)" : ")";
                o.Append('(');
                FormatItems(items, o, indent, allowance + end.Length, level);
                o.Append(end);
                return true;
            case 's' or 'f':
                FormatSet((IEnumerable)obj.OrThrow(), Kind(obj) == 'f', o, indent, allowance, level);
                return true;
            case 'S':
                FormatStr((string)obj.OrThrow(), o, indent, allowance, level);
                return true;
            default:
                return FormatCollection(obj, o, indent, allowance, level);
        }
    }

    /// <summary>pprint's layouts for the collections classes and dataclasses (CPython 3.11's _pprint_* methods).</summary>
    private bool FormatCollection(object? obj, StringBuilder o, int indent, int allowance, int level)
    {
        if (IsEmptyCollection(obj))
        {
            o.Append(Repr.Of(obj));
            return true;
        }
        return obj switch
        {
            IPyCounter and IPyDict counts => FormatCounter(counts, o, indent, allowance, level),
            IPyOrderedDict and IPyDict ordered => FormatOrderedDict(ordered, o, indent, allowance, level),
            IPyDefaultDict and IPyDict dict => FormatDefaultDict(dict, o, indent, allowance, level),
            IPyDeque deque => FormatDeque(deque, o, indent, allowance, level),
            IPyDataclass dataclass => FormatDataclass(dataclass, o, indent, allowance, level),
            _ => false,
        };
    }

    private static bool IsEmptyCollection(object? obj) => obj is IPySized { Count: 0 } && obj is IPyOrderedDict or IPyCounter or IPyDeque or IPyDefaultDict;

    private bool FormatCounter(IPyDict counts, StringBuilder o, int indent, int allowance, int level)
    {
        o.Append("Counter({");
        if (_indent > 1) o.Append(' ', _indent - 1);
        FormatDictItems(MostCommon(counts), o, indent + "Counter".Length + 1, allowance + 2, level);
        o.Append("})");
        return true;
    }

    private bool FormatOrderedDict(IPyDict ordered, StringBuilder o, int indent, int allowance, int level)
    {
        o.Append("OrderedDict(");
        var items = new PyList<object?>(ordered.ItemsObject().Select(kv => (object?)new PyTuple(kv.Key, kv.Value)));
        FormatValue(items, o, indent + "OrderedDict".Length + 1, allowance + 1, level);
        o.Append(')');
        return true;
    }

    private bool FormatDefaultDict(IPyDict dict, StringBuilder o, int indent, int allowance, int level)
    {
        indent += "defaultdict".Length + 1;
        o.Append("defaultdict(").Append(((IPyDefaultDict)dict).FactoryRepr).Append(",\n").Append(' ', indent);
        FormatDict(dict, o, indent, allowance + 1, level);
        o.Append(')');
        return true;
    }

    private static List<KeyValuePair<object?, object?>> MostCommon(IPyDict counts) =>
        counts.ItemsObject().OrderByDescending(kv => kv.Value, Comparer<object?>.Create(Dyn.Compare)).ToList();

    private bool FormatDeque(IPyDeque deque, StringBuilder o, int indent, int allowance, int level)
    {
        o.Append("deque([");
        indent += "deque".Length + 1;
        var items = ((IEnumerable)deque).Cast<object?>().ToList();
        if (deque.MaxLen is null)
        {
            FormatItems(items, o, indent, allowance + 2, level);
            o.Append("])");
            return true;
        }
        FormatItems(items, o, indent, 2, level);
        o.Append("],\n").Append(' ', indent).Append("maxlen=").Append(deque.MaxLen.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(')');
        return true;
    }

    /// <summary>Only a dataclass printing its generated repr (no __repr__ of its own) gets the name=value layout.</summary>
    private bool FormatDataclass(IPyDataclass dataclass, StringBuilder o, int indent, int allowance, int level)
    {
        var name = Dyn.TypeName(dataclass);
        if (ShownFields(dataclass, name) is not { } fields) return false;
        o.Append(name).Append('(');
        indent += name.Length + 1;
        for (int i = 0; i < fields.Count; i++)
        {
            bool last = i == fields.Count - 1;
            o.Append(fields[i].Item1).Append('=');
            FormatValue(fields[i].Item2, o, indent + fields[i].Item1.Length + 1, last ? allowance : 1, level);
            if (!last) o.Append(",\n").Append(' ', indent);
        }
        o.Append(')');
        return true;
    }

    /// <summary>
    /// The fields the generated repr shows (those without repr=False), read off the repr itself, which is
    /// "Name(f=repr, ...)" over them; null when the repr is not of that shape (a __repr__ of the class's own).
    /// </summary>
    private static List<(string, object?)>? ShownFields(IPyDataclass dataclass, string name)
    {
        var repr = Repr.Of(dataclass);
        if (!repr.StartsWith(name + "(", StringComparison.Ordinal)) return null;
        var shown = new List<(string, object?)>();
        int at = name.Length + 1;
        foreach (var field in dataclass.PyFields().Items())
        {
            var part = (shown.Count == 0 ? "" : ", ") + field.Item1 + "=" + Repr.Of(field.Item2);
            if (string.CompareOrdinal(repr, at, part, 0, part.Length) != 0) continue;
            shown.Add(field);
            at += part.Length;
        }
        return at == repr.Length - 1 && repr[at] == ')' ? shown : null;
    }

    private static char Kind(object? obj)
    {
        if (obj is string) return 'S';
        if (obj is PyTuple || obj is ITuple && obj.GetType().Namespace == "System") return 't';
        if (obj is null || !obj.GetType().IsGenericType) return ' ';
        return GenericKind(obj.GetType().GetGenericTypeDefinition());
    }

    private static char GenericKind(System.Type def) =>
        def == typeof(PyDict<,>) ? 'd' : def == typeof(PyList<>) ? 'l' : def == typeof(PySet<>) ? 's' : def == typeof(PyFrozenSet<>) ? 'f' : ' ';

    private void FormatDict(IPyDict d, StringBuilder o, int indent, int allowance, int level)
    {
        o.Append('{');
        if (_indent > 1) o.Append(' ', _indent - 1);
        FormatDictItems(Items(d), o, indent, allowance + 1, level);
        o.Append('}');
    }

    private void FormatDictItems(List<KeyValuePair<object?, object?>> items, StringBuilder o, int indent, int allowance, int level)
    {
        indent += _indent;
        for (int i = 0; i < items.Count; i++)
        {
            bool last = i == items.Count - 1;
            var rep = SafeRepr(items[i].Key, level);
            o.Append(rep).Append(": ");
            FormatValue(items[i].Value, o, indent + rep.Length + 2, last ? allowance : 1, level);
            if (!last) o.Append(",\n").Append(' ', indent);
        }
    }

    private List<KeyValuePair<object?, object?>> Items(IPyDict d) =>
        _sortDicts ? d.ItemsObject().OrderBy(kv => kv.Key, SafeKey.Instance).ToList() : d.ItemsObject().ToList();

    private void FormatSet(IEnumerable set, bool frozen, StringBuilder o, int indent, int allowance, int level)
    {
        var items = set.Cast<object?>().OrderBy(x => x, SafeKey.Instance).ToList();
        if (items.Count == 0) { o.Append(Repr.Of(set)); return; }
        o.Append(frozen ? "frozenset({" : "{");
        FormatItems(items, o, frozen ? indent + "frozenset".Length + 1 : indent, allowance + (frozen ? 2 : 1), level);
        o.Append(frozen ? "})" : "}");
    }

    private void FormatItems(List<object?> items, StringBuilder o, int indent, int allowance, int level)
    {
        indent += _indent;
        if (_indent > 1) o.Append(' ', _indent - 1);
        var delimnl = ",\n" + new string(' ', indent);
        var delim = "";
        int width = _width - indent + 1, maxWidth = width;
        for (int i = 0; i < items.Count; i++)
        {
            bool last = i == items.Count - 1;
            if (last) { maxWidth -= allowance; width -= allowance; }
            if (_compact && TryPackCompact(SafeRepr(items[i], level), o, ref width, maxWidth, ref delim, delimnl)) continue;
            o.Append(delim);
            delim = delimnl;
            FormatValue(items[i], o, indent, last ? allowance : 1, level);
        }
    }

    /// <summary>compact=True: several short items share a line while they fit.</summary>
    private static bool TryPackCompact(string rep, StringBuilder o, ref int width, int maxWidth, ref string delim, string delimnl)
    {
        int w = rep.Length + 2;
        if (width < w)
        {
            width = maxWidth;
            if (delim.Length > 0) delim = delimnl;
        }
        if (width < w) return false;
        width -= w;
        o.Append(delim).Append(rep);
        delim = ", ";
        return true;
    }

    /// <summary>A long string splits at whitespace into implicitly concatenated literals (parenthesized at the top level).</summary>
    private void FormatStr(string s, StringBuilder o, int indent, int allowance, int level)
    {
        if (s.Length == 0) { o.Append(Repr.Of(s)); return; }
        if (level == 1) { indent++; allowance++; }
        var chunks = StrChunks(s, _width - indent, allowance, out var lastRep);
        if (chunks.Count == 1) { o.Append(lastRep); return; }
        if (level == 1) o.Append('(');
        for (int i = 0; i < chunks.Count; i++)
        {
            if (i > 0) o.Append('\n').Append(' ', indent);
            o.Append(chunks[i]);
        }
        if (level == 1) o.Append(')');
    }

    private static List<string> StrChunks(string s, int maxWidth, int allowance, out string lastRep)
    {
        var chunks = new List<string>();
        var lines = PyStr.SplitLines(s, true);
        lastRep = "";
        int maxWidth1 = maxWidth;
        for (int i = 0; i < lines.Count; i++)
        {
            lastRep = Repr.Of(lines[i]);
            if (i == lines.Count - 1) maxWidth1 -= allowance;
            if (lastRep.Length <= maxWidth1) chunks.Add(lastRep);
            else SplitLine(lines[i], maxWidth, i == lines.Count - 1 ? allowance : 0, chunks);
        }
        return chunks;
    }

    private static void SplitLine(string line, int maxWidth, int allowance, List<string> chunks)
    {
        var parts = WordParts(line);
        var current = "";
        for (int j = 0; j < parts.Count; j++)
        {
            var candidate = current + parts[j];
            if (j == parts.Count - 1) maxWidth -= allowance;
            if (Repr.Of(candidate).Length > maxWidth)
            {
                if (current.Length > 0) chunks.Add(Repr.Of(current));
                current = parts[j];
            }
            else current = candidate;
        }
        if (current.Length > 0) chunks.Add(Repr.Of(current));
    }

    /// <summary>re.findall(r'\S*\s*', line) without its final empty match.</summary>
    private static List<string> WordParts(string line)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < line.Length)
        {
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            parts.Add(line.Substring(start, i - start));
        }
        return parts;
    }

    /// <summary>CPython's _safe_repr: dict keys sorted (sort_dicts), containers past depth as "...".</summary>
    private string SafeRepr(object? obj, int level)
    {
        var kind = Kind(obj);
        if (kind is not ('d' or 'l' or 't')) return Repr.Of(obj);
        var (open, close) = Brackets(kind);
        var len = obj is ITuple t ? t.Length : ((IPySized)obj.OrThrow()).Count;
        if (len == 0) return open + close;
        if (kind == 't' && len == 1) close = ",)";
        if (_depth > 0 && level >= _depth) return open + "..." + close;
        return open + string.Join(", ", ItemReprs(obj.OrThrow(), kind, level + 1)) + close;
    }

    private static (string Open, string Close) Brackets(char kind) => kind switch { 'd' => ("{", "}"), 'l' => ("[", "]"), _ => ("(", ")") };

    private IEnumerable<string> ItemReprs(object obj, char kind, int level) => kind == 'd'
        ? Items((IPyDict)obj).Select(kv => SafeRepr(kv.Key, level) + ": " + SafeRepr(kv.Value, level))
        : (obj is ITuple t ? TupleItems(t) : ((IEnumerable)obj).Cast<object?>()).Select(x => SafeRepr(x, level));

    /// <summary>A tuple is a PyTuple or, where the transpiler typed it, a C# ValueTuple.</summary>
    private static List<object?> TupleItems(ITuple t) => Enumerable.Range(0, t.Length).Select(i => t[i]).ToList();

    /// <summary>CPython's _safe_key: Python ordering, unorderable values grouped by type name.</summary>
    private sealed class SafeKey : IComparer<object?>
    {
        public static readonly SafeKey Instance = new();

        public int Compare(object? x, object? y)
        {
            try { return Dyn.Compare(x, y); }
            catch (TypeError) { return string.CompareOrdinal(Dyn.TypeName(x), Dyn.TypeName(y)); }
        }
    }
}
