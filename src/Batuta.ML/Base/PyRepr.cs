using System.Collections;
using System.Globalization;

namespace Batuta.ML;

/// <summary>Python's <c>repr</c> for hyperparameter values, so estimator reprs and error messages read as scikit-learn's do.</summary>
internal static class PyRepr
{
    public static string Of(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        double d => Float(d),
        float f => Float(f),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture).OrThrow(),
        Estimator e => e.ToString(),
        SplitSize ss => ss.ToString(),
        MaxFeatures mf => mf.Name is null ? mf.ToString() : "'" + mf.Name + "'",
        IDictionary dict => "{" + string.Join(", ", dict.Keys.Cast<object?>().Select(k => Of(k) + ": " + Of(dict[k.OrThrow()]))) + "}",
        IEnumerable seq => "[" + string.Join(", ", seq.Cast<object?>().Select(Of)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "None",
    };

    /// <summary>Python's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        // .NET gives "1E-05" / "1E+16"; Python gives "1e-05" / "1e+16" and "0.0001".
        int e = r.IndexOf('E');
        string mantissa = e < 0 ? r : r[..e];
        int exp = e < 0 ? 0 : int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        bool neg = mantissa.StartsWith('-');
        string digits = (neg ? mantissa[1..] : mantissa).Replace(".", "", StringComparison.Ordinal);
        int point = (neg ? mantissa[1..] : mantissa).IndexOf('.');
        int intDigits = point < 0 ? (neg ? mantissa.Length - 1 : mantissa.Length) : point;
        // Normalise to digits d1d2d3... with decimal exponent x such that value = 0.d1d2... * 10^x.
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0') leadingZeros++;
        digits = digits[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int decExp = intDigits - leadingZeros + exp; // value = 0.digits * 10^decExp
        int sciExp = decExp - 1;
        string body;
        if (sciExp < -4 || sciExp >= 16)
        {
            body = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            body += "e" + (sciExp < 0 ? "-" : "+") + Math.Abs(sciExp).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (decExp <= 0)
        {
            body = "0." + new string('0', -decExp) + digits;
        }
        else if (decExp >= digits.Length)
        {
            body = digits + new string('0', decExp - digits.Length) + ".0";
        }
        else
        {
            body = digits[..decExp] + "." + digits[decExp..];
        }
        return neg ? "-" + body : body;
    }
}
