namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The <c>cmath</c> module with CPython's formulas (cmathmodule.c), so results match to the
/// last bit: sqrt's scaled hypot, log's log1p near the unit circle, exp/sin/cos/tan through sinh/cosh/tanh, the
/// inverse functions through asinh/acos/acosh/atanh (asin and atan by rotation). sqrt, log and the inverse functions
/// take infinite and NaN arguments from CPython's special-value tables, as exp, sinh, cosh, tanh (so sin, cos, tan)
/// and rect do, with CPython's signs for an infinite real part and its domain errors.
/// </summary>
public static class CMath
{
    public const double Pi = Math.PI, E = Math.E, Tau = 2 * Math.PI, Inf = double.PositiveInfinity;
    public static readonly double Nan = MathModule.Nan;
    public static readonly PyComplex InfJ = new(0.0, double.PositiveInfinity), NanJ = new(0.0, MathModule.Nan);

    private const int MantDig = 53;
    private static readonly double LogLargeDouble = Math.Log(double.MaxValue / 4);

    private static PyComplex Z(object? x) => PyComplex.Of(x) ?? throw new TypeError($"must be real number, not {Dyn.TypeName(x)}");

    public static PyComplex Sqrt(object? x)
    {
        var z = Z(x);
        return CMathSpecialValues.Lookup(CMathSpecialValues.SqrtSpecial, z) ?? FiniteSqrt(z);
    }

    private static PyComplex FiniteSqrt(PyComplex z)
    {
        if (z.Real == 0.0 && z.Imag == 0.0) return new(0.0, z.Imag);
        double ax = Math.Abs(z.Real), ay = Math.Abs(z.Imag), s;
        if (ax < double.Epsilon * (1L << 52) && ay < double.Epsilon * (1L << 52))
        {
            // subnormal parts: scaled up to keep the precision hypot would lose
            ax = Math.ScaleB(ax, MantDig);
            s = Math.ScaleB(Math.Sqrt(ax + LibM.Hypot(ax, Math.ScaleB(ay, MantDig))), -(MantDig + 1) / 2);
        }
        else
        {
            ax /= 8.0;
            s = 2.0 * Math.Sqrt(ax + LibM.Hypot(ax, ay / 8.0));
        }
        double d = ay / (2.0 * s);
        return z.Real >= 0.0 ? new(s, Math.CopySign(d, z.Imag)) : new(d, Math.CopySign(s, z.Imag));
    }

    public static PyComplex Exp(object? x)
    {
        var z = Z(x);
        var special = NonFinite(z, CMathSpecialValues.ExpSpecial,
            (re, y) => re > 0 ? new(Math.CopySign(Inf, Math.Cos(y)), Math.CopySign(Inf, Math.Sin(y))) : new(Math.CopySign(0.0, Math.Cos(y)), Math.CopySign(0.0, Math.Sin(y))),
            double.IsInfinity(z.Imag) && (double.IsFinite(z.Real) || double.IsPositiveInfinity(z.Real)));
        if (special is not null) return special;
        double l = z.Real > LogLargeDouble ? Math.Exp(z.Real - 1.0) : Math.Exp(z.Real), scale = z.Real > LogLargeDouble ? Math.E : 1.0;
        return InRange(new PyComplex(l * Math.Cos(z.Imag) * scale, l * Math.Sin(z.Imag) * scale));
    }

    private static PyComplex Ln(PyComplex z) => CMathSpecialValues.Lookup(CMathSpecialValues.LogSpecial, z) ?? FiniteLn(z);

    private static PyComplex FiniteLn(PyComplex z)
    {
        double ax = Math.Abs(z.Real), ay = Math.Abs(z.Imag), re;
        if (ax > double.MaxValue / 4 || ay > double.MaxValue / 4) re = Math.Log(LibM.Hypot(ax / 2, ay / 2)) + Math.Log(2);
        else if (ax < double.Epsilon * (1L << 52) && ay < double.Epsilon * (1L << 52))
        {
            if (ax == 0 && ay == 0) throw new ValueError("math domain error");
            re = Math.Log(LibM.Hypot(Math.ScaleB(ax, MantDig), Math.ScaleB(ay, MantDig))) - MantDig * Math.Log(2);
        }
        else
        {
            double h = LibM.Hypot(ax, ay);
            if (0.71 <= h && h <= 1.73)
            {
                double am = Math.Max(ax, ay), an = Math.Min(ax, ay);
                re = MathModule.Log1p((am - 1) * (am + 1) + an * an) / 2;
            }
            else re = Math.Log(h);
        }
        return new(re, LibM.Atan2(z.Imag, z.Real));
    }

