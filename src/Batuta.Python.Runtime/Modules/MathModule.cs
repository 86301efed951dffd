using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>Python's <c>math</c> module (domain errors raise ValueError, as CPython).</summary>
public static class MathModule
{
    public const double Pi = Math.PI;
    public const double E = Math.E;
    public const double Tau = 2 * Math.PI;
    public const double Inf = double.PositiveInfinity;
    /// <summary>CPython's float('nan') and math.nan: the quiet NaN with the sign bit clear (.NET's double.NaN has it set), which struct.pack and math.copysign show.</summary>
    public static readonly double Nan = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    private static double Domain(double r, double x) => double.IsNaN(r) && !double.IsNaN(x) ? throw new ValueError("math domain error") : r;

    public static double Sqrt(double x) => x < 0 ? throw new ValueError("math domain error") : Math.Sqrt(x);
    public static double Exp(double x) { var r = Math.Exp(x); return double.IsInfinity(r) && !double.IsInfinity(x) ? throw new OverflowError("math range error") : r; }
    public static double Log(double x) => x <= 0 ? throw new ValueError("math domain error") : Math.Log(x);
    public static double Log(double x, double b) => Log(x) / Log(b);
    public static double Log(PyInt x) => x.Sign <= 0 ? throw new ValueError("math domain error") : x.IsSmall ? Math.Log(x.Small) : BigInteger.Log(x.ToBig());
    public static double Log2(double x) => x <= 0 ? throw new ValueError("math domain error") : Math.Log2(x);
    public static double Log10(double x) => x <= 0 ? throw new ValueError("math domain error") : Math.Log10(x);
    public static double Log1p(double x) => x <= -1 ? throw new ValueError("math domain error") : LogOnePlus(x);
    private static double LogOnePlus(double x) => LibM.Log1p(x);
    public static double Expm1(double x) => Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;
    public static double Pow(double x, double y) => Ops.Pow(x, y);
    public static double Sin(double x) => Domain(Math.Sin(x), x);
    public static double Cos(double x) => Domain(Math.Cos(x), x);
    public static double Tan(double x) => Domain(Math.Tan(x), x);
    public static double Asin(double x) => Domain(Math.Asin(x), x);
    public static double Acos(double x) => Domain(Math.Acos(x), x);
    public static double Atan(double x) => Math.Atan(x);
    public static double Atan2(double y, double x) => Math.Atan2(y, x);
    public static double Sinh(double x) => Math.Sinh(x);
    public static double Cosh(double x) => Math.Cosh(x);
    public static double Tanh(double x) => Math.Tanh(x);
    public static double Asinh(double x) => LibM.Asinh(x);
    public static double Acosh(double x) => Domain(Math.Acosh(x), x);
    public static double Atanh(double x) => Math.Abs(x) >= 1 ? throw new ValueError("math domain error") : Math.Atanh(x);
    public static double Hypot(params double[] xs) => xs.Length == 2 ? Hypot2(xs[0], xs[1]) : Math.Sqrt(xs.Sum(v => v * v));
    private static double Hypot2(double x, double y)
    {
        x = Math.Abs(x); y = Math.Abs(y);
        if (double.IsInfinity(x) || double.IsInfinity(y)) return double.PositiveInfinity;
        double max = Math.Max(x, y), min = Math.Min(x, y);
        if (max == 0) return 0;
        double r = min / max;
        return max * Math.Sqrt(1 + r * r) is var h && Math.Abs(h - Math.Sqrt(x * x + y * y)) <= 2 * double.Epsilon * h ? Math.Sqrt(x * x + y * y) : max * Math.Sqrt(1 + r * r);
    }
    public static double Degrees(double x) => x * (180.0 / Math.PI);
    public static double Radians(double x) => x * (Math.PI / 180.0);
    public static double Fabs(double x) => Math.Abs(x);
    public static double Fmod(double x, double y) => y == 0 ? throw new ValueError("math domain error") : Math.IEEERemainder(x, y) is var _ ? x % y : 0;
    public static double CopySign(double x, double y) => Math.CopySign(x, y);
    public static (double, double) Modf(double x) { double i = Math.Truncate(x); return (Math.CopySign(x - i, x), i); }
    public static (double, PyInt) Frexp(double x)
    {
        if (x == 0 || double.IsNaN(x) || double.IsInfinity(x)) return (x, 0);
        int e = Math.ILogB(x) + 1;
        return (Math.ScaleB(x, -e), e);
    }
    public static double Ldexp(double x, PyInt i) => Math.ScaleB(x, (int)(long)i);

    public static PyInt Floor(double x) => FloatFormat.FloatToInt(Math.Floor(x));
    public static PyInt Ceil(double x) => FloatFormat.FloatToInt(Math.Ceiling(x));
    public static PyInt Trunc(double x) => FloatFormat.FloatToInt(Math.Truncate(x));
    public static PyInt Floor(PyInt x) => x;
    public static PyInt Ceil(PyInt x) => x;
    /// <summary>floor/ceil of a dynamic value (math.floor passed where its argument type is not known).</summary>
    public static PyInt Floor(object? x) => x switch { double d => Floor(d), PyFloatSubclass s => Floor(s.FloatValue), PyFraction f => f.Floor(), _ => Dyn.Cast<PyInt>(x) };
    public static PyInt Ceil(object? x) => x switch { double d => Ceil(d), PyFloatSubclass s => Ceil(s.FloatValue), PyFraction f => f.Ceil(), _ => Dyn.Cast<PyInt>(x) };

