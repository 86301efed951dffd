using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Decimal's mathematical and comparison methods (sqrt, exp, ln, log10, max, min, compare, fma, copy_sign) as
/// CPython's _pydecimal computes them: correctly rounded to the context's precision, half to even for the
/// transcendental ones whatever the context's rounding. The exponent limits are not modelled.
/// </summary>
public sealed partial class PyDecimal
{
    private const string HalfEven = "ROUND_HALF_EVEN";

    private object? MathMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "sqrt" => Sqrt(),
        "exp" => Exp(),
        "ln" => Ln(),
        "log10" => Log10(),
        _ => OperandMethod(name, args, kwargs),
    };

    private object? OperandMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "copy_sign" => CopySign(Other(args, kwargs, "other")),
        "compare" => Compare(Other(args, kwargs, "other")),
        "max" => MaxMin(Other(args, kwargs, "other"), max: true),
        "min" => MaxMin(Other(args, kwargs, "other"), max: false),
        "fma" => Fma(Other(args, kwargs, "other"), Other(args.Skip(1).ToArray(), kwargs, "third")),
        _ => PredicateMethod(name),
    };

    private object? PredicateMethod(string name) => name switch
    {
        "is_normal" => !Coefficient.IsZero,
        "is_subnormal" or "is_snan" or "is_qnan" => false,
        "is_canonical" => true,
        "logb" => Fix(Adjusted < 0, BigInteger.Abs(new BigInteger(Adjusted)), 0),
        _ => throw new AttributeError($"'decimal.Decimal' object has no attribute '{name}'"),
    };

    /// <summary>The first argument as a Decimal operand (an int converts; a float is CPython's TypeError).</summary>
    private static PyDecimal Other(object?[] args, PyDict<string, object?> kwargs, string keyword)
    {
        var o = args.Length > 0 ? args[0] : kwargs.Get(keyword);
        var d = Operand(o) ?? throw new TypeError($"conversion from {Dyn.TypeName(o)} to Decimal is not supported");
        return d.IsSpecial ? throw new NotImplementedError($"Batuta's Decimal: an operand of {d.PyStr()} is not supported here") : d;
    }

    /// <summary>compare(): Decimal('-1'), Decimal('0') or Decimal('1').</summary>
    public PyDecimal Compare(PyDecimal other)
    {
        int c = CompareTo(other);
        return new PyDecimal(c < 0, c == 0 ? 0 : 1, 0);
    }

    public PyDecimal CopySign(PyDecimal other) => new(other.Negative, Coefficient, Exponent);

    /// <summary>The larger (smaller) operand rounded to the context; equal values are told apart by sign, then exponent (compare_total).</summary>
    private PyDecimal MaxMin(PyDecimal other, bool max)
    {
        int c = CompareTo(other);
        if (c == 0) c = CompareTotalEqual(other);
        var pick = max ? (c < 0 ? other : this) : (c < 0 ? this : other);
        return Fix(pick.Negative, pick.Coefficient, pick.Exponent);
    }

    /// <summary>compare_total of two numerically equal values: -0 before 0, then the smaller exponent first (the larger for negatives).</summary>
    private int CompareTotalEqual(PyDecimal other)
    {
        if (Negative != other.Negative) return Negative ? -1 : 1;
        int byExponent = Exponent.CompareTo(other.Exponent);
        return Negative ? -byExponent : byExponent;
    }

    /// <summary>self*other+third with one rounding: the exact product, then the context's addition.</summary>
    private PyDecimal Fma(PyDecimal other, PyDecimal third) =>
        Add(new PyDecimal(Negative != other.Negative, Coefficient * other.Coefficient, Exponent + other.Exponent), third);

    /// <summary>CPython's Decimal.sqrt: Newton's integer square root at prec+1 digits, the ideal exponent when exact.</summary>
    public PyDecimal Sqrt()
    {
        if (Coefficient.IsZero) return Fix(Negative, 0, Exponent >> 1);
        if (Negative) throw new InvalidOperation("InvalidOperation");
        int prec = DecimalContext.Current.Prec + 1;
        int length = DigitCount(Coefficient);
        bool odd = (Exponent & 1) != 0;
        var c = odd ? Coefficient * 10 : Coefficient;
        int shift = prec - (odd ? (length >> 1) + 1 : (length + 1) >> 1);
        bool exact = true;
        if (shift >= 0) c *= BigInteger.Pow(100, shift);
        else
        {
            c = BigInteger.DivRem(c, BigInteger.Pow(100, -shift), out var remainder);
            exact = remainder.IsZero;
        }
        var n = Pow10(prec);
        for (var q = c / n; n > q; q = c / n) n = (n + q) >> 1;
        return SqrtResult(n, (Exponent >> 1) - shift, shift, exact && n * n == c);
    }

    /// <summary>An exact root at the ideal exponent; an inexact one with a sticky last digit, rounded half to even.</summary>
    private static PyDecimal SqrtResult(BigInteger n, int e, int shift, bool exact)
    {
        if (exact)
        {
            n = shift >= 0 ? n / Pow10(shift) : n * Pow10(-shift);
            e += shift;
        }
        else if ((n % 5).IsZero) n += 1;
        return Fix(false, n, e, HalfEven);
    }

    /// <summary>CPython's Decimal.exp: e**self, correctly rounded (3 more digits at a time until the rounding is unambiguous).</summary>
    public PyDecimal Exp()
    {
        if (Coefficient.IsZero) return new PyDecimal(false, 1, 0);
        int p = DecimalContext.Current.Prec;
        int adj = Adjusted;
        // beyond these the result overflows Emax (trapped) or underflows to the smallest zero (not trapped) of CPython's default context
        if (adj > 7) return Negative ? new PyDecimal(false, 0, DecimalContext.Etiny) : throw new DecimalOverflow();
        if (!Negative && adj < -p) return Fix(false, Pow10(p) + 1, -p, HalfEven);
        if (Negative && adj < -p - 1) return Fix(false, Pow10(p + 1) - 1, -p - 1, HalfEven);
        for (int extra = 3; ; extra += 3)
        {
            var (coefficient, exponent) = DecimalMath.DExp(Signed, Exponent, p + extra);
            if (DecimalMath.Roundable(coefficient, p)) return Fix(false, coefficient, exponent, HalfEven);
        }
    }

    /// <summary>CPython's Decimal.ln, correctly rounded.</summary>
    public PyDecimal Ln()
    {
        if (LogOfNonPositive() is { } special) return special;
        if (!Negative && CompareTo(new PyDecimal(false, 1, 0)) == 0) return new PyDecimal(false, 0, 0);
        int p = DecimalContext.Current.Prec;
        for (int places = p - LnExpBound() + 2; ; places += 3)
        {
            var coefficient = DecimalMath.DLog(Coefficient, Exponent, places);
            if (DecimalMath.Roundable(coefficient, p)) return Fix(coefficient.Sign < 0, BigInteger.Abs(coefficient), -places, HalfEven);
        }
    }

    /// <summary>CPython's Decimal.log10, correctly rounded; an exact power of ten gives its exponent.</summary>
    public PyDecimal Log10()
    {
        if (LogOfNonPositive() is { } special) return special;
        var digits = Digits;
        if (digits[0] == '1' && digits.Skip(1).All(ch => ch == '0'))
        {
            var n = FromInt(Adjusted);
            return Fix(n.Negative, n.Coefficient, 0, HalfEven);
        }
        int p = DecimalContext.Current.Prec;
        for (int places = p - Log10ExpBound() + 2; ; places += 3)
        {
            var coefficient = DecimalMath.DLog10(Coefficient, Exponent, places);
            if (DecimalMath.Roundable(coefficient, p)) return Fix(coefficient.Sign < 0, BigInteger.Abs(coefficient), -places, HalfEven);
        }
    }

    /// <summary>The logarithm of zero is -Infinity; of a negative number, invalid.</summary>
    private PyDecimal? LogOfNonPositive()
    {
        if (Coefficient.IsZero) return Infinity(true);
        return Negative ? throw new InvalidOperation("InvalidOperation") : null;
    }

    /// <summary>A lower bound r of the adjusted exponent of ln(self) (_ln_exp_bound).</summary>
    private int LnExpBound()
    {
        int adj = Adjusted;
        if (adj >= 1) return DecimalMath.Digits(adj * 23 / 10) - 1;
        if (adj <= -2) return DecimalMath.Digits((-1 - adj) * 23 / 10) - 1;
        if (adj == 0)
        {
            string num = DecimalMath.Text(Coefficient - Pow10(-Exponent)), den = Digits;
            return num.Length - den.Length - (string.CompareOrdinal(num, den) < 0 ? 1 : 0);
        }
        return Exponent + DecimalMath.Digits(Pow10(-Exponent) - Coefficient) - 1;
    }

    /// <summary>A lower bound r of the adjusted exponent of log10(self) (_log10_exp_bound).</summary>
    private int Log10ExpBound()
    {
        int adj = Adjusted;
        if (adj >= 1) return DecimalMath.Digits(adj) - 1;
        if (adj <= -2) return DecimalMath.Digits(-1 - adj) - 1;
        if (adj == 0)
        {
            string num = DecimalMath.Text(Coefficient - Pow10(-Exponent)), den = DecimalMath.Text(231 * Coefficient);
            return num.Length - den.Length - (string.CompareOrdinal(num, den) < 0 ? 1 : 0) + 2;
        }
        string rest = DecimalMath.Text(Pow10(-Exponent) - Coefficient);
        return rest.Length + Exponent - (string.CompareOrdinal(rest, "231") < 0 ? 1 : 0) - 1;
    }
}
