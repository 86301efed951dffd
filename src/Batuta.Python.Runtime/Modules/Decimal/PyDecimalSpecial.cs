using System.Numerics;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>What a Decimal is beyond its digits: a finite number, an infinity, a quiet or a signaling NaN.</summary>
internal enum DecimalKind { Finite, Infinity, QuietNaN, SignalingNaN }

/// <summary>
/// Decimal's special values as CPython's default context treats them: an infinity absorbs finite operands, a quiet NaN
/// propagates, and what has no value (inf - inf, inf * 0, an sNaN operand, ordering a NaN) raises InvalidOperation,
/// which that context traps. sqrt, exp, ln and log10 of an infinity are CPython's; compare, max, min and fma of one are not modelled.
/// </summary>
public sealed partial class PyDecimal
{
    private PyDecimal(bool negative, BigInteger payload, DecimalKind kind) : this(negative, payload, 0) => Kind = kind;

    internal DecimalKind Kind { get; }
    private bool IsSpecial => Kind != DecimalKind.Finite;
    private bool IsNaN => Kind is DecimalKind.QuietNaN or DecimalKind.SignalingNaN;
    private bool IsInfinity => Kind == DecimalKind.Infinity;

    private static PyDecimal Infinity(bool negative) => new(negative, 0, DecimalKind.Infinity);

    private static InvalidOperation Invalid() => new("InvalidOperation");

