using System.Globalization;
using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The integer kernels of CPython's _pydecimal for <c>sqrt</c>, <c>exp</c>, <c>ln</c> and <c>log10</c>, ported
/// line for line so that the correctly rounded results (the same as the C decimal module's) match digit for digit.
/// A value is an integer coefficient c with a power of ten e; Python's floor division and rounding shifts are kept.
/// </summary>
internal static class DecimalMath
{
    /// <summary>log(10) truncated, as _Log10Memoize starts; extended on demand.</summary>
    private static string _log10Digits = "23025850929940456840179914546843642076011014886";

    /// <summary>Python's <c>str(n)</c>.</summary>
    internal static string Text(BigInteger n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The digits of |c| (<c>len(str(abs(c)))</c>).</summary>
    internal static int Digits(BigInteger c) => Text(BigInteger.Abs(c)).Length;

    internal static BigInteger Pow10(int n) => BigInteger.Pow(10, n);

    /// <summary>Python's <c>a // b</c> (floor).</summary>
    internal static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        return !r.IsZero && (r.Sign < 0) != (b.Sign < 0) ? q - 1 : q;
    }

    /// <summary>The closest integer to a/b, ties to even (_div_nearest).</summary>
    private static BigInteger DivNearest(BigInteger a, BigInteger b)
    {
        var q = FloorDiv(a, b);
        var r = a - q * b;
        return 2 * r + (q.IsEven ? 0 : 1) > b ? q + 1 : q;
    }

    /// <summary>The closest integer to x / 2**shift, ties to even (_rshift_nearest).</summary>
    private static BigInteger RShiftNearest(BigInteger x, int shift)
    {
        var b = BigInteger.One << shift;
        var q = x >> shift;
        return 2 * (x & (b - 1)) + (q.IsEven ? 0 : 1) > b ? q + 1 : q;
    }

    /// <summary>The closest integer to the square root of n, from the approximation a (_sqrt_nearest).</summary>
    private static BigInteger SqrtNearest(BigInteger n, BigInteger a)
    {
        BigInteger b = 0;
        while (a != b)
        {
            b = a;
            a = (a - FloorDiv(-n, a)) >> 1;
        }
        return a;
    }

    private static int BitLength(BigInteger x) => x.IsZero ? 0 : (int)BigInteger.Abs(x).GetBitLength();

    /// <summary>Taylor terms for M = 10**p (T in _ilog and _iexp).</summary>
    private static int Terms(BigInteger m, int l) => -(int)FloorDiv(-10 * Digits(m), 3 * l);

    /// <summary>An integer approximation to M*log(x/M) (_ilog).</summary>
    private static BigInteger ILog(BigInteger x, BigInteger m, int l = 8)
    {
        var y = x - m;
        int r = 0;
        while ((r <= l && (BigInteger.Abs(y) << (l - r)) >= m) || (r > l && (BigInteger.Abs(y) >> (r - l)) >= m))
        {
            y = DivNearest((m * y) << 1, m + SqrtNearest(m * (m + RShiftNearest(y, r)), m));
            r++;
        }
        int t = Terms(m, l);
        var yshift = RShiftNearest(y, r);
        var w = DivNearest(m, t);
        for (int k = t - 1; k > 0; k--) w = DivNearest(m, k) - DivNearest(yshift * w, m);
        return DivNearest(w * y, m);
    }

    /// <summary>floor(10**p * log(10)) (_log10_digits).</summary>
    private static BigInteger Log10Digits(int p)
    {
        if (p >= _log10Digits.Length)
        {
            int extra = 3;
            string digits;
            while (true)
            {
                var m = Pow10(p + extra + 2);
                digits = DivNearest(ILog(10 * m, m), 100).ToString(CultureInfo.InvariantCulture);
                if (digits.Substring(digits.Length - extra) != new string('0', extra)) break;
                extra += 3;
            }
            var kept = digits.TrimEnd('0');
            _log10Digits = kept.Substring(0, kept.Length - 1);
        }
        return BigInteger.Parse(_log10Digits.Substring(0, p + 1), CultureInfo.InvariantCulture);
    }

    /// <summary>c*10**e written as d*10**f with 1 &lt;= d &lt;= 10 (f &gt;= 0) or 0.1 &lt;= d &lt;= 1 (f &lt;= 0): f.</summary>
    private static int TenPower(BigInteger c, int e)
    {
        int l = Digits(c);
        return e + l - (e + l >= 1 ? 1 : 0);
    }

    /// <summary>c scaled to 10**k, rounding to nearest when k is negative.</summary>
    private static BigInteger Scale(BigInteger c, int k) => k >= 0 ? c * Pow10(k) : DivNearest(c, Pow10(-k));

