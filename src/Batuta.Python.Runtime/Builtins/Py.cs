using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime;

/// <summary>Python's builtins, typed where the transpiler knows the types.</summary>
public static partial class Py
{
    // ---- print / input ----
    public static void Print() => Sys.StdoutWriter.Write('\n');

    public static void Print(string s)
    {
        var w = Sys.StdoutWriter;
        w.Write(s);
        w.Write('\n');
    }

    public static void Print(object? a) => Print(Runtime.Str.Of(a));

    public static void Print(params object?[] args) => PrintWith(" ", "\n", null, false, args);

    /// <summary>print(*values, **options) with options known only at run time (merged keyword groups, later ones win).</summary>
    public static void PrintKw(IEnumerable<PyDict<string, object?>> options, object?[] values)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var group in options)
            foreach (var (key, value) in group.Items())
            {
                if (key is not ("sep" or "end" or "file" or "flush")) throw new TypeError($"'{key}' is an invalid keyword argument for print()");
                if (!merged.TryAdd(key, value)) throw new TypeError($"print() got multiple values for keyword argument '{key}'");
            }
        PrintWith(PrintText(merged, "sep"), PrintText(merged, "end"), merged.GetValueOrDefault("file"), merged.TryGetValue("flush", out var f) && Dyn.Truth(f), values);
    }

    private static string? PrintText(Dictionary<string, object?> options, string name) => options.TryGetValue(name, out var v) && v is not null
        ? v as string ?? throw new TypeError($"{name} must be None or a string, not {Dyn.TypeName(v)}")
        : null;

    public static void PrintWith(string? sep, string? end, object? file, bool flush, params object?[] args)
    {
        TextWriter w = file switch
        {
            null => Sys.StdoutWriter,
            PyTextIO f => f.Writer,
            TextWriter tw => tw,
            _ => throw new AttributeError($"'{Dyn.TypeName(file)}' object has no attribute 'write'"),
        };
        sep ??= " ";
        end ??= "\n";
        for (int i = 0; i < args.Length; i++)
        {
            if (i > 0) w.Write(sep);
            w.Write(Runtime.Str.Of(args[i]));
        }
        w.Write(end);
        if (flush || file is PyTextIO { IsStderr: true }) w.Flush();
    }

    public static string Input(string prompt = "")
    {
        Sys.StdoutWriter.Write(prompt);
        Sys.StdoutWriter.Flush();
        var line = Sys.StdinReader.ReadLine();
        return line ?? throw new EOFError("EOF when reading a line");
    }

    // ---- len ----
    public static long Len(string s) => Text.CodePoints.Length(s);
    public static long Len(IPySized c) => c.Count;
    public static long Len<T>(PyList<T> l) => l.Count;
    public static long Len(object? o) => Dyn.Len(o);

    /// <summary>An optional long as a Python value (an int object or None).</summary>
    public static object? Box(long? v) => v is { } x ? new PyInt(x) : null;

    // ---- range ----
    public static PyRange Range(PyInt stop) => new(0, (long)stop, 1);
    public static PyRange Range(PyInt start, PyInt stop) => new((long)start, (long)stop, 1);
    public static PyRange Range(PyInt start, PyInt stop, PyInt step) => new((long)start, (long)stop, (long)step);
    public static PyRange Range(long stop) => new(0, stop, 1);
    public static PyRange Range(long start, long stop) => new(start, stop, 1);
    public static PyRange Range(long start, long stop, long step) => new(start, stop, step);

    /// <summary><c>range(*bounds)</c>: one to three ints, counted at run time.</summary>
    public static PyRange RangeOf(object?[] args) => args.Length switch
    {
        1 => Range(Dyn.Cast<PyInt>(args[0])),
        2 => Range(Dyn.Cast<PyInt>(args[0]), Dyn.Cast<PyInt>(args[1])),
        3 => Range(Dyn.Cast<PyInt>(args[0]), Dyn.Cast<PyInt>(args[1]), Dyn.Cast<PyInt>(args[2])),
        0 => throw new TypeError("range expected at least 1 argument, got 0"),
        _ => throw new TypeError($"range expected at most 3 arguments, got {args.Length}"),
    };

    // ---- enumerate / zip / reversed ----
    public static IEnumerable<(long, T)> Enumerate<T>(IEnumerable<T> items, long start = 0)
    {
        long i = start;
        foreach (var x in items) yield return (i++, x);
    }

    public static IEnumerable<(T1, T2)> Zip<T1, T2>(IEnumerable<T1> a, IEnumerable<T2> b)
    {
        using var ea = a.GetEnumerator();
        using var eb = b.GetEnumerator();
        while (ea.MoveNext() && eb.MoveNext()) yield return (ea.Current, eb.Current);
    }

    public static IEnumerable<(T1, T2, T3)> Zip<T1, T2, T3>(IEnumerable<T1> a, IEnumerable<T2> b, IEnumerable<T3> c)
    {
        using var ea = a.GetEnumerator();
        using var eb = b.GetEnumerator();
        using var ec = c.GetEnumerator();
        while (ea.MoveNext() && eb.MoveNext() && ec.MoveNext()) yield return (ea.Current, eb.Current, ec.Current);
    }

    /// <summary><c>zip(a, b, strict=...)</c>: with strict, iterables of different lengths raise CPython's ValueError.</summary>
    public static IEnumerable<(T1, T2)> Zip<T1, T2>(IEnumerable<T1> a, IEnumerable<T2> b, bool strict) => strict ? ZipStrict(a, b) : Zip(a, b);

    public static IEnumerable<(T1, T2, T3)> Zip<T1, T2, T3>(IEnumerable<T1> a, IEnumerable<T2> b, IEnumerable<T3> c, bool strict) =>
        strict ? ZipStrict(a, b, c) : Zip(a, b, c);

    private static IEnumerable<(T1, T2)> ZipStrict<T1, T2>(IEnumerable<T1> a, IEnumerable<T2> b)
    {
        using var ea = a.GetEnumerator();
        using var eb = b.GetEnumerator();
        while (true)
        {
            if (!ea.MoveNext())
            {
                if (eb.MoveNext()) throw ZipLengthError(1, longer: true);
                yield break;
            }
            if (!eb.MoveNext()) throw ZipLengthError(1, longer: false);
            yield return (ea.Current, eb.Current);
        }
    }

    private static IEnumerable<(T1, T2, T3)> ZipStrict<T1, T2, T3>(IEnumerable<T1> a, IEnumerable<T2> b, IEnumerable<T3> c)
    {
        using var ea = a.GetEnumerator();
        using var eb = b.GetEnumerator();
        using var ec = c.GetEnumerator();
        while (true)
        {
            if (!ea.MoveNext())
            {
                if (eb.MoveNext()) throw ZipLengthError(1, longer: true);
                if (ec.MoveNext()) throw ZipLengthError(2, longer: true);
                yield break;
            }
            if (!eb.MoveNext()) throw ZipLengthError(1, longer: false);
            if (!ec.MoveNext()) throw ZipLengthError(2, longer: false);
            yield return (ea.Current, eb.Current, ec.Current);
        }
    }

    /// <summary>CPython's message for the zero-based argument <paramref name="index"/> against the ones before it.</summary>
    private static ValueError ZipLengthError(int index, bool longer) =>
        new($"zip() argument {index + 1} is {(longer ? "longer" : "shorter")} than argument{(index == 1 ? " 1" : "s 1-" + index)}");

    public static IEnumerable<T> Reversed<T>(IEnumerable<T> items) => items is IReadOnlyList<T> l ? ReverseList(l) : items.Reverse();

    private static IEnumerable<T> ReverseList<T>(IReadOnlyList<T> l)
    {
        for (int i = l.Count - 1; i >= 0; i--) yield return l[i];
    }

    public static IEnumerable<string> Reversed(string s) => PyStr.Chars(s).Reverse();

    // ---- sorted / min / max / sum ----
    public static PyList<T> Sorted<T>(IEnumerable<T> items, bool reverse = false)
    {
        var l = new PyList<T>(items);
        l.Sort(reverse);
        return l;
    }

    public static PyList<T> Sorted<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, bool reverse = false)
    {
        var l = new PyList<T>(items);
        l.Sort(key, reverse);
        return l;
    }

    public static PyList<string> Sorted(string s, bool reverse = false) => Sorted(PyStr.Chars(s), reverse);

    public static T Min<T>(T a, T b) => PyComparer<T>.Default.Compare(b, a) < 0 ? b : a;
    public static T Max<T>(T a, T b) => PyComparer<T>.Default.Compare(b, a) > 0 ? b : a;
    public static T Min<T>(T a, T b, T c) => Min(Min(a, b), c);
    public static T Max<T>(T a, T b, T c) => Max(Max(a, b), c);
    public static T Min<T>(IEnumerable<T> items) => Extreme(items, -1, "min");
    public static T Max<T>(IEnumerable<T> items) => Extreme(items, 1, "max");
    public static T Min<T, TKey>(IEnumerable<T> items, Func<T, TKey> key) => ExtremeBy(items, key, -1, "min");
    public static T Max<T, TKey>(IEnumerable<T> items, Func<T, TKey> key) => ExtremeBy(items, key, 1, "max");
    /// <summary>min(items, key=..., default=...): the default when items is empty (any type: None, -1 for floats).</summary>
    public static object? MinOr<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, object? @default) => Reusable(items) is { Count: > 0 } xs ? Dyn.BoxValue(ExtremeBy(xs, key, -1, "min")) : @default;
    public static object? MaxOr<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, object? @default) => Reusable(items) is { Count: > 0 } xs ? Dyn.BoxValue(ExtremeBy(xs, key, 1, "max")) : @default;
    public static T MinOr<T>(IEnumerable<T> items, T @default) => Reusable(items) is { Count: > 0 } xs ? Extreme(xs, -1, "min") : @default;
    public static T MaxOr<T>(IEnumerable<T> items, T @default) => Reusable(items) is { Count: > 0 } xs ? Extreme(xs, 1, "max") : @default;

    /// <summary>Items that can be read twice (tested for emptiness, then scanned): a generator is read once, into a list.</summary>
    private static IReadOnlyCollection<T> Reusable<T>(IEnumerable<T> items) => items as IReadOnlyCollection<T> ?? items.ToList();
    public static string Min(string s) => Extreme(PyStr.Chars(s), -1, "min");
    public static string Max(string s) => Extreme(PyStr.Chars(s), 1, "max");

    private static T Extreme<T>(IEnumerable<T> items, int dir, string name)
    {
        var cmp = PyComparer<T>.Default;
        using var e = items.GetEnumerator();
        if (!e.MoveNext()) throw new ValueError($"{name}() arg is an empty sequence");
        var best = e.Current;
        while (e.MoveNext()) if (cmp.Compare(e.Current, best) * dir > 0) best = e.Current;
        return best;
    }

    private static T ExtremeBy<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, int dir, string name)
    {
        var cmp = PyComparer<TKey>.Default;
        using var e = items.GetEnumerator();
        if (!e.MoveNext()) throw new ValueError($"{name}() arg is an empty sequence");
        var best = e.Current;
        var bestKey = key(best);
        while (e.MoveNext())
        {
            var k = key(e.Current);
            if (cmp.Compare(k, bestKey) * dir > 0) { best = e.Current; bestKey = k; }
        }
        return best;
    }

    public static PyInt Sum(IEnumerable<PyInt> items, PyInt start = default)
    {
        PyInt total = start;
        foreach (var x in items) total += x;
        return total;
    }

    public static PyInt Sum(IEnumerable<long> items, PyInt start = default)
    {
        // 64-bit accumulation while it fits; the first overflow moves the rest to PyInt.
        long acc = 0;
        PyInt spill = start;
        foreach (var x in items)
        {
            long r = unchecked(acc + x);
            if (((acc ^ r) & (x ^ r)) < 0) { spill += acc; acc = x; continue; }
            acc = r;
        }
        return spill + acc;
    }

    public static PyInt Sum(IEnumerable<bool> items)
    {
        long total = 0;
        foreach (var x in items) if (x) total++;
        return total;
    }

    /// <summary>sum() of floats without a start: the float sum, or the int 0 when there are none (as CPython).</summary>
    public static object SumOfFloats(IEnumerable<double> items)
    {
        double s = 0;
        bool any = false;
        foreach (var x in items)
        {
            s += x;
            any = true;
        }
        return any ? (object)s : new PyInt(0);
    }

    public static double Sum(IEnumerable<double> items, double start = 0)
    {
        double total = start;
        foreach (var x in items) total += x;
        return total;
    }

    public static object? Sum(IEnumerable<object?> items, object? start = null)
    {
        object? total = start ?? new PyInt(0);
        foreach (var x in items) total = Dyn.Add(total, x);
        return total;
    }

    // ---- numbers ----
    public static PyInt Abs(PyInt x) => PyInt.Abs(x);
    public static double Abs(double x) => Math.Abs(x);
    public static long Abs(long x) => Math.Abs(x);
    public static object? Abs(object? x) => x switch { PyInt i => PyInt.Abs(i), long l => PyInt.Abs(l), double d => Math.Abs(d), bool b => new PyInt(b ? 1 : 0), Modules.PyTimeDelta t => t.Abs(), Modules.PyDecimal m => m.Abs(), _ => AbsDunder(x) };

    private static object? AbsDunder(object? x) =>
        Dyn.TryCallDunder(x, "__abs__", out var r) ? r
        : x is IPyBuiltinSubclass { BuiltinValue: double or PyInt } n ? Abs(n.BuiltinValue) : throw new TypeError($"bad operand type for abs(): '{Dyn.TypeName(x)}'");

    public static PyInt Round(double x) => FloatFormat.RoundToInt(x);
    public static double Round(double x, long n) => FloatFormat.Round(x, n);
    public static PyInt Round(PyInt x) => x;

    /// <summary>round(x) of a dynamic number: always an int (a Fraction rounds exactly, ties to even).</summary>
    public static PyInt RoundToInt(object? x) => Dyn.Cast<PyInt>(RoundDynamic(x));

    /// <summary>round(x, n) of a dynamic value: an int stays an int, a float a float (round(x) of a float: an int).</summary>
    public static object? RoundDynamic(object? x, long? n = null) => x switch
    {
        double d => n is { } digits ? Round(d, digits) : (object)Round(d),
        long or int or bool or PyInt => Round(Dyn.Cast<PyInt>(x), n ?? 0),
        Modules.PyFraction f => RoundFraction(f, n),
        Modules.PyDecimal m => m.Round(n),
        _ => throw new TypeError($"type {Dyn.TypeName(x)} doesn't define __round__ method"),
    };

    private static object? RoundFraction(Modules.PyFraction f, long? n) => n is { } digits ? f.Round(digits) : f.Round();

    /// <summary>round as a value (<c>{"round": round}</c>, <c>round(*args)</c>): round(number, ndigits=None).</summary>
    public static object? RoundOf(object?[] args) => args.Length switch
    {
        0 => throw new TypeError("round() missing required argument 'number' (pos 1)"),
        1 => RoundDynamic(args[0]),
        2 => RoundDynamic(args[0], args[1] is null ? null : Dyn.Cast<long>(args[1])),
        _ => throw new TypeError($"round() takes at most 2 arguments ({args.Length} given)"),
    };
    public static PyInt Round(PyInt x, long n)
    {
        if (n >= 0) return x;
        var p = BigInteger.Pow(10, (int)-n);
        var v = x.ToBig();
        var q = BigInteger.DivRem(v, p, out var r);
        if (r.Sign < 0) { q -= 1; r += p; }
        var twice = r * 2;
        if (twice > p || (twice == p && !q.IsEven)) q += 1;
        return PyInt.FromBig(q * p);
    }

    public static (PyInt, PyInt) DivMod(PyInt a, PyInt b) => Ops.DivMod(a, b);
    public static (double, double) DivMod(double a, double b) => Ops.DivMod(a, b);

    /// <summary>divmod() of dynamic values: ints give ints, a float makes both floats.</summary>
    public static (object?, object?) DivModDynamic(object? a, object? b) =>
        a is Modules.PyFraction || b is Modules.PyFraction ? (Dyn.FloorDiv(a, b), Dyn.Mod(a, b)) : DivModNumbers(a, b);

    private static (object?, object?) DivModNumbers(object? a, object? b) => (a, b) switch
    {
        (double or PyInt or long or int or bool, double) or (double, PyInt or long or int or bool) => Box(DivMod(Dyn.Cast<double>(a), Dyn.Cast<double>(b))),
        _ => Box(DivMod(Dyn.Cast<PyInt>(a), Dyn.Cast<PyInt>(b))),
    };

    private static (object?, object?) Box<T>((T, T) pair) => (pair.Item1, pair.Item2);

    /// <summary>pow as a value (<c>pow(*args)</c>): pow(base, exp, mod=None).</summary>
    public static object? PowOf(object?[] args) => args.Length switch
    {
        2 => Dyn.Pow(args[0], args[1]),
        3 => args[2] is null ? Dyn.Pow(args[0], args[1]) : Pow(Dyn.Cast<PyInt>(args[0]), Dyn.Cast<PyInt>(args[1]), Dyn.Cast<PyInt>(args[2])),
        _ => throw new TypeError($"pow() takes from 2 to 3 positional arguments but {args.Length} were given"),
    };

    public static object Pow(PyInt a, PyInt b) => Ops.Pow(a, b);
    public static double Pow(double a, double b) => Ops.Pow(a, b);
    public static PyInt Pow(PyInt a, PyInt b, PyInt mod) => Ops.PowMod(a, b, mod);

    // ---- conversions ----
    public static PyInt Int(string s, long radix = 10) => PyInt.Parse(s, (int)radix);
    public static PyInt Int(double d) => FloatFormat.FloatToInt(d);
    public static PyInt Int(PyInt i) => i;
    public static PyInt Int(bool b) => b ? 1 : 0;
    public static PyInt Int(object? o) => o switch
    {
        string s => PyInt.Parse(s),
        double d => FloatFormat.FloatToInt(d),
        PyFloatSubclass f => FloatFormat.FloatToInt(f.FloatValue),
        PyInt i => i,
        bool b => b ? 1 : 0,
        long l => l,
        IPyInt pi => pi.PyInt(),
        _ when Dyn.TryCallDunder(o, "__int__", out var r) || Dyn.TryCallDunder(o, "__index__", out r) => Int(r),
        _ => throw new TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{Dyn.TypeName(o)}'"),
    };

    public static double Float(string s) => FloatFormat.Parse(s);
    public static double Float(PyInt i) => i.ToDouble();
    public static double Float(double d) => d;
    // class Celsius(float) / Count(int): its value
    public static double Float(object? o) => FloatOfValue(o is IPyBuiltinSubclass { BuiltinValue: double or PyInt } n ? n.BuiltinValue : o);

    private static double FloatOfValue(object? o) => o switch
    {
        string s => FloatFormat.Parse(s),
        double d => d,
        PyInt i => i.ToDouble(),
        bool b => b ? 1 : 0,
        long l => l,
        Modules.PyDecimal m => m.ToDouble(),
        _ when Dyn.TryCallDunder(o, "__float__", out var r) || Dyn.TryCallDunder(o, "__index__", out r) => Float(r),
        _ => throw new TypeError($"float() argument must be a string or a real number, not '{Dyn.TypeName(o)}'"),
    };

    public static string Chr(PyInt cp) => PyStr.Chr((long)cp);
    public static PyInt Ord(string s) => PyStr.Ord(s);
    public static string Hex(PyInt v) => (v.Sign < 0 ? "-0x" : "0x") + Text.Format.Hex(BigInteger.Abs(v.ToBig()));
    public static string Oct(PyInt v) => (v.Sign < 0 ? "-0o" : "0o") + Text.Format.ToBase(BigInteger.Abs(v.ToBig()), 8);
    public static string Bin(PyInt v) => (v.Sign < 0 ? "-0b" : "0b") + Text.Format.ToBase(BigInteger.Abs(v.ToBig()), 2);

    public static string Ascii(object? o)
    {
        var r = Runtime.Repr.Of(o);
        var sb = new StringBuilder();
        foreach (var rune in r.EnumerateRunes())
        {
            int c = rune.Value;
            if (c < 128) sb.Append((char)c);
            else if (c <= 0xff) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c <= 0xffff) sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static bool Truth(object? o) => Dyn.Truth(o);
    public static bool Truth(string? s) => s is not null && s.Length > 0;
    public static bool Truth(PyInt i) => !i.IsZero;
    public static bool Truth(double d) => d != 0;
    /// <summary>__bool__ wins over __len__, as in Python.</summary>
    public static bool Truth(IPySized? c) => c is IPyBool b ? b.PyBool() : c is not null && c.Count > 0;

    public static PyInt Hash(object? o) => Dyn.PyHashOf(o);

    public static bool Any<T>(IEnumerable<T> items)
    {
        foreach (var x in items) if (Dyn.Truth(x)) return true;
        return false;
    }

    public static bool Any(IEnumerable<bool> items)
    {
        foreach (var x in items) if (x) return true;
        return false;
    }

    public static bool All<T>(IEnumerable<T> items)
    {
        foreach (var x in items) if (!Dyn.Truth(x)) return false;
        return true;
    }

    public static bool All(IEnumerable<bool> items)
    {
        foreach (var x in items) if (!x) return false;
        return true;
    }

    public static IEnumerable<TResult> Map<T, TResult>(Func<T, TResult> f, IEnumerable<T> items) => MapItems(items, f);
    public static IEnumerable<TResult> Map<T1, T2, TResult>(Func<T1, T2, TResult> f, IEnumerable<T1> a, IEnumerable<T2> b) => MapItems(Zip(a, b), p => f(p.Item1, p.Item2));
    public static IEnumerable<T> Filter<T>(Func<T, bool> f, IEnumerable<T> items) => FilterItems(items, f);
    public static IEnumerable<T> Filter<T>(IEnumerable<T> items) => FilterItems(items, x => Dyn.Truth(x));

    // map and filter objects are iterators of their own (not LINQ's, which stand for generator expressions), so
    // that type(...).__name__ can tell them apart (Dyn.IteratorTypeName).
    internal static IEnumerable<TResult> MapItems<T, TResult>(IEnumerable<T> items, Func<T, TResult> f)
    {
        foreach (var x in items) yield return f(x);
    }

    internal static IEnumerable<T> FilterItems<T>(IEnumerable<T> items, Func<T, bool> keep)
    {
        foreach (var x in items)
            if (keep(x)) yield return x;
    }

    public static T Next<T>(IEnumerator<T> it) => it.MoveNext() ? it.Current : throw new StopIteration();
    public static T Next<T>(IEnumerator<T> it, T @default) => it.MoveNext() ? it.Current : @default;
    public static IEnumerator<T> Iter<T>(IEnumerable<T> items) => items.GetEnumerator();

    public static PyList<T> List<T>(IEnumerable<T> items) => new(items);
    public static PyList<string> List(string s) => new(PyStr.Chars(s));

    public static PyInt Id(object? o) => o is null ? 0 : RuntimeHelpers.GetHashCode(o);

    public static string Repr(object? o) => Runtime.Repr.Of(o);
    public static string Str(object? o) => Runtime.Str.Of(o);
    public static string Str(double d) => FloatFormat.Repr(d);
    public static string Str(PyInt i) => i.ToString();
    public static string Str(string s) => s;
    public static string Str(bool b) => b ? "True" : "False";

    public static string FormatValue(object? o, string spec) => Text.Format.Apply(o, spec);
    public static string FormatValue(double d, string spec) => Text.Format.Apply(d, spec);
    public static string FormatValue(PyInt i, string spec) => Text.Format.Apply(i, spec);
    public static string FormatValue(string s, string spec) => Text.Format.Apply(s, spec);

    public static string TypeName(object? o) => Dyn.TypeName(o);

    /// <summary><c>vars(x)</c> of a dynamic value: an argparse Namespace's attribute dict (the same dict, as CPython's __dict__), a user object's attributes.</summary>
    public static PyDict<string, object?> Vars(object? x) => x switch
    {
        Modules.Namespace ns => ns.Values,
        not PyEnum and PyObject { PyHasDict: true } instance => instance.PyVars(),
        Type cls when Dyn.ClassDict(cls) is { } classDict => classDict,
        _ => throw new NotImplementedError($"vars() of a '{Dyn.TypeName(x)}' object is not supported by Batuta"),
    };

    public static PyTextIO Open(string path, string mode = "r", string? encoding = null, string? newline = null, string? errors = null) => PyTextIO.Open(path, mode, encoding, newline, errors);

    /// <summary>Calls a generated class's <c>__init__</c> path for <c>super().__init__</c> when the base is a Python exception.</summary>
    public static NotSupportedException Unsupported(string construct, string location) =>
        new($"{construct} is not supported by Batuta (BATUTA-T-004 at {location})");

    /// <summary><c>assert cond, msg</c></summary>
    public static void Assert(bool condition, object? message = null)
    {
        if (!condition) throw message is null ? new AssertionError() : new AssertionError(message);
    }
}

/// <summary>A value with <c>__int__</c>/<c>__index__</c>.</summary>
public interface IPyInt { PyInt PyInt(); }
