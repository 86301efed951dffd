using System.Collections;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// Element-wise ufuncs. Each has an array form, a scalar form (numpy returns a numpy scalar, here a Python
/// float) and a dynamic form. Float results keep float32 when the input is float32, and are float64 otherwise.
/// </summary>
public static partial class Np
{
    private static NdArray UnaryFloat(NdArray a, Func<double, double> f)
    {
        var d = a.ToDoubles();
        for (int i = 0; i < d.Length; i++) d[i] = f(d[i]);
        return NdArray.FromDoubles(d, a.Dims, a.Kind == NpKind.Float32 ? NpKind.Float32 : NpKind.Float64);
    }

    /// <summary>Ufuncs that keep integer types (abs, negative, square, sign): integer math for integer arrays.</summary>
    private static NdArray UnaryKeep(NdArray a, Func<double, double> f, Func<long, long> g)
    {
        if (a.Kind is NpKind.Float32 or NpKind.Float64) return UnaryFloat(a, f);
        var l = a.ToLongs();
        for (int i = 0; i < l.Length; i++) l[i] = g(l[i]);
        return NdArray.FromLongs(l, a.Dims, a.Kind == NpKind.Bool ? NpKind.Bool : a.Kind);
    }

    private static object Dynamic(object? x, Func<NdArray, NdArray> arrays, Func<double, double> scalars) => x switch
    {
        NdArray a => arrays(a),
        double or float or PyInt or long or int or bool => scalars(ToDouble(x)),
        _ => arrays(Array(x)),
    };

    public static NdArray Sqrt(NdArray a) => UnaryFloat(a, Math.Sqrt);
    public static double Sqrt(double x) => Math.Sqrt(x);
    public static object Sqrt(object? x) => Dynamic(x, Sqrt, Math.Sqrt);

    public static NdArray Exp(NdArray a) => UnaryFloat(a, Math.Exp);
    public static double Exp(double x) => Math.Exp(x);
    public static object Exp(object? x) => Dynamic(x, Exp, Math.Exp);

    public static NdArray Exp2(NdArray a) => UnaryFloat(a, v => Math.Pow(2, v));
    public static double Exp2(double x) => Math.Pow(2, x);

    public static NdArray Expm1(NdArray a) => UnaryFloat(a, NpMath.Expm1);
    public static double Expm1(double x) => NpMath.Expm1(x);

    public static NdArray Log(NdArray a) => UnaryFloat(a, Math.Log);
    public static double Log(double x) => Math.Log(x);
    public static object Log(object? x) => Dynamic(x, Log, Math.Log);

    public static NdArray Log2(NdArray a) => UnaryFloat(a, Math.Log2);
    public static double Log2(double x) => Math.Log2(x);

    public static NdArray Log10(NdArray a) => UnaryFloat(a, Math.Log10);
    public static double Log10(double x) => Math.Log10(x);

    public static NdArray Log1p(NdArray a) => UnaryFloat(a, NpMath.Log1p);
    public static double Log1p(double x) => NpMath.Log1p(x);
    public static object Log1p(object? x) => Dynamic(x, Log1p, NpMath.Log1p);

