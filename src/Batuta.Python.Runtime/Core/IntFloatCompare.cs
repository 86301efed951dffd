using System.Numerics;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// Comparisons of an int with a float, exact as CPython's float_richcompare: converting the int to a double
/// first rounds (2**53 + 1 == 2.0**53 would be True) or overflows (10**400 > 1e308 would raise).
/// </summary>
public static partial class Ops
{
    /// <summary>The sign of a - b, or null when b is NaN (then every ordering is False and != is True).</summary>
    public static int? CompareIntFloat(PyInt a, double b) =>
        a.IsSmall ? CompareIntFloat(a.Small, b) : CompareBigFloat(a.ToBig(), b);

    /// <summary>The sign of a - b, or null when b is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? CompareIntFloat(long a, double b)
    {
        // |a| <= 2**53 converts exactly, so the double comparison is the exact one.
        if ((ulong)(a + (1L << 53)) <= (1UL << 54)) return double.IsNaN(b) ? null : ((double)a).CompareTo(b);
        return CompareBigFloat(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int? CompareBigFloat(BigInteger a, double b)
    {
        if (double.IsNaN(b)) return null;
        if (double.IsInfinity(b)) return b > 0 ? -1 : 1;
        double floor = Math.Floor(b);
        int c = a.CompareTo(new BigInteger(floor)); // exact: a finite integral double converts without rounding
        if (c != 0) return c;
        return FloatExact.AreEqual(floor, b) ? 0 : -1;
    }

    public static bool Eq(PyInt a, double b) => CompareIntFloat(a, b) == 0;
    public static bool Ne(PyInt a, double b) => CompareIntFloat(a, b) != 0;
    public static bool Lt(PyInt a, double b) => CompareIntFloat(a, b) < 0;
    public static bool Le(PyInt a, double b) => CompareIntFloat(a, b) <= 0;
    public static bool Gt(PyInt a, double b) => CompareIntFloat(a, b) > 0;
    public static bool Ge(PyInt a, double b) => CompareIntFloat(a, b) >= 0;
    public static bool Eq(double a, PyInt b) => CompareIntFloat(b, a) == 0;
    public static bool Ne(double a, PyInt b) => CompareIntFloat(b, a) != 0;
    public static bool Lt(double a, PyInt b) => CompareIntFloat(b, a) > 0;
    public static bool Le(double a, PyInt b) => CompareIntFloat(b, a) >= 0;
    public static bool Gt(double a, PyInt b) => CompareIntFloat(b, a) < 0;
    public static bool Ge(double a, PyInt b) => CompareIntFloat(b, a) <= 0;

    public static bool Eq(long a, double b) => CompareIntFloat(a, b) == 0;
    public static bool Ne(long a, double b) => CompareIntFloat(a, b) != 0;
    public static bool Lt(long a, double b) => CompareIntFloat(a, b) < 0;
    public static bool Le(long a, double b) => CompareIntFloat(a, b) <= 0;
    public static bool Gt(long a, double b) => CompareIntFloat(a, b) > 0;
    public static bool Ge(long a, double b) => CompareIntFloat(a, b) >= 0;
    public static bool Eq(double a, long b) => CompareIntFloat(b, a) == 0;
    public static bool Ne(double a, long b) => CompareIntFloat(b, a) != 0;
    public static bool Lt(double a, long b) => CompareIntFloat(b, a) > 0;
    public static bool Le(double a, long b) => CompareIntFloat(b, a) >= 0;
    public static bool Gt(double a, long b) => CompareIntFloat(b, a) < 0;
    public static bool Ge(double a, long b) => CompareIntFloat(b, a) <= 0;
}
