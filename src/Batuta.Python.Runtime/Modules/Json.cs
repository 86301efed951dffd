using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>Python's <c>json</c>: <c>dumps</c> formats exactly as CPython (separators, indent, ensure_ascii, sort_keys).</summary>
public static class Json
{
    /// <summary>json.dump: <see cref="Dumps"/> written to a text file.</summary>
    public static void Dump(object? obj, PyTextIO fp, object? indent = null, bool sort_keys = false, bool ensure_ascii = true, object? separators = null, object? @default = null) =>
        fp.Write(Dumps(obj, indent, sort_keys, ensure_ascii, separators, @default));

    /// <param name="separators">(item_separator, key_separator), as a tuple or list of two strs.</param>
    /// <param name="default">Called on an object the encoder cannot write; its result is written instead.</param>
    public static string Dumps(object? obj, object? indent = null, bool sort_keys = false, bool ensure_ascii = true, object? separators = null, object? @default = null)
    {
        string? ind = indent switch
        {
            null => null,
            PyInt i => new string(' ', (int)(long)i),
            long l => new string(' ', (int)l),
            int n => new string(' ', n),
            string s => s,
            _ => null,
        };
        var (item, key) = separators is null ? (ind is null ? (", ", ": ") : (",", ": ")) : Separators(separators);
        var sb = new StringBuilder();
        new Encoder(sb, ind, sort_keys, ensure_ascii, item, key, @default).Write(obj, 0);
        return sb.ToString();
    }

    private static (string, string) Separators(object separators)
    {
        var parts = Dyn.Iter(separators).ToList();
        if (parts.Count != 2 || parts[0] is not string item || parts[1] is not string key)
            throw new ValueError("separators must be a pair of strings: (item_separator, key_separator)");
        return (item, key);
    }

    /// <summary>One dumps call's settings; <c>default=</c> is called on what it cannot write (a cycle through it is CPython's ValueError).</summary>
    private sealed class Encoder(StringBuilder sb, string? ind, bool sort, bool ascii, string item, string key, object? fallback)
    {
        private readonly HashSet<object> _open = new(ReferenceEqualityComparer.Instance);

        public void Write(object? o, int level)
        {
            // IntEnum and (str, Enum) members are ints and strs to the encoder
            o = o switch { PyIntEnum ie => ie.IntValue, PyIntFlagEnum fe => fe.IntValue, IPyStrValue se => se.StrValue, _ => o };
            switch (o)
            {
                case null: sb.Append("null"); return;
                case bool b: sb.Append(b ? "true" : "false"); return;
                case PyInt or long or int: sb.Append(Repr.Of(o)); return;
                case double d:
                    sb.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : FloatFormat.Repr(d));
                    return;
                case string s: WriteString(sb, s, ascii); return;
                case IPyDict d: WriteDict(d, level); return;
                case ITuple t: WriteList(PyTuple.From(t).ToList(), level); return;
                case System.Collections.IEnumerable e when o is IPyList or PyTuple or System.Collections.IList: WriteList(e.Cast<object?>().ToList(), level); return;
                default: WriteFallback(o, level); return;
            }
        }

        private void WriteFallback(object o, int level)
        {
            if (fallback is null) throw new TypeError($"Object of type {Dyn.TypeName(o)} is not JSON serializable");
            if (!_open.Add(o)) throw new ValueError("Circular reference detected");
            Write(Dyn.Call(fallback, o), level);
            _open.Remove(o);
        }

