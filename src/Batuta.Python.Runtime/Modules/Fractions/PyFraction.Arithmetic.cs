using System.Numerics;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>Construction (ints, floats, strings) and the operators of <c>fractions.Fraction</c>.</summary>
public sealed partial class PyFraction
{
    // CPython 3.11's _RATIONAL_FORMAT
    private static readonly Regex Literal = new(
        @"\A\s*(?<sign>[-+]?)(?=[0-9]|\.[0-9])(?<num>[0-9]*|[0-9]+(_[0-9]+)*)"
        + @"(?:(?:\s*/\s*(?<denom>[0-9]+(_[0-9]+)*))?|(?:\.(?<decimal>[0-9]*|[0-9]+(_[0-9]+)*))?(?:E(?<exp>[-+]?[0-9]+(_[0-9]+)*))?)\s*\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary><c>Fraction(numerator=0, denominator=None)</c>.</summary>
    public static PyFraction Create(object? numerator = null, object? denominator = null)
    {
        if (denominator is null) return numerator is null ? new PyFraction(0, 1) : Of(numerator);
        if (Rational(numerator) is { } n && Rational(denominator) is { } d)
            return new PyFraction(n.Numerator * d.Denominator, n.Denominator * d.Numerator);
        throw new TypeError("both arguments should be Rational instances");
    }

    /// <summary><c>Fraction.from_float(f)</c>: an int or a float, exactly.</summary>
    public static PyFraction FromFloat(object? f) => f switch
    {
        double d => FromDouble(d),
        _ when Rational(f) is { Denominator.IsOne: true } r => r,
        _ => throw new TypeError($"Fraction.from_float() only takes floats, not {Repr.Of(f)} ({Dyn.TypeName(f)})"),
    };

    private static PyFraction Of(object value) => value switch
    {
        double d => FromDouble(d),
        float f => FromDouble(f),
        string s => Parse(s),
        _ => Rational(value) ?? throw new TypeError("argument should be a string or a Rational instance"),
    };

    private static PyFraction FromDouble(double d)
    {
        if (double.IsNaN(d)) throw new ValueError("cannot convert NaN to integer ratio");
        if (double.IsInfinity(d)) throw new OverflowError("cannot convert Infinity to integer ratio");
        var exact = ExactFraction.Of(d);
        return new PyFraction(exact.Num, exact.Den);
    }

    /// <summary>An int (any of its carriers) or a Fraction as a Fraction; null for anything else.</summary>
    private static PyFraction? Rational(object? o) => o switch
    {
        PyFraction f => f,
        PyInt i => new PyFraction(i.ToBig(), 1),
        long l => new PyFraction(l, 1),
        int i => new PyFraction(i, 1),
        bool b => new PyFraction(b ? 1 : 0, 1),
        BigInteger b => new PyFraction(b, 1),
        PyIntEnum e => new PyFraction(e.IntValue.ToBig(), 1),
        _ => null,
    };

    private static PyFraction Parse(string s)
    {
        var m = Literal.Match(s);
        if (!m.Success) throw new ValueError($"Invalid literal for Fraction: {Repr.Of(s)}");
        BigInteger num = Digits(m.Groups["num"].Value), den = 1;
        if (m.Groups["denom"].Success) den = Digits(m.Groups["denom"].Value);
        else
        {
            var dec = m.Groups["decimal"].Value.Replace("_", "", StringComparison.Ordinal);
            var scale = BigInteger.Pow(10, dec.Length);
            (num, den) = (num * scale + Digits(dec), scale);
            int exp = m.Groups["exp"].Success ? int.Parse(m.Groups["exp"].Value.Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (exp >= 0) num *= BigInteger.Pow(10, exp);
            else den *= BigInteger.Pow(10, -exp);
        }
        return new PyFraction(m.Groups["sign"].Value == "-" ? -num : num, den);
    }

    private static BigInteger Digits(string s) => s.Length == 0 ? BigInteger.Zero : BigInteger.Parse(s.Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private PyFraction Plus(PyFraction o) => new(Numerator * o.Denominator + o.Numerator * Denominator, Denominator * o.Denominator);
    private PyFraction Minus(PyFraction o) => new(Numerator * o.Denominator - o.Numerator * Denominator, Denominator * o.Denominator);
    private PyFraction Times(PyFraction o) => new(Numerator * o.Numerator, Denominator * o.Denominator);

    /// <summary>a / b as CPython's _div: common factors cancel first, so a zero divisor reports Fraction(±1, 0) or Fraction(0, 0).</summary>
    private PyFraction Over(PyFraction o)
    {
        var g1 = BigInteger.GreatestCommonDivisor(Numerator, o.Numerator);
        var g2 = BigInteger.GreatestCommonDivisor(o.Denominator, Denominator);
        BigInteger na = Numerator, nb = o.Numerator, da = Denominator, db = o.Denominator;
        if (g1 > 1) (na, nb) = (na / g1, nb / g1);
        if (g2 > 1) (da, db) = (da / g2, db / g2);
        return new PyFraction(na * db, nb * da);
    }

    private PyInt FloorOver(PyFraction o) => PyInt.FloorDiv(Numerator * o.Denominator, Denominator * o.Numerator);
    private PyFraction Modulo(PyFraction o) =>
        new((PyInt.FromBig(Numerator * o.Denominator) % PyInt.FromBig(o.Numerator * Denominator)).ToBig(), Denominator * o.Denominator);

    /// <summary>An integral power stays exact; any other power is a float.</summary>
    private object? Power(object? exponent)
    {
        if (Rational(exponent) is not { Denominator.IsOne: true } r) return Dyn.Pow(ToDouble(), exponent is PyFraction f ? f.ToDouble() : exponent);
        if (r.Numerator > int.MaxValue || r.Numerator < int.MinValue) throw new OverflowError("exponent too large");
        int p = (int)r.Numerator;
        return p >= 0
            ? new PyFraction(BigInteger.Pow(Numerator, p), BigInteger.Pow(Denominator, p))
            : new PyFraction(BigInteger.Pow(Denominator, -p), BigInteger.Pow(Numerator, -p));
    }

    /// <summary>base ** f: an int stays an int for a non-negative integral f; a float base gives a float.</summary>
    private object? PowerOf(object? b)
    {
        if (Denominator.IsOne && Numerator.Sign >= 0) return Dyn.Pow(b, PyInt.FromBig(Numerator));
        return Rational(b) is { } r ? r.Power(this) : Dyn.Pow(b, ToDouble());
    }

    /// <summary>
    /// One binary operator: exact with an int or a Fraction, the float operator with a float (the Fraction as its
    /// nearest float); <paramref name="reflected"/> when the Fraction is the right operand.
    /// </summary>
    private object? Operate(object? other, string op, bool reflected, Func<PyFraction, PyFraction, object?> exact, Func<object?, object?, object?> inexact)
    {
        if (Rational(other) is { } r) return reflected ? exact(r, this) : exact(this, r);
        if (other is double d) return reflected ? inexact(d, ToDouble()) : inexact(ToDouble(), d);
        var (left, right) = reflected ? (Dyn.TypeName(other), "Fraction") : ("Fraction", Dyn.TypeName(other));
        throw new TypeError($"unsupported operand type(s) for {op}: '{left}' and '{right}'");
    }

    public object? PyAdd(object? other) => Operate(other, "+", false, (a, b) => a.Plus(b), Dyn.Add);
    public object? PySub(object? other) => Operate(other, "-", false, (a, b) => a.Minus(b), Dyn.Sub);
    public object? PyMul(object? other) => Operate(other, "*", false, (a, b) => a.Times(b), Dyn.Mul);
    public object? PyTrueDiv(object? other) => Operate(other, "/", false, (a, b) => a.Over(b), Dyn.TrueDiv);
    public object? FloorDiv(object? other) => Operate(other, "//", false, (a, b) => a.FloorOver(b), Dyn.FloorDiv);
    public object? Mod(object? other) => Operate(other, "%", false, (a, b) => a.Modulo(b), Dyn.Mod);
    public object? Pow(object? other) => other is double || Rational(other) is not null ? Power(other) : throw new TypeError($"unsupported operand type(s) for ** or pow(): 'Fraction' and '{Dyn.TypeName(other)}'");

    public object? PyRAdd(object? other) => Operate(other, "+", true, (a, b) => a.Plus(b), Dyn.Add);
    public object? PyRSub(object? other) => Operate(other, "-", true, (a, b) => a.Minus(b), Dyn.Sub);
    public object? PyRMul(object? other) => Operate(other, "*", true, (a, b) => a.Times(b), Dyn.Mul);
    public object? PyRTrueDiv(object? other) => Operate(other, "/", true, (a, b) => a.Over(b), Dyn.TrueDiv);
    public object? RFloorDiv(object? other) => Operate(other, "//", true, (a, b) => a.FloorOver(b), Dyn.FloorDiv);
    public object? RMod(object? other) => Operate(other, "%", true, (a, b) => a.Modulo(b), Dyn.Mod);
    public object? RPow(object? other) => other is double || Rational(other) is not null ? PowerOf(other) : throw new TypeError($"unsupported operand type(s) for ** or pow(): '{Dyn.TypeName(other)}' and 'Fraction'");
}