    public static PyComplex Log(object? x, object? b = null) => b is null ? Ln(Z(x)) : Ln(Z(x)).Over(Ln(Z(b)));

    public static PyComplex Log10(object? x)
    {
        var l = Ln(Z(x));
        return new(l.Real / Math.Log(10), l.Imag / Math.Log(10));
    }

    public static double Phase(object? x)
    {
        var z = Z(x);
        return LibM.Atan2(z.Imag, z.Real);
    }

    public static (double, double) Polar(object? x)
    {
        var z = Z(x);
        return (z.Abs(), LibM.Atan2(z.Imag, z.Real));
    }

    public static PyComplex Rect(double r, double phi)
    {
        var special = NonFinite(new PyComplex(r, phi), CMathSpecialValues.RectSpecial,
            (re, y) => re > 0 ? new(Math.CopySign(Inf, Math.Cos(y)), Math.CopySign(Inf, Math.Sin(y))) : new(-Math.CopySign(Inf, Math.Cos(y)), -Math.CopySign(Inf, Math.Sin(y))),
            r != 0 && !double.IsNaN(r) && double.IsInfinity(phi));
        return special ?? new(r * Math.Cos(phi), r * Math.Sin(phi));
    }

    /// <summary>
    /// CPython's handling of a non-finite argument in exp, cosh, sinh, tanh and rect (null for a finite one): an
    /// infinite real part with a finite nonzero imaginary part is computed by <paramref name="infinite"/> (signs from
    /// cos and sin), the rest comes from the table; <paramref name="domainError"/> raises ValueError, as CPython's EDOM.
    /// </summary>
    private static PyComplex? NonFinite(PyComplex z, (double Real, double Imag)[] table, Func<double, double, PyComplex> infinite, bool domainError)
    {
        if (double.IsFinite(z.Real) && double.IsFinite(z.Imag)) return null;
        if (domainError) throw new ValueError("math domain error");
        return double.IsInfinity(z.Real) && double.IsFinite(z.Imag) && z.Imag != 0 ? infinite(z.Real, z.Imag) : CMathSpecialValues.Lookup(table, z);
    }

    private static PyComplex Sinh(PyComplex z)
    {
        var special = NonFinite(z, CMathSpecialValues.SinhSpecial,
            (re, y) => new((re > 0 ? 1 : -1) * Math.CopySign(Inf, Math.Cos(y)), Math.CopySign(Inf, Math.Sin(y))),
            double.IsInfinity(z.Imag) && !double.IsNaN(z.Real));
        if (special is not null) return special;
        // sinh(x) alone overflows before sinh(z) does: scaled by e
        return Math.Abs(z.Real) > LogLargeDouble
            ? InRange(new(Math.Cos(z.Imag) * Math.Sinh(z.Real - Math.CopySign(1.0, z.Real)) * Math.E, Math.Sin(z.Imag) * Math.Cosh(z.Real - Math.CopySign(1.0, z.Real)) * Math.E))
            : InRange(new(Math.Cos(z.Imag) * Math.Sinh(z.Real), Math.Sin(z.Imag) * Math.Cosh(z.Real)));
    }

    private static PyComplex Cosh(PyComplex z)
    {
        var special = NonFinite(z, CMathSpecialValues.CoshSpecial,
            (re, y) => new(Math.CopySign(Inf, Math.Cos(y)), (re > 0 ? 1 : -1) * Math.CopySign(Inf, Math.Sin(y))),
            double.IsInfinity(z.Imag) && !double.IsNaN(z.Real));
        if (special is not null) return special;
        return Math.Abs(z.Real) > LogLargeDouble
            ? InRange(new(Math.Cos(z.Imag) * Math.Cosh(z.Real - Math.CopySign(1.0, z.Real)) * Math.E, Math.Sin(z.Imag) * Math.Sinh(z.Real - Math.CopySign(1.0, z.Real)) * Math.E))
            : InRange(new(Math.Cos(z.Imag) * Math.Cosh(z.Real), Math.Sin(z.Imag) * Math.Sinh(z.Real)));
    }