    public static NdArray Sin(NdArray a) => UnaryFloat(a, Math.Sin);
    public static double Sin(double x) => Math.Sin(x);
    public static NdArray Cos(NdArray a) => UnaryFloat(a, Math.Cos);
    public static double Cos(double x) => Math.Cos(x);
    public static NdArray Tan(NdArray a) => UnaryFloat(a, Math.Tan);
    public static double Tan(double x) => Math.Tan(x);
    public static NdArray Arcsin(NdArray a) => UnaryFloat(a, Math.Asin);
    public static double Arcsin(double x) => Math.Asin(x);
    public static NdArray Arccos(NdArray a) => UnaryFloat(a, Math.Acos);
    public static double Arccos(double x) => Math.Acos(x);
    public static NdArray Arctan(NdArray a) => UnaryFloat(a, Math.Atan);
    public static double Arctan(double x) => Math.Atan(x);
    public static NdArray Sinh(NdArray a) => UnaryFloat(a, Math.Sinh);
    public static double Sinh(double x) => Math.Sinh(x);
    public static NdArray Cosh(NdArray a) => UnaryFloat(a, Math.Cosh);
    public static double Cosh(double x) => Math.Cosh(x);
    public static NdArray Tanh(NdArray a) => UnaryFloat(a, Math.Tanh);
    public static double Tanh(double x) => Math.Tanh(x);
    public static NdArray Deg2Rad(NdArray a) => UnaryFloat(a, v => v * (Math.PI / 180.0));
    public static double Deg2Rad(double x) => x * (Math.PI / 180.0);
    public static NdArray Rad2Deg(NdArray a) => UnaryFloat(a, v => v * (180.0 / Math.PI));
    public static double Rad2Deg(double x) => x * (180.0 / Math.PI);

    public static NdArray Floor(NdArray a) => UnaryFloat(a, Math.Floor);
    public static double Floor(double x) => Math.Floor(x);
    public static NdArray Ceil(NdArray a) => UnaryFloat(a, Math.Ceiling);
    public static double Ceil(double x) => Math.Ceiling(x);
    public static NdArray Trunc(NdArray a) => UnaryFloat(a, Math.Truncate);
    public static double Trunc(double x) => Math.Truncate(x);
    public static NdArray Rint(NdArray a) => UnaryFloat(a, NpMath.Rint);
    public static double Rint(double x) => NpMath.Rint(x);

    public static NdArray Abs(NdArray a) => UnaryKeep(a, Math.Abs, v => v == long.MinValue ? v : Math.Abs(v));
    public static double Abs(double x) => Math.Abs(x);
    public static PyInt Abs(PyInt x) => x.Sign < 0 ? -x : x;
    public static object Abs(object? x) => x switch
    {
        NdArray a => Abs(a),
        PyInt i => Abs(i),
        _ => Dynamic(x, Abs, Math.Abs),
    };

    public static NdArray Negative(NdArray a)
    {
        if (a.Kind == NpKind.Bool) throw new TypeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
        return UnaryKeep(a, v => -v, v => unchecked(-v));
    }

    public static NdArray Square(NdArray a) => UnaryKeep(a, v => v * v, v => unchecked(v * v));
    public static double Square(double x) => x * x;

    public static NdArray Sign(NdArray a) => UnaryKeep(a, v => double.IsNaN(v) ? double.NaN : v > 0 ? 1 : v < 0 ? -1 : 0, v => Math.Sign(v));
    public static double Sign(double x) => double.IsNaN(x) ? double.NaN : x > 0 ? 1 : x < 0 ? -1 : 0;

    public static NdArray Reciprocal(NdArray a) => UnaryKeep(a, v => 1.0 / v, v => v == 0 ? long.MinValue : 1 / v);

