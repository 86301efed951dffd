using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// An exact rational (what CPython's statistics module computes with, via fractions.Fraction): ints and doubles
/// convert exactly, sums and squares are exact, and the result rounds once, correctly, to a double.
/// </summary>
internal readonly struct ExactFraction
{
    public ExactFraction(BigInteger num, BigInteger den)
    {
        if (den.Sign < 0) (num, den) = (-num, -den);
        var g = BigInteger.GreatestCommonDivisor(num, den);
        if (!g.IsZero && !g.IsOne) (num, den) = (num / g, den / g);
        Num = num;
        Den = den;
    }

    public BigInteger Num { get; }
    public BigInteger Den { get; }
    public bool IsInteger => Den.IsOne;

    public static ExactFraction Of(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new ValueError($"cannot convert {Repr.Of(d)} to an exact fraction");
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1; else mantissa |= 1L << 52;
        exp -= 1075;
        var m = new BigInteger(bits < 0 ? -mantissa : mantissa);
        return exp >= 0 ? new ExactFraction(m << exp, BigInteger.One) : new ExactFraction(m, BigInteger.One << -exp);
    }

    public static ExactFraction Of(BigInteger i) => new(i, BigInteger.One);

    public static ExactFraction operator +(ExactFraction a, ExactFraction b) => new(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
    public static ExactFraction operator -(ExactFraction a, ExactFraction b) => new(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);
    public static ExactFraction operator *(ExactFraction a, ExactFraction b) => new(a.Num * b.Num, a.Den * b.Den);
    public static ExactFraction operator /(ExactFraction a, BigInteger n) => new(a.Num, a.Den * n);

    /// <summary>
    /// The square root, correctly rounded to a double: CPython 3.11's _float_sqrt_of_frac (an integer square root of
    /// 109 bits, rounded to odd, then one correctly rounded division).
    /// </summary>
    public double Sqrt()
    {
        if (Num.Sign < 0) throw new ValueError("math domain error");
        const int width = 2 * 53 + 3;
        long q = ((long)Num.GetBitLength() - (long)Den.GetBitLength() - width) >> 1;
        if (q >= 0) return new ExactFraction(SqrtRoundToOdd(Num, Den << (int)(2 * q)) << (int)q, BigInteger.One).ToDouble();
        return new ExactFraction(SqrtRoundToOdd(Num << (int)(-2 * q), Den), BigInteger.One << (int)-q).ToDouble();
    }

    private static BigInteger SqrtRoundToOdd(BigInteger n, BigInteger m)
    {
        var a = ISqrt(n / m);
        return a * a * m != n ? a | BigInteger.One : a;
    }

    /// <summary>The integer square root (Newton's method from above; math.isqrt uses it too).</summary>
    internal static BigInteger ISqrt(BigInteger n)
    {
        if (n.IsZero) return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    /// <summary>
    /// The nearest double (ties to even): a 54-bit quotient (53 bits and a round bit) and a sticky remainder, rounded
    /// here (BigInteger's own conversion to double is not correctly rounded).
    /// </summary>
    public double ToDouble()
    {
        if (Num.IsZero) return 0.0;
        var num = BigInteger.Abs(Num);
        int shift = (int)(Den.GetBitLength() - num.GetBitLength()) + 54;
        var q = BigInteger.DivRem(shift >= 0 ? num << shift : num, shift >= 0 ? Den : Den << -shift, out var rem);
        bool sticky = !rem.IsZero;
        if (q.GetBitLength() > 54)
        {
            sticky |= !q.IsEven;
            q >>= 1;
            shift--;
        }
        var mantissa = q >> 1;
        if (!q.IsEven && (sticky || !mantissa.IsEven)) mantissa += 1;
        double r = Math.ScaleB((double)(ulong)mantissa, -(shift - 1));
        return Num.Sign < 0 ? -r : r;
    }
}
