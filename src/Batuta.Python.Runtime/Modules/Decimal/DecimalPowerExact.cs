using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// _pydecimal's <c>_power_exact</c> for a non-integral exponent: x**y as c*10**e when it is exactly representable in
/// p digits (4 ** 0.5, 0.25 ** -1.5, 100 ** 0.5), else null. x is positive and not 1; y is nonzero and not integral.
/// </summary>
internal static class DecimalPowerExact
{
    public static (BigInteger Coefficient, int Exponent)? Of(BigInteger xc, int xe, BigInteger yc, int ye, bool yNegative, int p)
    {
        (xc, xe) = StripZeros(xc, xe);
        (yc, ye) = StripZeros(yc, ye);
        if (xc.IsOne) return PowerOfTen(xe, yc, ye, yNegative);
        return yNegative ? NegativePower(xc, xe, yc, ye, p) : PositivePower(xc, xe, yc, ye, p);
    }

    private static (BigInteger, int) StripZeros(BigInteger c, int e)
    {
        while (!c.IsZero && (c % 10).IsZero)
        {
            c /= 10;
            e++;
        }
        return (c, e);
    }

    /// <summary>(10**xe) ** y: exact when xe*y is an integer.</summary>
    private static (BigInteger, int)? PowerOfTen(int xe, BigInteger yc, int ye, bool yNegative)
    {
        var e = xe * yc;
        while (!e.IsZero && (e % 10).IsZero)
        {
            e /= 10;
            ye++;
        }
        if (ye < 0) return null;
        var exponent = e * DecimalMath.Pow10(ye);
        return (BigInteger.One, (int)(yNegative ? -exponent : exponent));
    }

    /// <summary>
    /// y &lt; 0: x**y = (1/xc)**|y| * 10**(-xe*|y|) is exact only when xc is a power of 2 (1/2**k = 5**k/10**k) or of 5.
    /// </summary>
    private static (BigInteger, int)? NegativePower(BigInteger xc, int xe, BigInteger yc, int ye, int p)
    {
        if (NegativePowerStart(xc, p) is not var (k, emax, twos) || ye >= DecimalMath.Text(emax).Length) return null;
        if (LShiftExact(k * yc, ye) is not { } power || LShiftExact(xe * yc, ye) is not { } xeShifted || power > emax) return null;
        var c = BigInteger.Pow(twos ? 5 : 2, (int)power);
        return c >= DecimalMath.Pow10(p) ? null : (c, (int)(-power - xeShifted));
    }

    private static (BigInteger K, int Emax, bool Twos)? NegativePowerStart(BigInteger xc, int p) => (int)(xc % 10) switch
    {
        2 or 4 or 6 or 8 => PowerOfTwo(xc, p) is var (k, emax) ? (k, emax, true) : null,
        5 => PowerOfFive(xc, p) is var (k, emax) ? (k, emax, false) : null,
        _ => null,
    };

    /// <summary>xc = 2**k: k, and the largest exponent whose power of 5 may still fit.</summary>
    private static (BigInteger, int)? PowerOfTwo(BigInteger xc, int p) => (xc & -xc) == xc ? (BitLength(xc) - 1, p * 93 / 65) : null;

    /// <summary>xc = 5**k: k, and the largest exponent whose power of 2 may still fit.</summary>
    private static (BigInteger, int)? PowerOfFive(BigInteger xc, int p)
    {
        int k = (int)BitLength(xc) * 28 / 65;
        var quotient = BigInteger.DivRem(BigInteger.Pow(5, k), xc, out var remainder);
        if (!remainder.IsZero) return null;
        for (; (quotient % 5).IsZero; quotient /= 5) k--;
        return (k, p * 10 / 3);
    }

    /// <summary>y &gt; 0, y = m/n in lowest terms: xc must be a perfect n-th power, and its m-th power fit in p digits.</summary>
    private static (BigInteger, int)? PositivePower(BigInteger xc, int xe, BigInteger yc, int ye, int p)
    {
        long xcBits = BitLength(xc);
        if (xe != 0 && DecimalMath.Text(BigInteger.Abs(yc * xe)).Length <= -ye) return null;
        if (DecimalMath.Text(BigInteger.Abs(yc) * xcBits).Length <= -ye) return null;
        var (m, n) = LowestTerms(yc, DecimalMath.Pow10(-ye));
        if (xcBits <= n) return null;
        var xeQuotient = DecimalMath.FloorDiv(xe, n);
        if (xeQuotient * n != xe) return null;
        if (Root(xc, (int)n) is not { } root) return null;
        if (root > 1 && m > p * 100 / DecimalMath.Log10LowerBound(root)) return null;
        var c = BigInteger.Pow(root, (int)m);
        if (c > DecimalMath.Pow10(p)) return null;
        return (c, (int)(xeQuotient * m));
    }

    private static (BigInteger M, BigInteger N) LowestTerms(BigInteger m, BigInteger n)
    {
        while (m.IsEven && n.IsEven)
        {
            m /= 2;
            n /= 2;
        }
        while ((m % 5).IsZero && (n % 5).IsZero)
        {
            m /= 5;
            n /= 5;
        }
        return (m, n);
    }

    /// <summary>The exact integer n-th root of xc, or null (Newton's iteration from above, as _power_exact).</summary>
    private static BigInteger? Root(BigInteger xc, int n)
    {
        if (n == 1) return xc;
        var a = BigInteger.One << (int)((BitLength(xc) + n - 1) / n);
        BigInteger q, r;
        while (true)
        {
            q = BigInteger.DivRem(xc, BigInteger.Pow(a, n - 1), out r);
            if (a <= q) break;
            a = (a * (n - 1) + q) / n;
        }
        return a == q && r.IsZero ? a : null;
    }

    /// <summary>n * 10**e when that is an integer, else null (_decimal_lshift_exact).</summary>
    private static BigInteger? LShiftExact(BigInteger n, int e)
    {
        if (n.IsZero) return BigInteger.Zero;
        if (e >= 0) return n * DecimalMath.Pow10(e);
        var text = DecimalMath.Text(BigInteger.Abs(n));
        int trailingZeros = text.Length - text.TrimEnd('0').Length;
        return trailingZeros < -e ? null : n / DecimalMath.Pow10(-e);
    }

    private static long BitLength(BigInteger x) => x.IsZero ? 0 : (long)BigInteger.Abs(x).GetBitLength();
}