    /// <summary><c>~a</c> / <c>np.invert</c> / <c>np.logical_not</c> on bool arrays; bitwise not on integers.</summary>
    public static NdArray Invert(NdArray a)
    {
        if (a.Kind is NpKind.Float32 or NpKind.Float64) throw new TypeError("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
        if (a.Kind == NpKind.Bool) return LogicalNot(a);
        return UnaryKeep(a, v => v, v => ~v);
    }

    public static NdArray LogicalNot(object? a)
    {
        var arr = AsArray(a);
        var t = arr.Truths();
        return NdArray.FromBools(System.Array.ConvertAll(t, b => !b), arr.Dims);
    }

    public static NdArray LogicalAnd(object? a, object? b) => NdArray.ApplyArrays(NpBinary.LogicalAnd, a, b);
    public static NdArray LogicalOr(object? a, object? b) => NdArray.ApplyArrays(NpBinary.LogicalOr, a, b);
    public static NdArray LogicalXor(object? a, object? b) => NdArray.ApplyArrays(NpBinary.LogicalXor, a, b);

    public static NdArray IsNaN(NdArray a) => Test(a, double.IsNaN);
    public static bool IsNaN(double x) => double.IsNaN(x);
    public static NdArray IsInf(NdArray a) => Test(a, double.IsInfinity);
    public static bool IsInf(double x) => double.IsInfinity(x);
    public static NdArray IsFinite(NdArray a) => Test(a, double.IsFinite);
    public static bool IsFinite(double x) => double.IsFinite(x);

    private static NdArray Test(NdArray a, Func<double, bool> f) => NdArray.FromBools(System.Array.ConvertAll(a.ToDoubles(), v => f(v)), a.Dims);

    // ---- binary ufuncs as functions ----

    public static object Add(object? a, object? b) => NdArray.Apply(NpBinary.Add, a, b);
    public static object Subtract(object? a, object? b) => NdArray.Apply(NpBinary.Subtract, a, b);
    public static object Multiply(object? a, object? b) => NdArray.Apply(NpBinary.Multiply, a, b);
    public static object Divide(object? a, object? b) => NdArray.Apply(NpBinary.TrueDivide, a, b);
    public static object FloorDivide(object? a, object? b) => NdArray.Apply(NpBinary.FloorDivide, a, b);
    public static object Mod(object? a, object? b) => NdArray.Apply(NpBinary.Mod, a, b);
    public static object Power(object? a, object? b) => NdArray.Apply(NpBinary.Power, a, b);
    public static object Maximum(object? a, object? b) => NdArray.Apply(NpBinary.Maximum, a, b);
    public static object Minimum(object? a, object? b) => NdArray.Apply(NpBinary.Minimum, a, b);
    public static object FMax(object? a, object? b) => NdArray.Apply(NpBinary.FMax, a, b);
    public static object FMin(object? a, object? b) => NdArray.Apply(NpBinary.FMin, a, b);
    public static object Arctan2(object? a, object? b) => NdArray.Apply(NpBinary.Arctan2, a, b);
    public static object Hypot(object? a, object? b) => NdArray.Apply(NpBinary.Hypot, a, b);

    /// <summary>Array-typed forms, for operands the transpiler knows are arrays.</summary>
    public static NdArray AddA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.Add, a, b);
    public static NdArray SubtractA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.Subtract, a, b);
    public static NdArray MultiplyA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.Multiply, a, b);
    public static NdArray DivideA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.TrueDivide, a, b);
    public static NdArray FloorDivideA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.FloorDivide, a, b);
    public static NdArray ModA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.Mod, a, b);
    public static NdArray PowerA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.Power, a, b);
    public static NdArray MaximumA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.Maximum, a, b);
    public static NdArray MinimumA(object? a, object? b) => NdArray.ApplyArrays(NpBinary.Minimum, a, b);

    /// <summary><c>np.clip(a, a_min, a_max)</c> (either bound may be None).</summary>
    public static NdArray Clip(NdArray a, object? low, object? high)
    {
        var r = a;
        if (low is not null) r = NdArray.ApplyArrays(NpBinary.Maximum, r, low);
        if (high is not null) r = NdArray.ApplyArrays(NpBinary.Minimum, r, high);
        return ReferenceEquals(r, a) ? a.Copy() : r;
    }

    public static double Clip(double x, double low, double high) => Math.Min(Math.Max(x, low), high);

    /// <summary><c>np.round(a, decimals)</c> / <c>np.around</c> / <c>a.round()</c>: numpy's multiply-rint-divide.</summary>
    public static NdArray Round(NdArray a, long decimals = 0)
    {
        if (a.Kind is not (NpKind.Float32 or NpKind.Float64))
        {
            if (decimals >= 0) return a.Copy();
            double f = Math.Pow(10, -decimals);
            var l = a.ToLongs();
            for (int i = 0; i < l.Length; i++) l[i] = (long)(NpMath.Rint(l[i] / f) * f);
            return NdArray.FromLongs(l, a.Dims, a.Kind);
        }
        return UnaryFloat(a, v => NpMath.Round(v, (int)decimals));
    }

    public static double Round(double x, long decimals = 0) => NpMath.Round(x, (int)decimals);

    public static object Round(object? x, long decimals = 0) => x is NdArray a ? Round(a, decimals) : x is IEnumerable and not string ? Round(Array(x), decimals) : Round(ToDouble(x), decimals);

    /// <summary>
    /// <c>x.round(decimals)</c> on a value only known at run time: numpy arrays and numpy scalars (a reduction's
    /// result) round as numpy does, integers stay integers; anything else calls its own <c>round</c> method.
    /// </summary>
    public static object? RoundMethod(object? x, long decimals = 0) => x switch
    {
        NdArray a => Round(a, decimals),
        double or float => Round(ToDouble(x), decimals),
        PyInt or long or int => Round(Array(x), decimals).Item(),
        _ => Dyn.CallMethod(x, "round", new PyInt(decimals)),
    };

    /// <summary><c>np.where(cond, x, y)</c></summary>
    public static NdArray Where(object? condition, object? x, object? y)
    {
        var c = AsArray(condition);
        var a = NdArray.Operand(x, out bool sa);
        var b = NdArray.Operand(y, out bool sb);
        NpKind kind = (sa, sb) switch
        {
            (true, false) => NpDType.PromoteScalar(b.Kind, a.Kind),
            (false, true) => NpDType.PromoteScalar(a.Kind, b.Kind),
            _ => NpDType.Promote(a.Kind, b.Kind),
        };
        var shape = NdArray.BroadcastShape(NdArray.BroadcastShape(c.Dims, a.Dims, "operands could not be broadcast together"), b.Dims,
            $"operands could not be broadcast together with shapes {NdArray.ShapeText(c.Dims)} {NdArray.ShapeText(a.Dims)} {NdArray.ShapeText(b.Dims)} ");
        var t = c.BroadcastTo(shape).Truths();
        if (kind is NpKind.Float32 or NpKind.Float64)
        {
            var xa = a.BroadcastTo(shape).ToDoubles();
            var ya = b.BroadcastTo(shape).ToDoubles();
            var r = new double[t.Length];
            for (int i = 0; i < r.Length; i++) r[i] = t[i] ? xa[i] : ya[i];
            return NdArray.FromDoubles(r, shape, kind);
        }
        if (kind == NpKind.Str)
        {
            // numbers beside strings become strings, as numpy's result dtype '<U..' makes them
            a = a.Kind == NpKind.Str ? a : a.AsType(NpDType.Str(0));
            b = b.Kind == NpKind.Str ? b : b.AsType(NpDType.Str(0));
        }
        var xl = kind == NpKind.Str ? a.BroadcastTo(shape).Codes() : a.BroadcastTo(shape).ToLongs();
        var yl = kind == NpKind.Str ? b.BroadcastTo(shape).Codes() : b.BroadcastTo(shape).ToLongs();
        var rl = new long[t.Length];
        for (int i = 0; i < rl.Length; i++) rl[i] = t[i] ? xl[i] : yl[i];
        return NdArray.FromLongs(rl, shape, kind).WithStrWidth(Math.Max(a.StrWidth, b.StrWidth));
    }

    /// <summary><c>np.nan_to_num(x, nan=0.0)</c></summary>
    public static NdArray NanToNum(NdArray a, double nan = 0.0)
    {
        if (a.Kind is not (NpKind.Float32 or NpKind.Float64)) return a.Copy();
        return UnaryFloat(a, v => double.IsNaN(v) ? nan : double.IsPositiveInfinity(v) ? double.MaxValue : double.IsNegativeInfinity(v) ? double.MinValue : v);
    }
}