    /// <summary>An approximation to 10**p * log10(c*10**e), error at most 1 (_dlog10).</summary>
    internal static BigInteger DLog10(BigInteger c, int e, int p)
    {
        p += 2;
        int f = TenPower(c, e);
        BigInteger logD, logTenPower;
        if (p > 0)
        {
            var m = Pow10(p);
            c = Scale(c, e + p - f);
            logD = DivNearest(ILog(c, m) * m, Log10Digits(p));
            logTenPower = f * m;
        }
        else
        {
            logD = 0;
            logTenPower = DivNearest(f, Pow10(-p));
        }
        return DivNearest(logTenPower + logD, 100);
    }

    /// <summary>An approximation to 10**p * log(c*10**e), error at most 1 (_dlog).</summary>
    internal static BigInteger DLog(BigInteger c, int e, int p)
    {
        p += 2;
        int f = TenPower(c, e);
        BigInteger logD = p > 0 ? ILog(Scale(c, e + p - f), Pow10(p)) : 0;
        BigInteger fLogTen = 0;
        if (f != 0)
        {
            int extra = Math.Abs(f).ToString(CultureInfo.InvariantCulture).Length - 1;
            if (p + extra >= 0) fLogTen = DivNearest(f * Log10Digits(p + extra), Pow10(extra));
        }
        return DivNearest(fLogTen + logD, 100);
    }

    /// <summary>An approximation to M*exp(x/M) for small x/M (_iexp).</summary>
    private static BigInteger IExp(BigInteger x, BigInteger m, int l = 8)
    {
        int r = BitLength(FloorDiv(x << l, m));
        int t = Terms(m, l);
        var y = DivNearest(x, t);
        var mshift = m << r;
        for (int i = t - 1; i > 0; i--) y = DivNearest(x * (mshift + y), mshift * i);
        for (int k = r - 1; k >= 0; k--)
        {
            mshift = m << (k + 2);
            y = DivNearest(y * (y + mshift), mshift);
        }
        return m + y;
    }

    /// <summary>exp(c*10**e) as d*10**f with p digits, error in d at most 1 (_dexp).</summary>
    internal static (BigInteger Coefficient, int Exponent) DExp(BigInteger c, int e, int p)
    {
        p += 2;
        int extra = Math.Max(0, e + Digits(c) - 1);
        int q = p + extra;
        int shift = e + q;
        var cshift = shift >= 0 ? c * Pow10(shift) : FloorDiv(c, Pow10(-shift));
        var log10 = Log10Digits(q);
        var quot = FloorDiv(cshift, log10);
        var rem = DivNearest(cshift - quot * log10, Pow10(extra));
        return (DivNearest(IExp(rem, Pow10(p)), 1000), (int)quot - p + 3);
    }

    /// <summary>
    /// x**y for x = xc*10**xe (positive, not 1) and y = yc*10**ye (nonzero) as c*10**e with p digits, error in c at
    /// most 1 (_dpower); an exact 1 is nudged to just above or below it, so that the caller's rounding test works.
    /// </summary>
    internal static (BigInteger Coefficient, int Exponent) DPower(BigInteger xc, int xe, BigInteger yc, int ye, int p)
    {
        int b = Digits(yc) + ye;
        var lxc = DLog(xc, xe, p + b + 1);
        int shift = ye - b;
        var pc = shift >= 0 ? lxc * yc * Pow10(shift) : DivNearest(lxc * yc, Pow10(-shift));
        if (pc.IsZero)
            return (Digits(xc) + xe >= 1) == (yc.Sign > 0) ? (Pow10(p - 1) + 1, 1 - p) : (Pow10(p) - 1, -p);
        var (coefficient, exponent) = DExp(pc, -(p + 1), p + 1);
        return (DivNearest(coefficient, 10), exponent + 1);
    }

    /// <summary>A lower bound for 100*log10(c) of a positive c (_log10_lb).</summary>
    internal static int Log10LowerBound(BigInteger c)
    {
        var text = Text(c);
        return 100 * text.Length - LeadingDigitCorrection[text[0] - '1'];
    }

    private static readonly int[] LeadingDigitCorrection = { 100, 70, 53, 40, 31, 23, 16, 10, 5 };

    /// <summary>True when a coefficient computed with extra digits rounds the same way under any mode (the loops' exit test).</summary>
    internal static bool Roundable(BigInteger coefficient, int prec) =>
        !(BigInteger.Abs(coefficient) % (5 * Pow10(Digits(coefficient) - prec - 1))).IsZero;
}