    public static bool IsNan(double x) => double.IsNaN(x);
    public static bool IsInf(double x) => double.IsInfinity(x);
    public static bool IsFinite(double x) => double.IsFinite(x);
    public static bool IsClose(double a, double b, double rel_tol = 1e-9, double abs_tol = 0.0)
    {
        if (FloatExact.AreEqual(a, b)) return true;
        if (double.IsInfinity(a) || double.IsInfinity(b)) return false;
        double diff = Math.Abs(b - a);
        return diff <= Math.Abs(rel_tol * b) || diff <= Math.Abs(rel_tol * a) || diff <= abs_tol;
    }

    public static PyInt Factorial(PyInt n)
    {
        if (n.Sign < 0) throw new ValueError("factorial() not defined for negative values");
        PyInt r = 1;
        for (long i = 2; i <= (long)n; i++) r *= i;
        return r;
    }

    public static PyInt Gcd(PyInt a, PyInt b) => PyInt.FromBig(BigInteger.GreatestCommonDivisor(a.ToBig(), b.ToBig()));
    public static PyInt Gcd(params PyInt[] xs) => xs.Aggregate(new PyInt(0), (acc, x) => Gcd(acc, x));
    public static PyInt Lcm(PyInt a, PyInt b) => a.IsZero || b.IsZero ? 0 : PyInt.Abs(PyInt.FloorDiv(a * b, Gcd(a, b)));
    public static PyInt Lcm(params PyInt[] xs) => xs.Aggregate(new PyInt(1), (acc, x) => Lcm(acc, x));
    public static PyInt Isqrt(PyInt n)
    {
        if (n.Sign < 0) throw new ValueError("isqrt() argument must be nonnegative");
        // a double start is off by far more than one for big n (the old step-by-one correction never finished)
        return PyInt.FromBig(ExactFraction.ISqrt(n.ToBig()));
    }

    public static PyInt Comb(PyInt n, PyInt k)
    {
        if (n.Sign < 0 || k.Sign < 0) throw new ValueError("n and k must be non-negative integers");
        if (k > n) return 0;
        long kk = Math.Min((long)k, (long)(n - k));
        BigInteger r = 1;
        for (long i = 1; i <= kk; i++) r = r * (n.ToBig() - kk + i) / i;
        return PyInt.FromBig(r);
    }

    public static PyInt Perm(PyInt n, PyInt k)
    {
        if (k > n) return 0;
        BigInteger r = 1;
        for (long i = 0; i < (long)k; i++) r *= n.ToBig() - i;
        return PyInt.FromBig(r);
    }

    public static double Fsum(IEnumerable<double> xs)
    {
        // Shewchuk's algorithm, as CPython's math.fsum.
        var partials = new List<double>();
        foreach (var x0 in xs)
        {
            double x = x0;
            int i = 0;
            for (int j = 0; j < partials.Count; j++)
            {
                double y = partials[j];
                if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0) partials[i++] = lo;
                x = hi;
            }
            partials.RemoveRange(i, partials.Count - i);
            partials.Add(x);
        }
        double sum = 0;
        for (int k = partials.Count - 1; k >= 0; k--)
        {
            double prev = sum;
            sum += partials[k];
            double lo = partials[k] - (sum - prev);
            if (lo != 0 && k > 0 && ((lo < 0) == (partials[k - 1] < 0)))
            {
                double yr = lo * 2;
                double x = sum + yr;
                if (FloatExact.AreEqual(yr, x - sum)) sum = x;
                break;
            }
            if (lo != 0) break;
        }
        return sum;
    }

    public static double Prod(IEnumerable<double> xs) => xs.Aggregate(1.0, (a, b) => a * b);
    public static PyInt Prod(IEnumerable<PyInt> xs) => xs.Aggregate(new PyInt(1), (a, b) => a * b);
    public static PyInt Prod(IEnumerable<long> xs) => xs.Aggregate(new PyInt(1), (a, b) => a * b);
    /// <summary>Mixed ints and floats: Python's left-to-right products (an int until a float arrives).</summary>
    public static object? Prod(IEnumerable<object?> xs) => xs.Aggregate((object?)new PyInt(1), Dyn.Mul);
    /// <summary>math.dist(p, q) of any two sequences of numbers (lists, tuples) of the same length.</summary>
    public static double Dist<T1, T2>(IEnumerable<T1> p, IEnumerable<T2> q)
    {
        var a = p.Select(x => Dyn.Cast<double>(x)).ToList();
        var b = q.Select(x => Dyn.Cast<double>(x)).ToList();
        if (a.Count != b.Count) throw new ValueError("both points must have the same number of dimensions");
        return Hypot(a.Zip(b, (x, y) => x - y).ToArray());
    }
    public static double Erf(double x)
    {
        // Abramowitz-Stegun is not exact; use a series/continued fraction pair as CPython's libm fallback.
        double t = 1.0 / (1.0 + 0.5 * Math.Abs(x));
        double y = 1 - t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : -y;
    }
}
