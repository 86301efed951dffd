using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>x ** y</c> as _pydecimal's <c>__pow__</c> decides it: the special operands and bases (0, 1, an infinity, an
/// infinite exponent), then an integral exponent exactly (rounded once), else an exact result when one exists in
/// prec+1 digits (<c>_power_exact</c>), else exp(y·ln x) with more digits until it rounds unambiguously
/// (<c>_dpower</c>). The C module's power is "almost always correctly rounded"; this one always is.
/// </summary>
public sealed partial class PyDecimal
{
    private static readonly PyDecimal One = new(false, 1, 0);

    private bool IsZeroValue => !IsSpecial && Coefficient.IsZero;

    /// <summary>A finite value with no fractional digits (_isinteger).</summary>
    private bool IsInteger => !IsSpecial && (Exponent >= 0 || (Coefficient % Pow10(-Exponent)).IsZero);

    private static PyDecimal Power(PyDecimal x, PyDecimal y)
    {
        if (NaNOperand(x, y) is { } nan) return nan;
        if (y.IsZeroValue) return x.IsZeroValue ? throw Invalid() : One;
        bool negative = ResultSign(x, y);
        x = x.IsInfinity ? Infinity(false) : new PyDecimal(false, x.Coefficient, x.Exponent);
        if (PowerOfSpecialBase(x, y, negative) is { } special) return special;
        if (ExtremePower(x, y, negative) is { } extreme) return extreme;
        return y.IsInteger ? IntegralPower(x, y, negative) : FractionalPower(x, y, negative);
    }

    /// <summary>A negative base takes integral exponents only (a zero one any): the sign is the odd exponent's.</summary>
    private static bool ResultSign(PyDecimal x, PyDecimal y)
    {
        if (!x.Negative) return false;
        if (y.IsInteger) return !y.ToInteger().IsEven;
        return x.IsZeroValue ? false : throw Invalid();
    }

    /// <summary>0, an infinity or 1 as the (non-negative) base, or an infinite exponent; null for the general case.</summary>
    private static PyDecimal? PowerOfSpecialBase(PyDecimal x, PyDecimal y, bool negative)
    {
        if (x.IsZeroValue) return y.Negative ? Infinity(negative) : new PyDecimal(negative, 0, 0);
        if (x.IsInfinity) return y.Negative ? new PyDecimal(negative, 0, 0) : Infinity(negative);
        if (x.CompareFinite(One) == 0) return PowerOfOne(x, y, negative);
        if (y.IsInfinity) return !y.Negative == x.Adjusted < 0 ? new PyDecimal(negative, 0, 0) : Infinity(negative);
        return null;
    }

    /// <summary>1 ** y: 1 at the exponent x's and y's kind give (_pydecimal: at most prec digits).</summary>
    private static PyDecimal PowerOfOne(PyDecimal x, PyDecimal y, bool negative)
    {
        int prec = DecimalContext.Current.Prec;
        long exponent = 1 - prec;
        if (y.IsInteger)
        {
            var k = y.Negative ? BigInteger.Zero : BigInteger.Min(y.ToInteger(), prec);
            exponent = Math.Max((long)(x.Exponent * k), 1 - prec);
        }
        return new PyDecimal(negative, Pow10((int)-exponent), (int)exponent);
    }

    /// <summary>
    /// _pydecimal's crude bound: a result certainly past the exponent limits. An underflow is the smallest zero (the
    /// default context does not trap it); an overflow raises decimal.Overflow, which it does trap.
    /// </summary>
    private static PyDecimal? ExtremePower(PyDecimal x, PyDecimal y, bool negative)
    {
        long bound = x.Log10ExpBound() + (long)y.Adjusted;
        if (x.Adjusted >= 0 == !y.Negative) return bound >= 6 ? throw new DecimalOverflow() : null;
        return bound >= DecimalMath.Text(-DecimalContext.Etiny).Length ? new PyDecimal(negative, 0, DecimalContext.Etiny) : null;
    }

    /// <summary>An integral exponent: the exact power rounded once; a negative one divides.</summary>
    private static PyDecimal IntegralPower(PyDecimal x, PyDecimal y, bool negative)
    {
        int k = (int)y.ToInteger();
        var p = Fix(negative, BigInteger.Pow(x.Coefficient, Math.Abs(k)), x.Exponent * Math.Abs(k));
        return k >= 0 ? p : Divide(One, p);
    }

    /// <summary>A non-integral exponent: the exact result padded to prec+1 digits, else the correctly rounded one.</summary>
    private static PyDecimal FractionalPower(PyDecimal x, PyDecimal y, bool negative)
    {
        int prec = DecimalContext.Current.Prec;
        if (DecimalPowerExact.Of(x.Coefficient, x.Exponent, y.Coefficient, y.Exponent, y.Negative, prec + 1) is var (c, e))
        {
            // an exact result still counts as inexact here: padded so that rounding to prec gives prec digits
            int pad = prec + 1 - DigitCount(c);
            return pad > 0 ? Fix(negative, c * Pow10(pad), e - pad) : Fix(negative, c, e);
        }
        var yc = y.Negative ? -y.Coefficient : y.Coefficient;
        for (int extra = 3; ; extra += 3)
        {
            var (coefficient, exponent) = DecimalMath.DPower(x.Coefficient, x.Exponent, yc, y.Exponent, prec + extra);
            if (DecimalMath.Roundable(coefficient, prec)) return Fix(negative, coefficient, exponent);
        }
    }
}

/// <summary>decimal.Overflow: a result past the default context's Emax, which that context traps.</summary>
public sealed class DecimalOverflow : DecimalException
{
    public DecimalOverflow() : base("[<class 'decimal.Overflow'>]") { }

    protected override string? PyTypeNameOverride => "Overflow";
}
