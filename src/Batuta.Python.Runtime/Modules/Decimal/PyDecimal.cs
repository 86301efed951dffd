using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>decimal.Decimal</c> as CPython's triple (sign, coefficient, exponent), so trailing zeros, -0 and exponent
/// forms survive and print as in CPython. Results round to <see cref="DecimalContext"/>'s precision with its
/// rounding mode. Infinity and NaN: see PyDecimalSpecial.cs; Emin/Emax and the non-trapping signals are not modelled.
/// </summary>
public sealed partial class PyDecimal : PyObject, IPyOrdered, IPyNumber, IPyReflectedNumber, IPyHashable, IPyBool, IPyAttributes, IPyKeywordMethods, IPySigned, IPyInt, Text.IPyFormattable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly BigInteger HashModulus = (BigInteger.One << 61) - 1;
    private static readonly BigInteger HashInverse10 = BigInteger.ModPow(10, HashModulus - 2, HashModulus);

    public PyDecimal(bool negative, BigInteger coefficient, int exponent)
    {
        Negative = negative;
        Coefficient = coefficient;
        Exponent = exponent;
    }

    public bool Negative { get; }
    public BigInteger Coefficient { get; }
    public int Exponent { get; }
    private BigInteger Signed => Negative ? -Coefficient : Coefficient;
    private string Digits => Coefficient.ToString(Inv);
    private int Adjusted => Exponent + DigitCount(Coefficient) - 1;

    public override string PyTypeName => "Decimal";

    /// <summary><c>Decimal(value="0")</c>: a str, an int or a float (converted exactly, as CPython does).</summary>
    public static PyDecimal Create(object? value = null) => value switch
    {
        null => new PyDecimal(false, 0, 0),
        PyDecimal d => d,
        string s => Parse(s),
        double f => FromFloat(f),
        PyInt or long or int or bool => FromInt(Dyn.Cast<PyInt>(value).ToBig()),
        _ => throw new TypeError($"conversion from {Dyn.TypeName(value)} to Decimal is not supported"),
    };

    public static PyDecimal FromInt(BigInteger n) => new(n.Sign < 0, BigInteger.Abs(n), 0);

    [GeneratedRegex(@"^([+-])?(?=\d|\.\d)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<=\d)_(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DigitSeparator();

    private static PyDecimal Parse(string text)
    {
        if (ParseSpecial(text.Trim()) is { } special) return special;
        var m = NumberPattern().Match(DigitSeparator().Replace(text.Trim(), ""));
        if (!m.Success || !int.TryParse(m.Groups[4].Success ? m.Groups[4].Value : "0", NumberStyles.AllowLeadingSign, Inv, out var exp))
            throw new InvalidOperation("ConversionSyntax");
        var frac = m.Groups[3].Value;
        return new PyDecimal(m.Groups[1].Value == "-", BigInteger.Parse("0" + m.Groups[2].Value + frac, Inv), exp - frac.Length);
    }

    /// <summary><c>Decimal.from_float(f)</c>: a float exactly, or an int.</summary>
    public static PyDecimal FromFloatValue(object? f) => f switch
    {
        double d => FromFloat(d),
        PyInt or long or int or bool => FromInt(Dyn.Cast<PyInt>(f).ToBig()),
        _ => throw new TypeError("argument must be int or float"),
    };

    /// <summary>The float's exact binary value: m·2^e is m·5^-e·10^e, with the fewest digits.</summary>
    public static PyDecimal FromFloat(double f)
    {
        if (double.IsNaN(f) || double.IsInfinity(f)) return SpecialOfFloat(f);
        long bits = BitConverter.DoubleToInt64Bits(f);
        int e = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xFFFFFFFFFFFFFL;
        if (e == 0) e = 1; else m |= 1L << 52;
        e -= 1075;
        bool negative = bits < 0;
        if (m == 0) return new PyDecimal(negative, 0, 0);
        while ((m & 1) == 0 && e < 0) { m >>= 1; e++; }
        return e >= 0 ? new PyDecimal(negative, (BigInteger)m << e, 0) : new PyDecimal(negative, m * BigInteger.Pow(5, -e), e);
    }

    private static int DigitCount(BigInteger c) => c.IsZero ? 1 : c.ToString(Inv).Length;
    private static BigInteger Pow10(int n) => BigInteger.Pow(10, n);

    // ---- rounding ----

    /// <summary>The coefficient with <paramref name="drop"/> digits rounded off (a negative count appends zeros).</summary>
    private static BigInteger RoundDigits(BigInteger c, int drop, bool negative, string mode)
    {
        if (drop <= 0) return c * Pow10(-drop);
        var p = Pow10(drop);
        var q = BigInteger.DivRem(c, p, out var r);
        return RoundsAway(q, r, p, negative, mode) ? q + 1 : q;
    }

    private static bool RoundsAway(BigInteger q, BigInteger r, BigInteger p, bool negative, string mode)
    {
        if (r.IsZero) return false;
        int half = (r * 2).CompareTo(p);
        return mode switch
        {
            "ROUND_DOWN" => false,
            "ROUND_UP" => true,
            "ROUND_HALF_UP" => half >= 0,
            "ROUND_HALF_DOWN" => half > 0,
            "ROUND_CEILING" => !negative,
            "ROUND_FLOOR" => negative,
            "ROUND_05UP" => (q % 5).IsZero,
            _ => half > 0 || (half == 0 && !q.IsEven),
        };
    }

    /// <summary>The same value at another exponent (CPython's _rescale).</summary>
    private PyDecimal Rescale(int exponent, string mode) => new(Negative, RoundDigits(Coefficient, exponent - Exponent, Negative, mode), exponent);

    /// <summary>Rounded to <paramref name="places"/> significant digits, zeros appended when short (CPython's _round).</summary>
    private PyDecimal RoundTo(int places, string mode)
    {
        var r = Rescale(Adjusted + 1 - places, mode);
        return r.Adjusted != Adjusted ? r.Rescale(r.Adjusted + 1 - places, mode) : r;
    }

    /// <summary>A result brought to the context's precision (CPython's _fix without the exponent limits).</summary>
    private static PyDecimal Fix(bool negative, BigInteger c, int exponent) => Fix(negative, c, exponent, DecimalContext.Current.Rounding);

    private static PyDecimal Fix(bool negative, BigInteger c, int exponent, string mode)
    {
        var ctx = DecimalContext.Current;
        int excess = DigitCount(c) - ctx.Prec;
        if (excess <= 0) return new PyDecimal(negative, c, exponent);
        c = RoundDigits(c, excess, negative, mode);
        exponent += excess;
        // 99..9 rounded up to 100..0 has one digit too many; the dropped one is a zero
        if (DigitCount(c) > ctx.Prec) { c /= 10; exponent++; }
        return new PyDecimal(negative, c, exponent);
    }

    // ---- arithmetic ----

    /// <summary>An operand of arithmetic: a Decimal or an int (a float is a TypeError, as in CPython), else null.</summary>
    private static PyDecimal? Operand(object? o) => o switch
    {
        PyDecimal d => d,
        PyInt or long or int or bool => FromInt(Dyn.Cast<PyInt>(o).ToBig()),
        _ => null,
    };

    private static PyDecimal Require(object? o, string op, object? left, object? right) =>
        Operand(o) ?? throw new TypeError($"unsupported operand type(s) for {op}: '{TypeNameOf(left)}' and '{TypeNameOf(right)}'");

    private static string TypeNameOf(object? o) => o is PyDecimal ? "decimal.Decimal" : Dyn.TypeName(o);

    public static PyDecimal Add(PyDecimal a, PyDecimal b)
    {
        if (a.IsSpecial || b.IsSpecial) return SpecialAdd(a, b);
        int exp = Math.Min(a.Exponent, b.Exponent);
        var sum = a.Signed * Pow10(a.Exponent - exp) + b.Signed * Pow10(b.Exponent - exp);
        // an exact zero is negative only from two negatives, or from opposite signs when rounding toward -inf
        bool negative = sum.IsZero
            ? (a.Negative && b.Negative) || (a.Negative != b.Negative && DecimalContext.Current.Rounding == "ROUND_FLOOR")
            : sum.Sign < 0;
        return Fix(negative, BigInteger.Abs(sum), exp);
    }

    public static PyDecimal Multiply(PyDecimal a, PyDecimal b) => a.IsSpecial || b.IsSpecial ? SpecialMultiply(a, b) : Fix(a.Negative != b.Negative, a.Coefficient * b.Coefficient, a.Exponent + b.Exponent);

    /// <summary>CPython's _divide: prec+1 digits, a sticky last digit when inexact, the ideal exponent when exact.</summary>
    public static PyDecimal Divide(PyDecimal a, PyDecimal b)
    {
        if (a.IsSpecial || b.IsSpecial) return SpecialDivide(a, b);
        bool negative = a.Negative != b.Negative;
        if (b.Coefficient.IsZero) throw a.Coefficient.IsZero ? new InvalidOperation("DivisionUndefined") : new DivisionByZero();
        if (a.Coefficient.IsZero) return Fix(negative, 0, a.Exponent - b.Exponent);
        int shift = DigitCount(b.Coefficient) - DigitCount(a.Coefficient) + DecimalContext.Current.Prec + 1;
        int exp = a.Exponent - b.Exponent - shift;
        var q = shift >= 0
            ? BigInteger.DivRem(a.Coefficient * Pow10(shift), b.Coefficient, out var r)
            : BigInteger.DivRem(a.Coefficient, b.Coefficient * Pow10(-shift), out r);
        if (!r.IsZero)
        {
            if ((q % 5).IsZero) q += 1;
        }
        else
        {
            for (int ideal = a.Exponent - b.Exponent; exp < ideal && (q % 10).IsZero; exp++) q /= 10;
        }
        return Fix(negative, q, exp);
    }

    /// <summary>Decimal's // and %: the quotient truncates toward zero, the remainder takes the dividend's sign.</summary>
    private static (PyDecimal Quotient, PyDecimal Remainder) DivMod(PyDecimal a, PyDecimal b, bool forQuotient)
    {
        if (a.IsSpecial || b.IsSpecial) return SpecialDivMod(a, b, forQuotient);
        if (b.Coefficient.IsZero)
            throw forQuotient && !a.Coefficient.IsZero ? new DivisionByZero() : new InvalidOperation("DivisionUndefined");
        int exp = Math.Min(a.Exponent, b.Exponent);
        var q = BigInteger.DivRem(a.Coefficient * Pow10(a.Exponent - exp), b.Coefficient * Pow10(b.Exponent - exp), out var r);
        if (DigitCount(q) > DecimalContext.Current.Prec) throw new InvalidOperation("DivisionImpossible");
        return (new PyDecimal(a.Negative != b.Negative, q, 0), Fix(a.Negative, r, exp));
    }

    public object? PyAdd(object? other) => Add(this, Require(other, "+", this, other));
    public object? PySub(object? other) => Subtract(this, Require(other, "-", this, other));
    public object? PyMul(object? other) => Multiply(this, Require(other, "*", this, other));
    public object? PyTrueDiv(object? other) => Divide(this, Require(other, "/", this, other));
    public object? PyRAdd(object? other) => Add(Require(other, "+", other, this), this);
    public object? PyRSub(object? other) => Subtract(Require(other, "-", other, this), this);
    public object? PyRMul(object? other) => Multiply(Require(other, "*", other, this), this);
    public object? PyRTrueDiv(object? other) => Divide(Require(other, "/", other, this), this);

    /// <summary><c>a // b</c> or <c>a % b</c> with a Decimal on either side.</summary>
    public static PyDecimal FloorDivOrMod(object? a, object? b, bool quotient)
    {
        string op = quotient ? "//" : "%";
        var r = DivMod(Require(a, op, a, b), Require(b, op, a, b), quotient);
        return quotient ? r.Quotient : r.Remainder;
    }

    public static PyDecimal Pow(object? a, object? b) => Power(Require(a, "** or pow()", a, b), Require(b, "** or pow()", a, b));

    private PyDecimal Negated() => IsSpecial ? new(!Negative, Coefficient, Kind) : new(!Negative, Coefficient, Exponent);

    public object PyPos() => IsSpecial ? SpecialSign(null) : Fix(Negative && !Coefficient.IsZero, Coefficient, Exponent);
    public object PyNeg() => IsSpecial ? SpecialSign(!Negative) : Fix(!Negative && !Coefficient.IsZero, Coefficient, Exponent);
    public PyDecimal Abs() => IsSpecial ? SpecialSign(false) : Fix(false, Coefficient, Exponent);

    // ---- comparison and hashing ----

    /// <summary>Comparisons take ints and floats exactly, as CPython's do.</summary>
    private static PyDecimal? Comparable(object? o) => o is double f ? FromFloat(f) : Operand(o);

    private int CompareTo(PyDecimal o) => IsSpecial || o.IsSpecial ? SpecialCompare(o) : CompareFinite(o);

    private int CompareFinite(PyDecimal o)
    {
        int exp = Math.Min(Exponent, o.Exponent);
        return (Signed * Pow10(Exponent - exp)).CompareTo(o.Signed * Pow10(o.Exponent - exp));
    }

    public int PyCompare(object? other) => Comparable(other) is { } o
        ? CompareTo(o)
        : throw new TypeError($"'<' not supported between instances of 'decimal.Decimal' and '{Dyn.TypeName(other)}'");

    public override bool Equals(object? obj) => Comparable(obj) is { } o && !UnequalNaN(this, o) && CompareTo(o) == 0;
    public override int GetHashCode() => PyHash().GetHashCode();

    /// <summary>CPython's Decimal.__hash__: equal to the hash of the equal int or float.</summary>
    public long PyHash()
    {
        if (IsSpecial) return SpecialHash();
        var scale = Exponent >= 0 ? BigInteger.ModPow(10, Exponent, HashModulus) : BigInteger.ModPow(HashInverse10, -Exponent, HashModulus);
        var h = (long)(Coefficient * scale % HashModulus);
        if (Negative) h = -h;
        return h == -1 ? -2 : h;
    }

    public bool PyBool() => IsSpecial || !Coefficient.IsZero;

    // ---- conversions ----

    private BigInteger ToInteger()
    {
        if (IsSpecial) throw NotAnInteger();
        var magnitude = Exponent >= 0 ? Coefficient * Pow10(Exponent) : Coefficient / Pow10(-Exponent);
        return Negative ? -magnitude : magnitude;
    }

    PyInt IPyInt.PyInt() => Runtime.PyInt.FromBig(ToInteger());
    public double ToDouble() => IsSpecial ? SpecialDouble() : double.Parse(PyStr(), NumberStyles.Float, Inv);

    /// <summary><c>round(d)</c> is an int rounded half to even; <c>round(d, n)</c> a Decimal quantized with the context's rounding.</summary>
    public object Round(long? digits) => IsSpecial ? SpecialMethod("__round__", [digits]) ?? this : digits is { } n
        ? Quantize(-(int)n, DecimalContext.Current.Rounding)
        : Runtime.PyInt.FromBig(Rescale(0, "ROUND_HALF_EVEN").ToInteger());

    private PyDecimal Quantize(int exponent, string mode)
    {
        var r = Rescale(exponent, mode);
        return DigitCount(r.Coefficient) > DecimalContext.Current.Prec ? throw new InvalidOperation("InvalidOperation") : r;
    }

    private PyDecimal Normalize()
    {
        var d = Fix(Negative, Coefficient, Exponent);
        if (d.Coefficient.IsZero) return new PyDecimal(d.Negative, 0, 0);
        var (c, e) = (d.Coefficient, d.Exponent);
        while ((c % 10).IsZero) { c /= 10; e++; }
        return new PyDecimal(d.Negative, c, e);
    }

    // ---- text ----

    /// <summary>CPython's __str__ (to_sci_string): plain notation unless the exponent is positive or the value tiny.</summary>
    public override string PyStr()
    {
        if (IsSpecial) return (Negative ? "-" : "") + SpecialText();
        var digits = Digits;
        int left = Exponent + digits.Length;
        int dot = Exponent <= 0 && left > -6 ? left : 1;
        return (Negative ? "-" : "") + Place(digits, dot) + (left == dot ? "" : "E" + (left - dot).ToString("+0;-0", Inv));
    }

    /// <summary>The digits with the point after <paramref name="dot"/> of them (zeros added on either side).</summary>
    private static string Place(string digits, int dot) =>
        dot <= 0 ? "0." + new string('0', -dot) + digits
        : dot >= digits.Length ? digits + new string('0', dot - digits.Length)
        : digits[..dot] + "." + digits[dot..];

    public override string PyRepr() => "Decimal('" + PyStr() + "')";

    public string PyFormat(string spec) => Text.Format.ApplyDecimal(this, spec);

    /// <summary>
    /// What Decimal.__format__ hands to its number layout for a presentation type (already 'G' for none):
    /// the value rounded for the precision (-1 for none), split into integer digits, fraction digits and exponent.
    /// </summary>
    internal (bool Negative, string Int, string Frac, int Exp) Layout(char type, int precision)
    {
        var d = ForFormat(type, precision);
        var digits = d.Digits;
        int left = d.Exponent + digits.Length;
        int dot = type is 'e' or 'E' ? (d.Coefficient.IsZero && precision >= 0 ? 1 - precision : 1)
            : type is 'f' or 'F' or '%' || (d.Exponent <= 0 && left > -6) ? left : 1;
        var (ip, fp) = dot < 0 ? ("0", new string('0', -dot) + digits)
            : dot > digits.Length ? (digits + new string('0', dot - digits.Length), "")
            : (dot == 0 ? "0" : digits[..dot], digits[dot..]);
        return (d.Negative, ip, fp, left - dot);
    }

    /// <summary>The value rounded as __format__ rounds it for a presentation type and precision.</summary>
    private PyDecimal ForFormat(char type, int precision)
    {
        var mode = DecimalContext.Current.Rounding;
        bool fixedPoint = type is 'f' or 'F' or '%';
        var d = type == '%' ? new PyDecimal(Negative, Coefficient, Exponent + 2) : this;
        if (precision >= 0 && fixedPoint) d = d.Rescale(-precision, mode);
        else if (precision >= 0 && type is 'e' or 'E') d = d.RoundTo(precision + 1, mode);
        else if (precision >= 0 && DigitCount(d.Coefficient) > precision) d = d.RoundTo(precision, mode);
        // zeros with a positive exponent have no fixed-point form
        return d.Coefficient.IsZero && d.Exponent > 0 && fixedPoint ? d.Rescale(0, mode) : d;
    }

    // ---- methods and attributes ----

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch { "real" => this, "imag" => new PyDecimal(false, 0, 0), _ => null };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => IsSpecial ? SpecialMethod(name, args) : FiniteMethod(name, args, kwargs);

    private object? FiniteMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "quantize" => QuantizeMethod(args, kwargs),
        "normalize" => Normalize(),
        "is_zero" => Coefficient.IsZero,
        "is_signed" => Negative,
        "is_finite" => true,
        "is_nan" or "is_infinite" => false,
        "copy_abs" => new PyDecimal(false, Coefficient, Exponent),
        "copy_negate" => Negated(),
        "adjusted" => new PyInt(Adjusted),
        "as_tuple" => new DecimalTuple(this),
        "to_integral_value" or "to_integral" => Exponent >= 0 ? this : Rescale(0, Mode(args.Length > 0 ? args[0] : kwargs.Get("rounding"))),
        "__round__" => Round(args.Length > 0 && args[0] is not null ? Dyn.Cast<long>(args[0]) : null),
        "__abs__" => Abs(),
        _ => MathMethod(name, args, kwargs),
    };

    private static string Mode(object? rounding) => rounding is null ? DecimalContext.Current.Rounding : DecimalContext.CheckMode(rounding);

    /// <summary><c>quantize(exp, rounding=None)</c>: exp's exponent, rounding by the given mode or the context's.</summary>
    private PyDecimal QuantizeMethod(object?[] args, PyDict<string, object?> kwargs)
    {
        var exp = args.Length > 0 ? args[0] : kwargs.Get("exp");
        var target = Operand(exp) ?? throw new TypeError($"conversion from {Dyn.TypeName(exp)} to Decimal is not supported");
        if (target.IsSpecial) throw Invalid();
        return Quantize(target.Exponent, Mode(args.Length > 1 ? args[1] : kwargs.Get("rounding")));
    }

    /// <summary>decimal.DecimalTuple(sign, digits, exponent).</summary>
    private sealed class DecimalTuple : PyStructSeq
    {
        public DecimalTuple(PyDecimal d) : base("DecimalTuple", new[] { "sign", "digits", "exponent" }, new object?[]
        {
            new PyInt(d.Negative ? 1 : 0), d.TupleDigits(), d.TupleExponent(),
        })
        { }
    }
}
