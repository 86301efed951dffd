using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>fractions.Fraction</c> (CPython 3.11): an exact rational, always in lowest terms with the sign on the numerator.
/// With an int or a Fraction, arithmetic stays exact; with a float it gives a float, as Python's numeric tower does.
/// </summary>
public sealed partial class PyFraction : PyObject, IPyNumber, IPyReflectedNumber, IPyOrdered, IPyHashable, IPyBool, IPySigned, IPyInt,
    IPyAttributes, IPyKeywordMethods, Text.IPyFormattable
{
    private const long HashModulus = (1L << 61) - 1;
    private const long HashInf = 314159;

    public PyFraction(BigInteger numerator, BigInteger denominator)
    {
        // CPython names the unreduced numerator in the error (Fraction(1, 0) after 1 / Fraction(0))
        if (denominator.IsZero) throw new ZeroDivisionError($"Fraction({numerator}, 0)");
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (denominator.Sign < 0) g = -g;
        Numerator = numerator / g;
        Denominator = denominator / g;
    }

    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    /// <summary>The int this Fraction equals, when it is integral.</summary>
    public PyInt? AsInt => Denominator.IsOne ? PyInt.FromBig(Numerator) : null;

    public override string PyTypeName => "Fraction";
    public override string PyRepr() => $"Fraction({Numerator}, {Denominator})";
    public override string PyStr() => Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";

    /// <summary>3.11's Fraction has no __format__ of its own: object's, which takes only an empty spec.</summary>
    public string PyFormat(string spec) => spec.Length == 0 ? PyStr() : throw new TypeError("unsupported format string passed to Fraction.__format__");

    public bool PyBool() => !Numerator.IsZero;
    public double ToDouble() => BigMath.TrueDivide(Numerator, Denominator);
    public double DunderFloat() => ToDouble();

    /// <summary>int(f) truncates toward zero.</summary>
    public PyInt Truncate() => PyInt.FromBig(BigInteger.Divide(Numerator, Denominator));
    PyInt IPyInt.PyInt() => Truncate();
    public PyInt Floor() => PyInt.FromBig(FloorDivide(Numerator, Denominator));
    public PyInt Ceil() => PyInt.FromBig(-FloorDivide(-Numerator, Denominator));
    public object PyPos() => this;
    public object PyNeg() => new PyFraction(-Numerator, Denominator);
    public PyFraction Abs() => Numerator.Sign < 0 ? new PyFraction(-Numerator, Denominator) : this;
    public object DunderAbs() => Abs();

    /// <summary>round(f): the nearest int, ties to even.</summary>
    public PyInt Round()
    {
        var floor = FloorDivide(Numerator, Denominator);
        var twice = (Numerator - floor * Denominator) * 2;
        bool up = twice > Denominator || (twice == Denominator && !floor.IsEven);
        return PyInt.FromBig(up ? floor + 1 : floor);
    }

    /// <summary>round(f, n): a Fraction, a multiple of 10**-n.</summary>
    public PyFraction Round(long ndigits)
    {
        var shift = BigInteger.Pow(10, (int)Math.Abs(ndigits));
        return ndigits > 0
            ? new PyFraction(new PyFraction(Numerator * shift, Denominator).Round().ToBig(), shift)
            : new PyFraction(new PyFraction(Numerator, Denominator * shift).Round().ToBig() * shift, BigInteger.One);
    }

    /// <summary>The same hash as an equal int or float: n * inverse(d) modulo 2**61 - 1.</summary>
    public long PyHash()
    {
        var dinv = BigInteger.ModPow(Denominator, HashModulus - 2, HashModulus);
        long h = dinv.IsZero ? HashInf : Runtime.PyHash.Int(PyInt.FromBig(BigInteger.Abs(Numerator) % HashModulus * dinv));
        if (Numerator.Sign < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    public override int GetHashCode() => (int)PyHash();

    public override bool Equals(object? obj) => obj switch
    {
        double d => double.IsFinite(d) && CompareTo(FromDouble(d)) == 0,
        float f => Equals((double)f),
        _ => Rational(obj) is { } r && r.Numerator == Numerator && r.Denominator == Denominator,
    };

    public int PyCompare(object? other) => other switch
    {
        // as CPython: an infinity or a NaN compares as it would with 0.0
        double d when !double.IsFinite(d) => double.IsNaN(d) ? 0 : -Math.Sign(d),
        double d => CompareTo(FromDouble(d)),
        _ => Rational(other) is { } r ? CompareTo(r) : throw new TypeError($"'<' not supported between instances of 'Fraction' and '{Dyn.TypeName(other)}'"),
    };

    private int CompareTo(PyFraction o) => (Numerator * o.Denominator).CompareTo(o.Numerator * Denominator);

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "numerator" => PyInt.FromBig(Numerator),
            "denominator" => PyInt.FromBig(Denominator),
            "real" => this,
            "imag" => new PyInt(0),
            _ => null,
        };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "limit_denominator" => LimitDenominator(args.Length > 0 ? args[0] : kwargs.TryGetValue("max_denominator", out var m) ? m : null),
        "as_integer_ratio" => new PyTuple(PyInt.FromBig(Numerator), PyInt.FromBig(Denominator)),
        "conjugate" => this,
        _ => CallDunder(name, args),
    };

    /// <summary>The numeric protocol called by name (<c>f.__floor__()</c>, what math.floor and round use).</summary>
    private object CallDunder(string name, object?[] args) => name switch
    {
        "__neg__" => PyNeg(),
        "__abs__" => Abs(),
        "__float__" => ToDouble(),
        "__int__" or "__trunc__" => Truncate(),
        "__floor__" => Floor(),
        "__ceil__" => Ceil(),
        "__round__" => args.Length > 0 ? Py.RoundDynamic(this, Dyn.Cast<long?>(args[0])).OrThrow() : Round(),
        _ => throw new AttributeError($"'Fraction' object has no attribute '{name}'"),
    };

    /// <summary>
    /// The closest Fraction with a denominator at most max (CPython's algorithm): the continued-fraction convergents,
    /// then the nearer of the last convergent and the best semiconvergent.
    /// </summary>
    public PyFraction LimitDenominator(object? maxDenominator = null)
    {
        BigInteger max = maxDenominator is null ? 1_000_000 : Dyn.Cast<PyInt>(maxDenominator).ToBig();
        if (max < 1) throw new ValueError("max_denominator should be at least 1");
        if (Denominator <= max) return this;
        BigInteger p0 = 0, q0 = 1, p1 = 1, q1 = 0, n = Numerator, d = Denominator;
        while (true)
        {
            var a = FloorDivide(n, d);
            var q2 = q0 + a * q1;
            if (q2 > max) break;
            (p0, q0, p1, q1) = (p1, q1, p0 + a * p1, q2);
            (n, d) = (d, n - a * d);
        }
        var k = FloorDivide(max - q0, q1);
        var bound1 = new PyFraction(p0 + k * p1, q0 + k * q1);
        var bound2 = new PyFraction(p1, q1);
        return Distance(bound2).CompareTo(Distance(bound1)) <= 0 ? bound2 : bound1;
    }

    private PyFraction Distance(PyFraction o) => Minus(o).Abs();

    private static BigInteger FloorDivide(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        return !r.IsZero && (r.Sign < 0) != (b.Sign < 0) ? q - 1 : q;
    }
}
