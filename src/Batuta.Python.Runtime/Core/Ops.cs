using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>Typed arithmetic with Python semantics (ZeroDivisionError, floor division and modulo signs, **).</summary>
public static partial class Ops
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Div(double a, double b) => b != 0 ? a / b : throw new ZeroDivisionError("float division by zero");

    /// <summary>float / int: the zero test on the integer, before its conversion (a cheaper test in hot loops).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Div(double a, long b) => b != 0 ? a / b : throw new ZeroDivisionError("float division by zero");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Div(PyInt a, PyInt b) => PyInt.TrueDiv(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FloorDiv(long a, long b)
    {
        if (b == 0) throw new ZeroDivisionError("integer division or modulo by zero");
        long q = a / b;
        if ((a % b != 0) && ((a ^ b) < 0)) q--;
        return q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Mod(long a, long b)
    {
        if (b == 0) throw new ZeroDivisionError("integer modulo by zero");
        long r = a % b;
        if (r != 0 && ((r ^ b) < 0)) r += b;
        return r;
    }

    public static PyInt FloorDiv(PyInt a, PyInt b) => PyInt.FloorDiv(a, b);

    public static double FloorDiv(double a, double b)
    {
        if (b == 0) throw new ZeroDivisionError("float floor division by zero");
        var (div, _) = DivMod(a, b);
        return div;
    }

    public static double Mod(double a, double b)
    {
        if (b == 0) throw new ZeroDivisionError("float modulo");
        double mod = a % b;
        if (mod != 0) { if ((b < 0) != (mod < 0)) mod += b; }
        else mod = Math.CopySign(0.0, b);
        return mod;
    }

    /// <summary>CPython's float_divmod.</summary>
    public static (double Div, double Mod) DivMod(double vx, double wx)
    {
        if (wx == 0) throw new ZeroDivisionError("float divmod()");
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0)) { mod += wx; div -= 1.0; }
        }
        else mod = Math.CopySign(0.0, wx);
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else floordiv = Math.CopySign(0.0, vx / wx);
        return (floordiv, mod);
    }

    /// <summary>int ** int: an int for a non-negative exponent, else a float (as Python).</summary>
    public static object Pow(PyInt a, PyInt b)
    {
        if (b.Sign >= 0) return PyInt.Pow(a, (long)b);
        if (a.IsZero) throw new ZeroDivisionError("0.0 cannot be raised to a negative power");
        return Math.Pow(a.ToDouble(), b.ToDouble());
    }

    public static PyInt IntPow(PyInt a, PyInt b) => b.Sign >= 0 ? PyInt.Pow(a, (long)b) : throw new ValueError("negative exponent for int power in a typed context");

    public static double Pow(double a, double b)
    {
        if (a == 0 && b < 0) throw new ZeroDivisionError("0.0 cannot be raised to a negative power");
        if (a < 0 && b != Math.Floor(b) && !double.IsInfinity(b)) throw new ValueError("math domain error: negative number cannot be raised to a fractional power (complex result)");
        double r = Math.Pow(a, b);
        if (double.IsInfinity(r) && !double.IsInfinity(a) && !double.IsInfinity(b)) throw new OverflowError("(34, 'Numerical result out of range')");
        return r;
    }

    public static PyInt PowMod(PyInt a, PyInt b, PyInt m)
    {
        if (m.IsZero) throw new ValueError("pow() 3rd argument cannot be 0");
        var mod = m.ToBig();
        var bb = b.ToBig();
        var aa = a.ToBig();
        if (bb.Sign < 0)
        {
            aa = ModInverse(aa, System.Numerics.BigInteger.Abs(mod));
            bb = -bb;
        }
        var r = System.Numerics.BigInteger.ModPow(aa, bb, System.Numerics.BigInteger.Abs(mod));
        if (r.Sign < 0) r += System.Numerics.BigInteger.Abs(mod);
        if (mod.Sign < 0 && !r.IsZero) r += mod;
        return PyInt.FromBig(r);
    }

    private static System.Numerics.BigInteger ModInverse(System.Numerics.BigInteger a, System.Numerics.BigInteger m)
    {
        System.Numerics.BigInteger g = m, x = 0, x1 = 1, a1 = ((a % m) + m) % m;
        while (a1 != 0)
        {
            var q = g / a1;
            (g, a1) = (a1, g - q * a1);
            (x, x1) = (x1, x - q * x1);
        }
        if (g != 1) throw new ValueError("base is not invertible for the given modulus");
        return ((x % m) + m) % m;
    }

    public static (PyInt, PyInt) DivMod(PyInt a, PyInt b) => (PyInt.FloorDiv(a, b), a % b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Checked(long a) => a;
}
