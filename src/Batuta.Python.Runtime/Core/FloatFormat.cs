using System.Globalization;
using System.Numerics;
using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>
/// CPython's float formatting: <c>repr</c> (shortest round-trip, <c>1e+16</c>, <c>0.1</c>), <c>round(x, n)</c>
/// and the fixed/exponent/general formats of format specs, all correctly rounded (half to even on the exact value).
/// </summary>
public static class FloatFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The shortest digits that round-trip, and the decimal exponent: value = 0.d1d2... * 10^exp.</summary>
    public static (string Digits, int Exponent) Shortest(double d)
    {
        var r = Math.Abs(d).ToString("R", Inv);
        int e = 0;
        int ei = r.IndexOfAny(['E', 'e']);
        string mant = r;
        if (ei >= 0)
        {
            e = int.Parse(r[(ei + 1)..], NumberStyles.AllowLeadingSign, Inv);
            mant = r[..ei];
        }
        int dot = mant.IndexOf('.');
        string intPart = dot >= 0 ? mant[..dot] : mant;
        string frac = dot >= 0 ? mant[(dot + 1)..] : "";
        string digits = (intPart + frac).TrimStart('0');
        int exp = e + intPart.Length - ((intPart + frac).Length - (intPart + frac).TrimStart('0').Length);
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return ("0", 1);
        return (digits, exp);
    }

    public static string Repr(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var (digits, exp) = Shortest(d);
        string sign = d < 0 ? "-" : "";
        int decpt = exp; // position of the decimal point relative to digits start
        if (decpt > -4 && decpt <= 16)
        {
            // fixed notation
            if (decpt <= 0) return sign + "0." + new string('0', -decpt) + digits;
            if (decpt >= digits.Length) return sign + digits + new string('0', decpt - digits.Length) + ".0";
            return sign + digits[..decpt] + "." + digits[decpt..];
        }
        var sb = new StringBuilder(sign);
        sb.Append(digits[0]);
        if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
        int e10 = decpt - 1;
        sb.Append('e').Append(e10 < 0 ? '-' : '+').Append(Math.Abs(e10).ToString("00", Inv));
        return sb.ToString();
    }

    /// <summary>The exact value of a finite double as mantissa * 2^exp.</summary>
    private static (BigInteger Mantissa, int Exp) Decompose(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
        int be = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xFFFFFFFFFFFFFL;
        if (be == 0) be = 1; else m |= 1L << 52;
        return (m, be - 1075);
    }

    /// <summary>|d| * 10^places rounded half-to-even to an integer (exact arithmetic).</summary>
    private static BigInteger ScaledRound(double d, int places)
    {
        var (m, e) = Decompose(d);
        BigInteger num = m, den = BigInteger.One;
        if (e > 0) num <<= e; else den <<= -e;
        if (places >= 0) num *= BigInteger.Pow(10, places); else den *= BigInteger.Pow(10, -places);
        var q = BigInteger.DivRem(num, den, out var r);
        var twice = r * 2;
        if (twice > den || (twice == den && !q.IsEven)) q += 1;
        return q;
    }

    /// <summary>Python's <c>round(x, n)</c> for floats.</summary>
    public static double Round(double x, long n)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || x == 0) return x;
        if (n > 330) return x;
        if (n < -330) return 0.0 * Math.Sign(x);
        var q = ScaledRound(x, (int)n);
        string s = q.ToString(Inv) + "e" + (-n).ToString(Inv);
        double r = double.Parse(s, NumberStyles.Float, Inv);
        if (double.IsInfinity(r)) throw new OverflowError("rounded value too large to represent");
        return x < 0 ? -r : r;
    }

    /// <summary>Python's <c>round(x)</c>: nearest int, ties to even.</summary>
    public static PyInt RoundToInt(double x)
    {
        if (double.IsNaN(x)) throw new ValueError("cannot convert float NaN to integer");
        if (double.IsInfinity(x)) throw new OverflowError("cannot convert float infinity to integer");
        double r = Math.Round(x, MidpointRounding.ToEven);
        return FloatToInt(r);
    }

    public static PyInt FloatToInt(double r)
    {
        if (double.IsNaN(r)) throw new ValueError("cannot convert float NaN to integer");
        if (double.IsInfinity(r)) throw new OverflowError("cannot convert float infinity to integer");
        r = Math.Truncate(r);
        if (r >= -9.2e18 && r <= 9.2e18) return new PyInt((long)r);
        return PyInt.FromBig(new BigInteger(r));
    }

    /// <summary>Fixed-point with <paramref name="precision"/> digits after the point ('f' format), sign not included.</summary>
    public static string FixedAbs(double d, int precision)
    {
        var q = ScaledRound(d, precision);
        string s = q.ToString(Inv);
        if (precision == 0) return s;
        if (s.Length <= precision) s = new string('0', precision - s.Length + 1) + s;
        return s[..^precision] + "." + s[^precision..];
    }

    /// <summary>Scientific with <paramref name="precision"/> digits after the point ('e' format), sign not included.</summary>
    public static string ExponentAbs(double d, int precision, char e = 'e')
    {
        var (digits, exp10) = Digits(d, precision + 1);
        var sb = new StringBuilder();
        sb.Append(digits[0]);
        if (precision > 0) sb.Append('.').Append(digits, 1, precision);
        int ex = exp10 - 1;
        sb.Append(e).Append(ex < 0 ? '-' : '+').Append(Math.Abs(ex).ToString("00", Inv));
        return sb.ToString();
    }

    /// <summary>Exactly <paramref name="count"/> significant digits, correctly rounded; value = 0.digits * 10^exp.</summary>
    public static (string Digits, int Exponent) Digits(double d, int count)
    {
        if (d == 0) return (new string('0', count), 1);
        var (m, e) = Decompose(d);
        // estimate the decimal exponent
        int est = (int)Math.Floor(Math.Log10(Math.Abs(d))) + 1;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            int places = count - est;
            BigInteger num = m, den = BigInteger.One;
            if (e > 0) num <<= e; else den <<= -e;
            if (places >= 0) num *= BigInteger.Pow(10, places); else den *= BigInteger.Pow(10, -places);
            var q = BigInteger.DivRem(num, den, out var r);
            var twice = r * 2;
            if (twice > den || (twice == den && !q.IsEven)) q += 1;
            string s = q.ToString(Inv);
            if (s.Length == count) return (s, est);
            if (s.Length > count) { est++; continue; }
            est--;
        }
        throw new InvalidOperationException("digit generation did not converge");
    }

    /// <summary>The 'g' format (and repr-less str of format specs): precision significant digits, trailing zeros removed unless alternate.</summary>
    /// <param name="noType">A format with a precision but no type ('{:.3}'): scientific from exponent precision - 1 on,
    /// and at least one digit after the point in fixed notation ('2.0', '9.8e+01').</param>
    public static string GeneralAbs(double d, int precision, bool alternate = false, char e = 'e', bool noType = false)
    {
        if (precision == 0) precision = 1;
        var (digits, exp10) = Digits(d, precision);
        int x = d == 0 ? 0 : exp10 - 1;
        if (x >= -4 && x < (noType ? precision - 1 : precision)) return GeneralFixed(d, precision, x, alternate, noType);
        string m = digits[0] + (precision > 1 ? "." + digits[1..] : alternate ? "." : "");
        if (!alternate && m.Contains('.')) m = m.TrimEnd('0').TrimEnd('.');
        return m + e + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", Inv);
    }

    private static string GeneralFixed(double d, int precision, int x, bool alternate, bool noType)
    {
        string s = FixedAbs(d, Math.Max(precision - 1 - x, 0));
        if (!alternate && s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
        if (noType && !s.Contains('.')) s += ".0";
        // '#' keeps the decimal point even with no digits after it ('{:#.3g}' of 100.0 is '100.')
        return alternate && !s.Contains('.') ? s + "." : s;
    }

    /// <summary>Python's <c>float(str)</c>.</summary>
    public static double Parse(string text)
    {
        var s = AsciiDigits(text)?.Trim();
        if (s is null || !UnderscoresBetweenDigits(s)) throw new ValueError($"could not convert string to float: {Runtime.Repr.Of(text)}");
        s = s.Replace("_", "");
        if (SpecialValue(s) is { } special) return special;
        if (s.Length > 0 && (char.IsDigit(s[^1]) || s[^1] == '.') && double.TryParse(s, NumberStyles.Float, Inv, out var d) && !s.Contains(','))
            return d;
        throw new ValueError($"could not convert string to float: {Runtime.Repr.Of(text)}");
    }

    private static double? SpecialValue(string s) => s.ToLowerInvariant() switch
    {
        "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        "nan" or "+nan" => Modules.MathModule.Nan,
        "-nan" => -Modules.MathModule.Nan,
        _ => null,
    };

    /// <summary>An underscore only between two digits (1_000.5); 1__0, _1 and 1_ are errors.</summary>
    private static bool UnderscoresBetweenDigits(string s)
    {
        for (int i = 0; i < s.Length; i++)
            if (s[i] == '_' && (i == 0 || i == s.Length - 1 || !char.IsAsciiDigit(s[i - 1]) || !char.IsAsciiDigit(s[i + 1]))) return false;
        return true;
    }

    /// <summary>CPython's first step of float(str): Unicode decimal digits become ASCII ones, Unicode spaces plain ones; other non-ASCII characters make it invalid (null).</summary>
    private static string? AsciiDigits(string text)
    {
        if (text.All(char.IsAscii)) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAscii(c)) sb.Append(c);
            else if (char.IsWhiteSpace(c)) sb.Append(' ');
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber) sb.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)));
            else return null;
        }
        return sb.ToString();
    }
}
