namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// CPython's special-value tables (cmathmodule.c) for an argument with an infinite or NaN part: indexed by the
/// class of the real part, then of the imaginary part (-inf, negative, -0.0, +0.0, positive, +inf, nan). The
/// entries were taken from CPython 3.11 itself; the cells of finite arguments are never read, nor those of exp, cosh,
/// sinh, tanh and rect that CPython computes (an infinite real part with a finite nonzero imaginary part) or
/// reports as a domain error.
/// </summary>
internal static class CMathSpecialValues
{
    private const double I = double.PositiveInfinity, N = double.NaN, P = Math.PI, P2 = Math.PI / 2, P4 = Math.PI / 4, P34 = 3 * Math.PI / 4;

    /// <summary>The table's value for <paramref name="z"/>, or null when both its parts are finite.</summary>
    public static PyComplex? Lookup((double Real, double Imag)[] table, PyComplex z)
    {
        if (double.IsFinite(z.Real) && double.IsFinite(z.Imag)) return null;
        var (re, im) = table[7 * Class(z.Real) + Class(z.Imag)];
        return new PyComplex(re, im);
    }

    private static int Class(double d)
    {
        if (double.IsNaN(d)) return 6;
        if (double.IsInfinity(d)) return d > 0 ? 5 : 0;
        if (d != 0) return d > 0 ? 4 : 1;
        return double.IsNegative(d) ? 2 : 3;
    }

    public static readonly (double Real, double Imag)[] AcosSpecial =
    {
        (P34, I), (P, I), (P, I), (P, -I), (P, -I), (P34, -I), (N, I),
        (P2, I), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (P2, -I), (N, N),
        (P2, I), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (P2, -I), (P2, N),
        (P2, I), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (P2, -I), (P2, N),
        (P2, I), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (P2, -I), (N, N),
        (P4, I), (0.0, I), (0.0, I), (0.0, -I), (0.0, -I), (P4, -I), (N, I),
        (N, I), (N, N), (N, N), (N, N), (N, N), (N, -I), (N, N),
    };

    public static readonly (double Real, double Imag)[] AcoshSpecial =
    {
        (I, -P34), (I, -P), (I, -P), (I, P), (I, P), (I, P34), (I, N),
        (I, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, P2), (N, N),
        (I, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, P2), (N, N),
        (I, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, P2), (N, N),
        (I, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, P2), (N, N),
        (I, -P4), (I, -0.0), (I, -0.0), (I, 0.0), (I, 0.0), (I, P4), (I, N),
        (I, N), (N, N), (N, N), (N, N), (N, N), (I, N), (N, N),
    };

    public static readonly (double Real, double Imag)[] AsinhSpecial =
    {
        (-I, -P4), (-I, -0.0), (-I, -0.0), (-I, 0.0), (-I, 0.0), (-I, P4), (-I, N),
        (-I, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (-I, P2), (N, N),
        (-I, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (-I, P2), (N, N),
        (I, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, P2), (N, N),
        (I, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, P2), (N, N),
        (I, -P4), (I, -0.0), (I, -0.0), (I, 0.0), (I, 0.0), (I, P4), (I, N),
        (I, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (I, N), (N, N),
    };

    public static readonly (double Real, double Imag)[] AtanhSpecial =
    {
        (-0.0, -P2), (-0.0, -P2), (-0.0, -P2), (-0.0, P2), (-0.0, P2), (-0.0, P2), (-0.0, N),
        (-0.0, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (-0.0, P2), (N, N),
        (-0.0, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (-0.0, P2), (-0.0, N),
        (0.0, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, P2), (0.0, N),
        (0.0, -P2), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, P2), (N, N),
        (0.0, -P2), (0.0, -P2), (0.0, -P2), (0.0, P2), (0.0, P2), (0.0, P2), (0.0, N),
        (0.0, -P2), (N, N), (N, N), (N, N), (N, N), (0.0, P2), (N, N),
    };

    /// <summary>log's table holds the same values as acosh's (cmathmodule.c keeps two copies).</summary>
    public static readonly (double Real, double Imag)[] LogSpecial = AcoshSpecial;

    public static readonly (double Real, double Imag)[] SqrtSpecial =
    {
        (I, -I), (0.0, -I), (0.0, -I), (0.0, I), (0.0, I), (I, I), (N, I),
        (I, -I), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, I), (N, N),
        (I, -I), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, I), (N, N),
        (I, -I), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, I), (N, N),
        (I, -I), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (I, I), (N, N),
        (I, -I), (I, -0.0), (I, -0.0), (I, 0.0), (I, 0.0), (I, I), (I, N),
        (I, -I), (N, N), (N, N), (N, N), (N, N), (I, I), (N, N),
    };

    public static readonly (double Real, double Imag)[] ExpSpecial =
    {
        (0.0, 0.0), (0.0, 0.0), (0.0, -0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (I, -0.0), (I, 0.0), (0.0, 0.0), (0.0, 0.0), (I, N),
        (N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N),
    };

    public static readonly (double Real, double Imag)[] CoshSpecial =
    {
        (0.0, 0.0), (0.0, 0.0), (I, 0.0), (I, -0.0), (0.0, 0.0), (0.0, 0.0), (I, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (I, -0.0), (I, 0.0), (0.0, 0.0), (0.0, 0.0), (I, N),
        (N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N),
    };

    public static readonly (double Real, double Imag)[] SinhSpecial =
    {
        (0.0, 0.0), (0.0, 0.0), (-I, -0.0), (-I, 0.0), (0.0, 0.0), (0.0, 0.0), (I, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (I, -0.0), (I, 0.0), (0.0, 0.0), (0.0, 0.0), (I, N),
        (N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N),
    };

    public static readonly (double Real, double Imag)[] TanhSpecial =
    {
        (-1.0, 0.0), (0.0, 0.0), (-1.0, -0.0), (-1.0, 0.0), (0.0, 0.0), (-1.0, 0.0), (-1.0, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (1.0, 0.0), (0.0, 0.0), (1.0, -0.0), (1.0, 0.0), (0.0, 0.0), (1.0, 0.0), (1.0, 0.0),
        (N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N),
    };

    public static readonly (double Real, double Imag)[] RectSpecial =
    {
        (0.0, 0.0), (0.0, 0.0), (-I, 0.0), (-I, -0.0), (0.0, 0.0), (0.0, 0.0), (I, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0),
        (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (N, N),
        (0.0, 0.0), (0.0, 0.0), (I, -0.0), (I, 0.0), (0.0, 0.0), (0.0, 0.0), (I, N),
        (N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N),
    };
}