        private void WriteDict(IPyDict d, int level)
        {
            var items = d.ItemsObject().Select(kv => (Key: KeyString(kv.Key), kv.Value)).ToList();
            if (sort) items = items.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            if (items.Count == 0) { sb.Append("{}"); return; }
            sb.Append('{');
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) sb.Append(item);
                NewLine(sb, ind, level + 1);
                WriteString(sb, items[i].Key, ascii);
                sb.Append(key);
                Write(items[i].Value, level + 1);
            }
            NewLine(sb, ind, level);
            sb.Append('}');
        }

        private void WriteList(List<object?> list, int level)
        {
            if (list.Count == 0) { sb.Append("[]"); return; }
            sb.Append('[');
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0) sb.Append(item);
                NewLine(sb, ind, level + 1);
                Write(list[i], level + 1);
            }
            NewLine(sb, ind, level);
            sb.Append(']');
        }
    }

    private static string KeyString(object? k) => k switch
    {
        string s => s,
        null => "null",
        bool b => b ? "true" : "false",
        double d => FloatFormat.Repr(d),
        PyInt or long or int => Repr.Of(k),
        _ => throw new TypeError($"keys must be str, int, float, bool or None, not {Dyn.TypeName(k)}"),
    };

    private static void NewLine(StringBuilder sb, string? ind, int level)
    {
        if (ind is null) return;
        sb.Append('\n');
        for (int i = 0; i < level; i++) sb.Append(ind);
    }

    private static void WriteString(StringBuilder sb, string s, bool ascii)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || (ascii && c > 0x7e)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <param name="object_hook">Called on each decoded object (innermost first); its result replaces the dict.</param>
    /// <param name="parse_float">Called on the text of each JSON float (an int's text goes to <paramref name="parse_int"/>).</param>
    public static object? Loads(string text, object? object_hook = null, object? parse_float = null, object? parse_int = null)
    {
        int i = 0;
        var hooks = object_hook is null && parse_float is null && parse_int is null ? null : new Hooks(object_hook, parse_float, parse_int);
        var v = Parse(text, ref i, hooks);
        Skip(text, ref i);
        if (i != text.Length) throw Error("Extra data", text, i);
        return v;
    }

    private static JSONDecodeError Error(string msg, string text, int pos)
    {
        int line = 1, col = 1;
        for (int k = 0; k < pos && k < text.Length; k++) { if (text[k] == '\n') { line++; col = 1; } else col++; }
        return new JSONDecodeError(msg, text, pos, line, col);
    }

    private sealed record Hooks(object? Object, object? Float, object? Int);

    private static object? Decoded(PyDict<object?, object?> d, Hooks? h) => h?.Object is { } hook ? Dyn.Call(hook, d) : d;

    private static void Skip(string s, ref int i) { while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r') i++; }

    private static object? Parse(string s, ref int i, Hooks? h)
    {
        Skip(s, ref i);
        if (i >= s.Length) throw Error("Expecting value", s, i);
        char c = s[i];
        if (c == '{')
        {
            i++;
            var d = new PyDict<object?, object?>();
            Skip(s, ref i);
            if (i < s.Length && s[i] == '}') { i++; return Decoded(d, h); }
            while (true)
            {
                Skip(s, ref i);
                if (i >= s.Length || s[i] != '"') throw Error("Expecting property name enclosed in double quotes", s, i);
                var k = ParseString(s, ref i);
                Skip(s, ref i);
                if (i >= s.Length || s[i] != ':') throw Error("Expecting ':' delimiter", s, i);
                i++;
                d[k] = Parse(s, ref i, h);
                Skip(s, ref i);
                if (i < s.Length && s[i] == ',') { i++; continue; }
                if (i < s.Length && s[i] == '}') { i++; return Decoded(d, h); }
                throw Error("Expecting ',' delimiter", s, i);
            }
        }
        if (c == '[')
        {
            i++;
            var l = new PyList<object?>();
            Skip(s, ref i);
            if (i < s.Length && s[i] == ']') { i++; return l; }
            while (true)
            {
                l.Append(Parse(s, ref i, h));
                Skip(s, ref i);
                if (i < s.Length && s[i] == ',') { i++; continue; }
                if (i < s.Length && s[i] == ']') { i++; return l; }
                throw Error("Expecting ',' delimiter", s, i);
            }
        }
        if (c == '"') return ParseString(s, ref i);
        if (s.AsSpan(i).StartsWith("true")) { i += 4; return true; }
        if (s.AsSpan(i).StartsWith("false")) { i += 5; return false; }
        if (s.AsSpan(i).StartsWith("null")) { i += 4; return null; }
        if (s.AsSpan(i).StartsWith("NaN")) { i += 3; return MathModule.Nan; }
        if (s.AsSpan(i).StartsWith("Infinity")) { i += 8; return double.PositiveInfinity; }
        if (s.AsSpan(i).StartsWith("-Infinity")) { i += 9; return double.NegativeInfinity; }
        return ParseNumber(s, ref i, h);
    }

    private static object? ParseNumber(string s, ref int i, Hooks? h)
    {
        int start = i;
        if (i < s.Length && s[i] == '-') i++;
        while (i < s.Length && char.IsDigit(s[i])) i++;
        bool isFloat = false;
        if (i < s.Length && s[i] == '.') { isFloat = true; i++; while (i < s.Length && char.IsDigit(s[i])) i++; }
        if (i < s.Length && s[i] is 'e' or 'E') { isFloat = true; i++; if (i < s.Length && s[i] is '+' or '-') i++; while (i < s.Length && char.IsDigit(s[i])) i++; }
        if (i == start || (i == start + 1 && s[start] == '-')) throw Error("Expecting value", s, start);
        var num = s[start..i];
        if ((isFloat ? h?.Float : h?.Int) is { } parse) return Dyn.Call(parse, num);
        return isFloat ? double.Parse(num, NumberStyles.Float, CultureInfo.InvariantCulture) : (object)PyInt.Parse(num);
    }

    private static string ParseString(string s, ref int i)
    {
        // CPython reports an unterminated string at its opening quote, not where the input ran out
        int quote = i++;
        var sb = new StringBuilder();
        while (i < s.Length && s[i] != '"')
        {
            if (s[i] == '\\')
            {
                if (++i >= s.Length) break;
                char e = s[i];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u': sb.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 4; break;
                    default: sb.Append(e); break;
                }
                i++;
                continue;
            }
            sb.Append(s[i++]);
        }
        if (i >= s.Length) throw Error("Unterminated string starting at", s, quote);
        i++;
        return sb.ToString();
    }
}

/// <summary>json.JSONDecodeError: a ValueError with CPython's msg, doc, pos, lineno and colno attributes.</summary>
public sealed class JSONDecodeError : ValueError
{
    public JSONDecodeError(string msg, string doc, int pos, int lineno, int colno)
        : base($"{msg}: line {lineno} column {colno} (char {pos})")
    {
        (Msg, Doc, Pos, Lineno, Colno) = (msg, doc, pos, lineno, colno);
    }

    public string Msg { get; }
    public string Doc { get; }
    public int Pos { get; }
    public int Lineno { get; }
    public int Colno { get; }
    public override string PyModule => "json.decoder";

    public override bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "msg" => Msg,
            "doc" => Doc,
            "pos" => new PyInt(Pos),
            "lineno" => new PyInt(Lineno),
            "colno" => new PyInt(Colno),
            _ => null,
        };
        return value is not null || base.TryGetAttr(name, out value);
    }
}