    private static PyComplex InRange(PyComplex r) => IsInf(r) ? throw new OverflowError("math range error") : r;

    private static PyComplex Tanh(PyComplex z)
    {
        var special = NonFinite(z, CMathSpecialValues.TanhSpecial,
            (re, y) => new(re > 0 ? 1.0 : -1.0, Math.CopySign(0.0, 2.0 * Math.Sin(y) * Math.Cos(y))),
            double.IsInfinity(z.Imag) && double.IsFinite(z.Real));
        if (special is not null) return special;
        if (Math.Abs(z.Real) > LogLargeDouble)
            return new(Math.CopySign(1.0, z.Real), 4 * Math.Sin(z.Imag) * Math.Cos(z.Imag) * Math.Exp(-2.0 * Math.Abs(z.Real)));
        double tx = Math.Tanh(z.Real), ty = Math.Tan(z.Imag), cx = 1.0 / Math.Cosh(z.Real), txty = tx * ty, denom = 1.0 + txty * txty;
        return new(tx * (1.0 + ty * ty) / denom, ty / denom * cx * cx);
    }

    // sin z = -i sinh(iz), cos z = cosh(iz), tan z = -i tanh(iz)
    public static PyComplex Sin(object? x) => Rotated(Z(x), Sinh);
    public static PyComplex Cos(object? x) => Cosh(new PyComplex(-Z(x).Imag, Z(x).Real));
    public static PyComplex Tan(object? x) => Rotated(Z(x), Tanh);
    public static PyComplex Sinh(object? x) => Sinh(Z(x));
    public static PyComplex Cosh(object? x) => Cosh(Z(x));
    public static PyComplex Tanh(object? x) => Tanh(Z(x));

    private static PyComplex Rotated(PyComplex z, Func<PyComplex, PyComplex> f)
    {
        var s = f(new PyComplex(-z.Imag, z.Real));
        return new(s.Imag, -s.Real);
    }

    private const double LargeDouble = double.MaxValue / 4, Ln2 = 0.6931471805599453;
    private static readonly double SqrtLargeDouble = Math.Sqrt(LargeDouble), SqrtDblMin = Math.Sqrt(2.2250738585072014e-308);

    /// <summary>log|z| + 2 ln 2 for a huge z, where the square roots of the plain formulas would overflow.</summary>
    private static double LogHalfHypot(PyComplex z) => Math.Log(LibM.Hypot(z.Real / 2.0, z.Imag / 2.0)) + Ln2 * 2.0;

    private static bool Huge(PyComplex z) => Math.Abs(z.Real) > LargeDouble || Math.Abs(z.Imag) > LargeDouble;

    public static PyComplex Asinh(object? x) => Asinh(Z(x));

    private static PyComplex Asinh(PyComplex z)
    {
        if (CMathSpecialValues.Lookup(CMathSpecialValues.AsinhSpecial, z) is { } special) return special;
        if (Huge(z))
        {
            double re = z.Imag >= 0.0 ? Math.CopySign(LogHalfHypot(z), z.Real) : -Math.CopySign(LogHalfHypot(z), -z.Real);
            return new(re, LibM.Atan2(z.Imag, Math.Abs(z.Real)));
        }
        PyComplex s1 = FiniteSqrt(new(1.0 + z.Imag, -z.Real)), s2 = FiniteSqrt(new(1.0 - z.Imag, z.Real));
        return new(LibM.Asinh(s1.Real * s2.Imag - s2.Real * s1.Imag), LibM.Atan2(z.Imag, s1.Real * s2.Real - s1.Imag * s2.Imag));
    }

    // asin z = -i asinh(iz), atan z = -i atanh(iz)
    public static PyComplex Asin(object? x) => Rotated(Z(x), Asinh);
    public static PyComplex Atan(object? x) => Rotated(Z(x), Atanh);

