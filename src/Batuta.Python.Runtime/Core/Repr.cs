using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>Python's <c>repr()</c> for every runtime value.</summary>
public static class Repr
{
    [ThreadStatic] private static HashSet<object>? _active;

    public static string Of(object? o) => o switch
    {
        null => "None",
        string s => String(s),
        bool b => b ? "True" : "False",
        PyInt i => i.ToString(),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        double d => FloatFormat.Repr(d),
        float f => FloatFormat.Repr(f),
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        IPyObject p => Guarded(p, static x => x.PyRepr()),
        ITuple t => Guarded(t, static x => Tuple((ITuple)x)),
        Delegate d => Function(d),
        byte[] bytes => Bytes(bytes),
        System.Type t => Class(t),
        _ => o.ToString() ?? "",
    };

    /// <summary>A function value: <c>&lt;class 'int'&gt;</c> for a builtin type passed as its converter.</summary>
    private static string Function(Delegate d) =>
        Py.FunctionNames.TryGetValue(d, out var named) && Py.IsBuiltinTypeName(named) ? $"<class '{named}'>" : $"<function {Dyn.FunctionName(d)} at 0x{RuntimeHelpers.GetHashCode(d):x12}>";

    /// <summary>A class used as a value (<c>print(Car)</c>): <c>&lt;class '__main__.Car'&gt;</c>; runtime exception classes are builtins.</summary>
    public static string Class(System.Type t) =>
        t == typeof(object) ? "<class 'object'>" : t.Namespace is { } ns && ns.StartsWith("Batuta.Python.Runtime", StringComparison.Ordinal) ? $"<class '{t.Name}'>" : $"<class '__main__.{t.Name.TrimEnd('_')}'>";

    public static string Of(double d) => FloatFormat.Repr(d);
    public static string Of(long l) => l.ToString(CultureInfo.InvariantCulture);
    public static string Of(PyInt i) => i.ToString();
    public static string Of(bool b) => b ? "True" : "False";
    public static string Of(string? s) => s is null ? "None" : String(s);

    private static string Guarded<T>(T o, Func<T, string> render) where T : notnull
    {
        _active ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (o.GetType().IsValueType) return render(o);
        if (!_active.Add(o)) return o is IDictionary or IPyDict ? "{...}" : "[...]";
        try { return render(o); }
        finally { _active.Remove(o); }
    }

    public static string Tuple(ITuple t)
    {
        if (t.Length == 1) return "(" + Of(t[0]) + ",)";
        var sb = new StringBuilder("(");
        for (int i = 0; i < t.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Of(t[i]));
        }
        return sb.Append(')').ToString();
    }

    public static string Sequence<T>(IEnumerable<T> items, string open, string close)
    {
        var sb = new StringBuilder(open);
        bool first = true;
        foreach (var x in items)
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(Of(x));
        }
        return sb.Append(close).ToString();
    }

    /// <summary>A str literal as CPython writes it: single quotes unless the text has ' and no ".</summary>
    public static string String(string s)
    {
        char q = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(q);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == q) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); }
                    else if (c >= 0x80 && !IsPrintable(c)) sb.Append(c <= 0xff ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(q).ToString();
    }

    internal static bool IsPrintable(char c)
    {
        var cat = char.GetUnicodeCategory(c);
        return cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
            UnicodeCategory.SpaceSeparator => c == ' ',
            _ => true,
        };
    }

    public static string Bytes(IReadOnlyList<byte> data)
    {
        bool hasSingle = false, hasDouble = false;
        foreach (var b in data) { if (b == '\'') hasSingle = true; if (b == '"') hasDouble = true; }
        char q = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder("b").Append(q);
        foreach (var b in data)
        {
            if (b == '\\') sb.Append("\\\\");
            else if (b == q) sb.Append('\\').Append((char)b);
            else if (b == '\n') sb.Append("\\n");
            else if (b == '\r') sb.Append("\\r");
            else if (b == '\t') sb.Append("\\t");
            else if (b < 0x20 || b >= 0x7f) sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        return sb.Append(q).ToString();
    }
}

/// <summary>Python's <c>str()</c> for every runtime value.</summary>
public static class Str
{
    public static string Of(object? o) => o switch
    {
        string s => s,
        null => "None",
        double d => FloatFormat.Repr(d),
        PyBaseException e => e.PyStr(),
        IPyObject p => p.PyStr(),
        _ => Repr.Of(o),
    };

    public static string Of(string? s) => s ?? "None";
    public static string Of(double d) => FloatFormat.Repr(d);
    public static string Of(long l) => l.ToString(CultureInfo.InvariantCulture);
    public static string Of(PyInt i) => i.ToString();
    public static string Of(bool b) => b ? "True" : "False";
}
