using System.Globalization;
using System.Numerics;

namespace Batuta.Python.Runtime;

public static partial class Py
{
    /// <summary>
    /// float.fromhex(s): CPython's syntax ([sign] ["0x"] hex digits ["." hex digits] ["p" [sign] decimal exponent],
    /// or inf/infinity/nan), rounded to the nearest double (ties to even); ValueError and OverflowError as CPython.
    /// </summary>
    public static double FloatFromHex(string s)
    {
        var t = s.Trim().ToLowerInvariant();
        bool negative = t.StartsWith('-');
        if (t.StartsWith('-') || t.StartsWith('+')) t = t.Substring(1);
        double value = t switch
        {
            "inf" or "infinity" => double.PositiveInfinity,
            "nan" => Modules.MathModule.Nan,
            _ => ParseHexFloat(t.StartsWith("0x", StringComparison.Ordinal) ? t.Substring(2) : t),
        };
        return negative ? -value : value;
    }

    private static double ParseHexFloat(string t)
    {
        const string invalid = "invalid hexadecimal floating-point string";
        int p = t.IndexOf('p');
        string digits = p < 0 ? t : t.Substring(0, p);
        long exponent = 0;
        if (p >= 0 && !long.TryParse(t.Substring(p + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)) throw new ValueError(invalid);
        int dot = digits.IndexOf('.');
        string whole = dot < 0 ? digits : digits.Remove(dot, 1);
        int fraction = dot < 0 ? 0 : digits.Length - dot - 1;
        if (whole.Length == 0 || whole.Any(ch => !Uri.IsHexDigit(ch))) throw new ValueError(invalid);
        var mantissa = BigInteger.Parse("0" + whole, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        double value = ScaleExact(mantissa, exponent - 4L * fraction);
        return double.IsInfinity(value) ? throw new OverflowError("hexadecimal value too large to represent as a float") : value;
    }

    /// <summary>mantissa * 2^exponent rounded once to the nearest double.</summary>
    private static double ScaleExact(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero) return 0.0;
        long bits = (long)mantissa.GetBitLength();
        // the exponent of the result's leading bit, and how many bits a double keeps there (fewer when subnormal)
        long top = bits - 1 + exponent;
        if (top > 1023) return double.PositiveInfinity;
        long keep = top >= -1022 ? 53 : 53 - (-1022 - top);
        // below half the smallest subnormal rounds to zero; above it, to the smallest subnormal
        if (keep <= 0) return keep == 0 && mantissa > BigInteger.One << (int)(bits - 1) ? double.Epsilon : 0.0;
        long drop = bits - keep;
        if (drop > 0)
        {
            mantissa = RoundHalfEven(mantissa, (int)drop);
            exponent += drop;
        }
        return Math.ScaleB((double)mantissa, (int)Math.Clamp(exponent, -2000, 2000));
    }

    private static BigInteger RoundHalfEven(BigInteger mantissa, int drop)
    {
        var half = BigInteger.One << (drop - 1);
        var rest = mantissa & ((BigInteger.One << drop) - 1);
        var kept = mantissa >> drop;
        return rest > half || rest == half && !kept.IsEven ? kept + 1 : kept;
    }
}