    public static PyComplex Acos(object? x)
    {
        var z = Z(x);
        if (CMathSpecialValues.Lookup(CMathSpecialValues.AcosSpecial, z) is { } special) return special;
        if (Huge(z))
            return new(LibM.Atan2(Math.Abs(z.Imag), z.Real), z.Real < 0 ? -Math.CopySign(LogHalfHypot(z), z.Imag) : Math.CopySign(LogHalfHypot(z), -z.Imag));
        PyComplex s1 = FiniteSqrt(new(1.0 - z.Real, -z.Imag)), s2 = FiniteSqrt(new(1.0 + z.Real, z.Imag));
        return new(2.0 * LibM.Atan2(s1.Real, s2.Real), LibM.Asinh(s2.Real * s1.Imag - s2.Imag * s1.Real));
    }

    public static PyComplex Acosh(object? x)
    {
        var z = Z(x);
        if (CMathSpecialValues.Lookup(CMathSpecialValues.AcoshSpecial, z) is { } special) return special;
        if (Huge(z)) return new(LogHalfHypot(z), LibM.Atan2(z.Imag, z.Real));
        PyComplex s1 = FiniteSqrt(new(z.Real - 1.0, z.Imag)), s2 = FiniteSqrt(new(z.Real + 1.0, z.Imag));
        return new(LibM.Asinh(s1.Real * s2.Real + s1.Imag * s2.Imag), 2.0 * LibM.Atan2(s1.Imag, s2.Real));
    }

    public static PyComplex Atanh(object? x) => Atanh(Z(x));

    private static PyComplex Atanh(PyComplex z)
    {
        if (CMathSpecialValues.Lookup(CMathSpecialValues.AtanhSpecial, z) is { } special) return special;
        if (z.Real < 0.0)
        {
            var r = Atanh(new PyComplex(-z.Real, -z.Imag));
            return new(-r.Real, -r.Imag);
        }
        double ay = Math.Abs(z.Imag);
        if (z.Real > SqrtLargeDouble || ay > SqrtLargeDouble)
        {
            double h = LibM.Hypot(z.Real / 2.0, z.Imag / 2.0);
            return new(z.Real / 4.0 / h / h, -Math.CopySign(Math.PI / 2.0, -z.Imag));
        }
#pragma warning disable BATQ009 // exact by Python semantics: CPython takes this branch for a real part of 1.0 exactly
        if (z.Real == 1.0 && ay < SqrtDblMin)
#pragma warning restore BATQ009
        {
            if (ay == 0.0) throw new ValueError("math domain error");
            return new(-Math.Log(Math.Sqrt(ay) / Math.Sqrt(LibM.Hypot(ay, 2.0))), Math.CopySign(LibM.Atan2(2.0, -ay) / 2, z.Imag));
        }
        return new(MathModule.Log1p(4.0 * z.Real / ((1 - z.Real) * (1 - z.Real) + ay * ay)) / 4.0,
            -LibM.Atan2(-2.0 * z.Imag, (1 - z.Real) * (1 + z.Real) - ay * ay) / 2.0);
    }

    public static bool IsClose(object? a, object? b, double rel_tol = 1e-09, double abs_tol = 0.0)
    {
        if (rel_tol < 0.0 || abs_tol < 0.0) throw new ValueError("tolerances must be non-negative");
        PyComplex x = Z(a), y = Z(b);
        if (x.Equals(y)) return true;
        if (IsInf(x) || IsInf(y)) return false;
        double diff = x.Minus(y).Abs();
        return diff <= rel_tol * y.Abs() || diff <= rel_tol * x.Abs() || diff <= abs_tol;
    }

    private static bool IsInf(PyComplex z) => double.IsInfinity(z.Real) || double.IsInfinity(z.Imag);
    public static bool IsInf(object? x) => IsInf(Z(x));
    public static bool IsNan(object? x) => double.IsNaN(Z(x).Real) || double.IsNaN(Z(x).Imag);
    public static bool IsFinite(object? x) => double.IsFinite(Z(x).Real) && double.IsFinite(Z(x).Imag);
}