    [GeneratedRegex(@"^([+-])?(?:(inf(?:inity)?)|(s)?nan(\d*))$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpecialPattern();

    private static PyDecimal? ParseSpecial(string text)
    {
        var m = SpecialPattern().Match(text);
        if (!m.Success) return null;
        bool negative = m.Groups[1].Value == "-";
        if (m.Groups[2].Success) return Infinity(negative);
        var payload = m.Groups[4].Value.Length > 0 ? BigInteger.Parse(m.Groups[4].Value, Inv) : BigInteger.Zero;
        return new PyDecimal(negative, payload, m.Groups[3].Success ? DecimalKind.SignalingNaN : DecimalKind.QuietNaN);
    }

    private static PyDecimal SpecialOfFloat(double f) =>
        double.IsNaN(f) ? new PyDecimal(BitConverter.DoubleToInt64Bits(f) < 0, 0, DecimalKind.QuietNaN) : Infinity(f < 0);

    private string SpecialText() => Kind switch
    {
        DecimalKind.Infinity => "Infinity",
        DecimalKind.QuietNaN => "NaN" + Payload(),
        _ => "sNaN" + Payload(),
    };

    private string Payload() => Coefficient.IsZero ? "" : Digits;

    /// <summary>The NaN an operation on these operands gives (an sNaN raises); null when neither is a NaN.</summary>
    private static PyDecimal? NaNOperand(PyDecimal a, PyDecimal? b = null)
    {
        if (a.Kind == DecimalKind.SignalingNaN || b?.Kind == DecimalKind.SignalingNaN) throw Invalid();
        return a.IsNaN ? a : b is { IsNaN: true } ? b : null;
    }

    private static PyDecimal SpecialAdd(PyDecimal a, PyDecimal b)
    {
        if (NaNOperand(a, b) is { } nan) return nan;
        if (a.IsInfinity && b.IsInfinity && a.Negative != b.Negative) throw Invalid();
        return a.IsInfinity ? a : b;
    }

    /// <summary>a - b: a NaN operand comes back as it is, its sign unchanged.</summary>
    private static PyDecimal Subtract(PyDecimal a, PyDecimal b) => b.IsNaN ? SpecialAdd(a, b) : Add(a, b.Negated());

    private static PyDecimal SpecialMultiply(PyDecimal a, PyDecimal b)
    {
        if (NaNOperand(a, b) is { } nan) return nan;
        if ((a.IsInfinity && !b.IsSpecial && b.Coefficient.IsZero) || (b.IsInfinity && !a.IsSpecial && a.Coefficient.IsZero)) throw Invalid();
        return Infinity(a.Negative != b.Negative);
    }

    /// <summary>x / inf is zero at the smallest exponent the default context allows (Emin - prec + 1).</summary>
    private static PyDecimal SpecialDivide(PyDecimal a, PyDecimal b)
    {
        if (NaNOperand(a, b) is { } nan) return nan;
        if (a.IsInfinity && b.IsInfinity) throw Invalid();
        bool negative = a.Negative != b.Negative;
        return a.IsInfinity ? Infinity(negative) : new PyDecimal(negative, 0, DecimalContext.Etiny);
    }

    /// <summary>inf // x is an infinity and inf % x invalid; x // inf is 0 and x % inf is x.</summary>
    private static (PyDecimal Quotient, PyDecimal Remainder) SpecialDivMod(PyDecimal a, PyDecimal b, bool forQuotient)
    {
        if (NaNOperand(a, b) is { } nan) return (nan, nan);
        if (a.IsInfinity && (b.IsInfinity || !forQuotient)) throw Invalid();
        bool negative = a.Negative != b.Negative;
        return a.IsInfinity ? (Infinity(negative), a) : (new PyDecimal(negative, 0, 0), Fix(a.Negative, a.Coefficient, a.Exponent));
    }

    /// <summary>+x, -x, abs(x) of a special value: a NaN as it is, an infinity with the sign the operation gives.</summary>
    private PyDecimal SpecialSign(bool? negative) => NaNOperand(this) ?? Infinity(negative ?? Negative);

    /// <summary>== with a NaN: false for a quiet one; a signaling one raises, as CPython's comparisons do.</summary>
    private static bool UnequalNaN(PyDecimal a, PyDecimal b) => NaNOperand(a, b) is not null;

    /// <summary>Comparison with an infinity; a NaN cannot be ordered.</summary>
    private int SpecialCompare(PyDecimal o)
    {
        if (IsNaN || o.IsNaN) throw Invalid();
        int Rank(PyDecimal d) => d.IsInfinity ? (d.Negative ? -1 : 1) : 0;
        int byRank = Rank(this).CompareTo(Rank(o));
        return byRank != 0 || IsInfinity ? byRank : CompareFinite(o);
    }

    private long SpecialHash() => Kind switch
    {
        DecimalKind.Infinity => Negative ? -314159 : 314159,
        DecimalKind.SignalingNaN => throw new TypeError("Cannot hash a signaling NaN value"),
        _ => 0,
    };

    private Exception NotAnInteger() => IsNaN
        ? new ValueError("cannot convert NaN to integer")
        : new OverflowError("cannot convert Infinity to integer");

    private double SpecialDouble() => Kind switch
    {
        DecimalKind.Infinity => Negative ? double.NegativeInfinity : double.PositiveInfinity,
        DecimalKind.QuietNaN => Negative ? -double.NaN : double.NaN,
        _ => throw new ValueError("cannot convert signaling NaN to float"),
    };

    /// <summary>The methods a special value answers; the others (compare, max, min...) are not modelled.</summary>
    private object? SpecialMethod(string name, object?[] args) => name.StartsWith("is_", StringComparison.Ordinal) ? SpecialPredicate(name) : name switch
    {
        "normalize" or "to_integral_value" or "to_integral" => SpecialSign(null),
        "quantize" => throw Invalid(),
        "__round__" => args.Length > 0 && args[0] is not null ? throw Invalid() : throw NotAnInteger(),
        "__abs__" => SpecialSign(false),
        _ => SpecialCopy(name),
    };

    private object SpecialCopy(string name) => name switch
    {
        "copy_abs" => new PyDecimal(false, Coefficient, Kind),
        "copy_negate" => new PyDecimal(!Negative, Coefficient, Kind),
        "adjusted" => new PyInt(0),
        "as_tuple" => new DecimalTuple(this),
        _ => SpecialMath(name),
    };

    /// <summary>sqrt, exp, ln and log10 of an infinity (exp(-inf) is 0; the others of -inf are invalid); a NaN gives itself.</summary>
    private PyDecimal SpecialMath(string name) => NaNOperand(this) ?? name switch
    {
        "sqrt" or "ln" or "log10" => Negative ? throw Invalid() : this,
        "exp" => Negative ? new PyDecimal(false, 0, 0) : this,
        _ => throw new NotImplementedError($"Batuta's Decimal: {name}() of {PyStr()} is not supported"),
    };

    private static readonly HashSet<string> FalseOfSpecial = ["is_finite", "is_zero", "is_normal", "is_subnormal"];

    private object? SpecialPredicate(string name) => name switch
    {
        "is_nan" => IsNaN,
        "is_infinite" => IsInfinity,
        "is_snan" => Kind == DecimalKind.SignalingNaN,
        "is_qnan" => Kind == DecimalKind.QuietNaN,
        "is_signed" => Negative,
        "is_canonical" => true,
        _ => FalseOfSpecial.Contains(name) ? false : throw new AttributeError($"'decimal.Decimal' object has no attribute '{name}'"),
    };

    // an infinity's digits are (0,); a NaN's are its payload, () when it has none
    private PyTuple TupleDigits() => IsNaN && Coefficient.IsZero
        ? new PyTuple(Array.Empty<object?>())
        : new PyTuple(Digits.Select(c => (object?)new PyInt(c - '0')).ToArray());

    private object TupleExponent() => Kind switch
    {
        DecimalKind.Infinity => "F",
        DecimalKind.QuietNaN => "n",
        DecimalKind.SignalingNaN => "N",
        _ => new PyInt(Exponent),
    };

    /// <summary>Decimal.__format__ of a special value: its name, signed and padded; precision and grouping do not apply.</summary>
    internal string? SpecialFormatBody(char type) => IsSpecial ? SpecialText() + (type == '%' ? "%" : "") : null;
}
