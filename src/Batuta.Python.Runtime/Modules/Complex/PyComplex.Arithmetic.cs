namespace Batuta.Python.Runtime.Modules;

/// <summary>complex arithmetic as CPython's complexobject.c computes it (_Py_c_prod, _Py_c_quot, _Py_c_pow, c_powi).</summary>
public sealed partial class PyComplex
{
    private static readonly PyComplex One = new(1.0, 0.0);

    internal PyComplex Plus(PyComplex b) => new(Real + b.Real, Imag + b.Imag);
    internal PyComplex Minus(PyComplex b) => new(Real - b.Real, Imag - b.Imag);
    internal PyComplex Times(PyComplex b) => new(Real * b.Real - Imag * b.Imag, Real * b.Imag + Imag * b.Real);

    /// <summary>Smith's algorithm, scaled by the larger part of the divisor.</summary>
    internal PyComplex Over(PyComplex b)
    {
        double absRe = Math.Abs(b.Real), absIm = Math.Abs(b.Imag);
        if (absRe >= absIm)
        {
            if (absRe == 0.0) throw new ZeroDivisionError("complex division by zero");
            double ratio = b.Imag / b.Real, denom = b.Real + b.Imag * ratio;
            return new((Real + Imag * ratio) / denom, (Imag - Real * ratio) / denom);
        }
        if (absIm >= absRe)
        {
            double ratio = b.Real / b.Imag, denom = b.Real * ratio + b.Imag;
            return new((Real * ratio + Imag) / denom, (Imag * ratio - Real) / denom);
        }
        return new(double.NaN, double.NaN);
    }

    /// <summary>z ** w: an integral real exponent up to 100 by repeated squaring, else through polar form.</summary>
    internal PyComplex Power(PyComplex w)
    {
        if (w.Imag == 0.0 && w.Real == Math.Floor(w.Real) && Math.Abs(w.Real) <= 100.0) return PowI((long)w.Real);
        if (w.Real == 0.0 && w.Imag == 0.0) return One;
        if (Real == 0.0 && Imag == 0.0)
            return w.Imag != 0.0 || w.Real < 0.0 ? throw new ZeroDivisionError("0.0 to a negative or complex power") : new PyComplex(0.0, 0.0);
        return PolarPower(w);
    }

    private PyComplex PolarPower(PyComplex w)
    {
        double vabs = double.Hypot(Real, Imag), len = Math.Pow(vabs, w.Real), at = Math.Atan2(Imag, Real), phase = at * w.Real;
        if (w.Imag != 0.0)
        {
            len /= Math.Exp(at * w.Imag);
            phase += w.Imag * Math.Log(vabs);
        }
        return new(len * Math.Cos(phase), len * Math.Sin(phase));
    }

    private PyComplex PowI(long n) => n > 0 ? PowU(n) : One.Over(PowU(-n));

    private PyComplex PowU(long n)
    {
        PyComplex r = One, p = this;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0) r = r.Times(p);
            p = p.Times(p);
        }
        return r;
    }

    /// <summary>Both operands as complex (an int or float widens); <paramref name="reflected"/> when this is the right one.</summary>
    private object? Operate(object? other, string op, bool reflected, Func<PyComplex, PyComplex, PyComplex> f)
    {
        if (Of(other) is { } o) return reflected ? f(o, this) : f(this, o);
        var (left, right) = reflected ? (Dyn.TypeName(other), "complex") : ("complex", Dyn.TypeName(other));
        throw new TypeError($"unsupported operand type(s) for {op}: '{left}' and '{right}'");
    }

    public object? PyAdd(object? other) => Operate(other, "+", false, (a, b) => a.Plus(b));
    public object? PySub(object? other) => Operate(other, "-", false, (a, b) => a.Minus(b));
    public object? PyMul(object? other) => Operate(other, "*", false, (a, b) => a.Times(b));
    public object? PyTrueDiv(object? other) => Operate(other, "/", false, (a, b) => a.Over(b));
    public object? Pow(object? other) => Operate(other, "** or pow()", false, (a, b) => a.Power(b));

    public object? PyRAdd(object? other) => Operate(other, "+", true, (a, b) => a.Plus(b));
    public object? PyRSub(object? other) => Operate(other, "-", true, (a, b) => a.Minus(b));
    public object? PyRMul(object? other) => Operate(other, "*", true, (a, b) => a.Times(b));
    public object? PyRTrueDiv(object? other) => Operate(other, "/", true, (a, b) => a.Over(b));
    public object? RPow(object? other) => Operate(other, "** or pow()", true, (a, b) => a.Power(b));
}
