using System.Globalization;
using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Parsing;

/// <summary>C# literals that round-trip exactly (invariant culture, "R" formats, named non-finite values).</summary>
internal static class Literals
{
    /// <summary>The literal of <paramref name="value"/> as type <paramref name="type"/>, or null when it does not convert exactly.</summary>
    public static string? Format(object? value, ScalarType type)
    {
        switch (type)
        {
            case ScalarType.Bool:
                return value is bool b ? (b ? "true" : "false") : null;
            case ScalarType.Float:
                {
                    if (!TryDouble(value, out double d)) return null;
                    float f = (float)d;
                    if (!double.IsNaN(d) && !FloatExact.AreEqual(f, d) && !(value is float)) return null;
                    return Float(f);
                }
            case ScalarType.Double:
                return TryDouble(value, out double dd) ? Double(dd) : null;
            case ScalarType.Int:
                {
                    if (!TryLong(value, out long l) || l < int.MinValue || l > int.MaxValue) return null;
                    return Int((int)l);
                }
            case ScalarType.Long:
                return TryLong(value, out long ll) ? Long(ll) : null;
        }
        return null;
    }

    public static string Float(float f)
    {
        if (float.IsNaN(f)) return "float.NaN";
        if (float.IsPositiveInfinity(f)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(f)) return "float.NegativeInfinity";
        if (f == 0 && 1f / f < 0) return "(-0f)";
        string s = f.ToString("R", CultureInfo.InvariantCulture) + "f";
        return f < 0 ? "(" + s + ")" : s;
    }

    public static string Double(double d)
    {
        if (double.IsNaN(d)) return "double.NaN";
        if (double.IsPositiveInfinity(d)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(d)) return "double.NegativeInfinity";
        if (d == 0 && 1d / d < 0) return "(-0d)";
        string s = d.ToString("R", CultureInfo.InvariantCulture) + "d";
        return d < 0 ? "(" + s + ")" : s;
    }

    public static string Int(int i) => i == int.MinValue ? "int.MinValue" : i < 0 ? "(" + i.ToString(CultureInfo.InvariantCulture) + ")" : i.ToString(CultureInfo.InvariantCulture);

    public static string Long(long l) => l == long.MinValue ? "long.MinValue" : l < 0 ? "(" + l.ToString(CultureInfo.InvariantCulture) + "L)" : l.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary>The value of an integer or finite floating-point literal made by this class.</summary>
    public static bool TryParse(string literal, out double value)
    {
        var text = literal.Trim('(', ')').TrimEnd('f', 'd', 'L');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The identity literals of the built-in folds.</summary>
    public static string Identity(ReductionKind kind, ScalarType type) => (kind, type) switch
    {
        (ReductionKind.Product, _) => Format(1, type).OrThrow(),
        (ReductionKind.Min, ScalarType.Float) => "float.PositiveInfinity",
        (ReductionKind.Min, ScalarType.Double) => "double.PositiveInfinity",
        (ReductionKind.Min, ScalarType.Int) => "int.MaxValue",
        (ReductionKind.Min, ScalarType.Long) => "long.MaxValue",
        (ReductionKind.Max, ScalarType.Float) => "float.NegativeInfinity",
        (ReductionKind.Max, ScalarType.Double) => "double.NegativeInfinity",
        (ReductionKind.Max, ScalarType.Int) => "int.MinValue",
        (ReductionKind.Max, ScalarType.Long) => "long.MinValue",
        _ => Format(0, type).OrThrow(),
    };

    private static bool TryDouble(object? value, out double d)
    {
        switch (value)
        {
            case float f: d = f; return true;
            case double x: d = x; return true;
            case int i: d = i; return true;
            case long l: d = l; return (long)d == l || Math.Abs(l) < (1L << 53);
            case short s: d = s; return true;
            case byte b: d = b; return true;
            case sbyte sb: d = sb; return true;
            case ushort us: d = us; return true;
            case uint ui: d = ui; return true;
            case char c: d = c; return true;
            default: d = 0; return false;
        }
    }

    private static bool TryLong(object? value, out long l)
    {
        switch (value)
        {
            case int i: l = i; return true;
            case long x: l = x; return true;
            case short s: l = s; return true;
            case byte b: l = b; return true;
            case sbyte sb: l = sb; return true;
            case ushort us: l = us; return true;
            case uint ui: l = ui; return true;
            case char c: l = c; return true;
            case float f when f == Math.Floor(f) && f >= long.MinValue && f <= long.MaxValue: l = (long)f; return true;
            case double d when d == Math.Floor(d) && d >= long.MinValue && d < 9.2233720368547758e18: l = (long)d; return true;
            default: l = 0; return false;
        }
    }
}
