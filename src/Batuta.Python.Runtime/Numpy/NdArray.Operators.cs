using System.Numerics;
using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>The binary ufuncs behind numpy's operators.</summary>
public enum NpBinary
{
    Add, Subtract, Multiply, TrueDivide, FloorDivide, Mod, Power,
    Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
    BitAnd, BitOr, BitXor, Maximum, Minimum, FMax, FMin, Arctan2, Hypot,
    LogicalAnd, LogicalOr, LogicalXor,
}

public sealed partial class NdArray
{
    private static string UfuncName(NpBinary op) => op switch
    {
        NpBinary.Add => "add", NpBinary.Subtract => "subtract", NpBinary.Multiply => "multiply", NpBinary.TrueDivide => "true_divide",
        NpBinary.FloorDivide => "floor_divide", NpBinary.Mod => "remainder", NpBinary.Power => "power",
        NpBinary.Equal => "equal", NpBinary.NotEqual => "not_equal", NpBinary.Less => "less", NpBinary.LessEqual => "less_equal",
        NpBinary.Greater => "greater", NpBinary.GreaterEqual => "greater_equal",
        NpBinary.BitAnd => "bitwise_and", NpBinary.BitOr => "bitwise_or", NpBinary.BitXor => "bitwise_xor",
        NpBinary.Maximum => "maximum", NpBinary.Minimum => "minimum", NpBinary.FMax => "fmax", NpBinary.FMin => "fmin",
        NpBinary.Arctan2 => "arctan2", NpBinary.Hypot => "hypot",
        NpBinary.LogicalAnd => "logical_and", NpBinary.LogicalOr => "logical_or", _ => "logical_xor",
    };

    /// <summary>A Python operand of a ufunc as an array: arrays pass through, scalars become 0-d arrays of their category.</summary>
    internal static NdArray Operand(object? x, out bool isScalar)
    {
        isScalar = x is not NdArray;
        return x switch
        {
            NdArray a => a,
            double d => Np.Scalar(d),
            float f => Np.Scalar((double)f),
            PyInt i => Np.Scalar(i),
            long l => Np.Scalar(new PyInt(l)),
            int n => Np.Scalar(new PyInt(n)),
            bool b => Np.Scalar(b),
            _ => Np.Array(x),
        };
    }

    /// <summary>A binary ufunc on two operands (arrays or Python scalars), with numpy's type rules and broadcasting.</summary>
    public static object Apply(NpBinary op, object? x, object? y)
    {
        var a = Operand(x, out bool sa);
        var b = Operand(y, out bool sb);
        var r = Binary(op, a, b, sa, sb);
        return sa && sb ? r.Item().OrThrow() : r;
    }

    internal static NdArray Binary(NpBinary op, NdArray a, NdArray b, bool aScalar = false, bool bScalar = false)
    {
        if (a.Kind == NpKind.Str || b.Kind == NpKind.Str) return StrBinary(op, a, b);
        NpKind kind = (aScalar, bScalar) switch
        {
            (true, false) => NpDType.PromoteScalar(b.Kind, a.Kind),
            (false, true) => NpDType.PromoteScalar(a.Kind, b.Kind),
            _ => NpDType.Promote(a.Kind, b.Kind),
        };
        var shape = BroadcastShape(a.DimsInternal, b.DimsInternal, $"operands could not be broadcast together with shapes {ShapeText(a.DimsInternal)} {ShapeText(b.DimsInternal)} ");
        bool isFloat = kind is NpKind.Float32 or NpKind.Float64;
        switch (op)
        {
            case NpBinary.Add or NpBinary.Subtract or NpBinary.Multiply:
                if (kind == NpKind.Bool)
                {
                    if (op == NpBinary.Subtract) throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
                    return Logical(op == NpBinary.Add ? NpBinary.LogicalOr : NpBinary.LogicalAnd, a, b, shape);
                }
                return kind switch
                {
                    NpKind.Float64 => new NdArray(Arith(op, a.StorageAs<double>(), b.StorageAs<double>()), kind),
                    NpKind.Float32 => new NdArray(Arith(op, a.StorageAs<float>(), b.StorageAs<float>()), kind),
                    NpKind.Int32 => new NdArray(Arith(op, a.StorageAs<int>(), b.StorageAs<int>()), kind),
                    _ => new NdArray(Arith(op, a.StorageAs<long>(), b.StorageAs<long>()), kind),
                };
            case NpBinary.TrueDivide:
                if (kind == NpKind.Float32) return new NdArray(Tensor.Divide(a.StorageAs<float>(), b.StorageAs<float>()), kind);
                return new NdArray(Tensor.Divide(a.StorageAs<double>(), b.StorageAs<double>()), NpKind.Float64);
            case NpBinary.FloorDivide or NpBinary.Mod:
                if (isFloat) return FloatLoop(a, b, shape, kind, op == NpBinary.FloorDivide ? NpMath.FloorDivide : NpMath.Mod);
                if (kind == NpKind.Bool) kind = NpKind.Int64;
                return IntLoop(a, b, shape, kind, op == NpBinary.FloorDivide ? NpMath.FloorDivide : NpMath.Mod);
            case NpBinary.Power:
                if (isFloat) return FloatLoop(a, b, shape, kind, Math.Pow);
                if (kind == NpKind.Bool) kind = NpKind.Int64;
                return IntLoop(a, b, shape, kind, NpMath.IntPower);
            case NpBinary.Maximum or NpBinary.Minimum or NpBinary.FMax or NpBinary.FMin:
            {
                Func<double, double, double> f = op switch
                {
                    NpBinary.Maximum => (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Max(x, y),
                    NpBinary.Minimum => (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Min(x, y),
                    NpBinary.FMax => (x, y) => double.IsNaN(x) ? y : double.IsNaN(y) ? x : Math.Max(x, y),
                    _ => (x, y) => double.IsNaN(x) ? y : double.IsNaN(y) ? x : Math.Min(x, y),
                };
                if (isFloat) return FloatLoop(a, b, shape, kind, f);
                Func<long, long, long> g = op is NpBinary.Maximum or NpBinary.FMax ? Math.Max : Math.Min;
                return IntLoop(a, b, shape, kind, g);
            }
            case NpBinary.Arctan2 or NpBinary.Hypot:
                return FloatLoop(a, b, shape, isFloat ? kind : NpKind.Float64, op == NpBinary.Arctan2 ? Math.Atan2 : NpMath.Hypot);
            case NpBinary.BitAnd or NpBinary.BitOr or NpBinary.BitXor:
                if (isFloat) throw new TypeError($"ufunc '{UfuncName(op)}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
                if (kind == NpKind.Bool) return Logical(op == NpBinary.BitAnd ? NpBinary.LogicalAnd : op == NpBinary.BitOr ? NpBinary.LogicalOr : NpBinary.LogicalXor, a, b, shape);
                return IntLoop(a, b, shape, kind, op == NpBinary.BitAnd ? (x, y) => x & y : op == NpBinary.BitOr ? (x, y) => x | y : (x, y) => x ^ y);
            case NpBinary.LogicalAnd or NpBinary.LogicalOr or NpBinary.LogicalXor:
                return Logical(op, a, b, shape);
            default:
                return Compare(op, a, b, shape, isFloat);
        }
    }

    private static Tensor<T> Arith<T>(NpBinary op, Tensor<T> x, Tensor<T> y) where T : unmanaged, INumber<T> => op switch
    {
        NpBinary.Add => Tensor.Add(x, y),
        NpBinary.Subtract => Tensor.Subtract(x, y),
        _ => Tensor.Multiply(x, y),
    };

    private static NdArray FloatLoop(NdArray a, NdArray b, int[] shape, NpKind kind, Func<double, double, double> f)
    {
        var x = a.BroadcastTo(shape).ToDoubles();
        var y = b.BroadcastTo(shape).ToDoubles();
        var r = new double[x.Length];
        for (int i = 0; i < r.Length; i++) r[i] = f(x[i], y[i]);
        return FromDoubles(r, shape, kind);
    }

    private static NdArray IntLoop(NdArray a, NdArray b, int[] shape, NpKind kind, Func<long, long, long> f)
    {
        var x = a.BroadcastTo(shape).ToLongs();
        var y = b.BroadcastTo(shape).ToLongs();
        var r = new long[x.Length];
        for (int i = 0; i < r.Length; i++) r[i] = f(x[i], y[i]);
        if (kind == NpKind.Int32) for (int i = 0; i < r.Length; i++) r[i] = (int)r[i];
        return FromLongs(r, shape, kind);
    }

    private static NdArray Logical(NpBinary op, NdArray a, NdArray b, int[] shape)
    {
        var x = a.BroadcastTo(shape).Truths();
        var y = b.BroadcastTo(shape).Truths();
        var r = new long[x.Length];
        for (int i = 0; i < r.Length; i++)
            r[i] = op switch { NpBinary.LogicalAnd => x[i] && y[i], NpBinary.LogicalOr => x[i] || y[i], _ => x[i] != y[i] } ? 1 : 0;
        return FromLongs(r, shape, NpKind.Bool);
    }

    /// <summary>Each element's truth value (non-zero; NaN is true).</summary>
    internal bool[] Truths()
    {
        if (Kind is NpKind.Float32 or NpKind.Float64) return Array.ConvertAll(ToDoubles(), d => d != 0 || double.IsNaN(d));
        return Array.ConvertAll(ToLongs(), l => l != 0);
    }

    /// <summary>
    /// Ufuncs on string arrays: comparisons (equality on the interned codes, ordering by code point); a string
    /// compared with a number is unequal everywhere; anything else has no loop in numpy either.
    /// </summary>
    private static NdArray StrBinary(NpBinary op, NdArray a, NdArray b)
    {
        var shape = BroadcastShape(a.DimsInternal, b.DimsInternal, $"operands could not be broadcast together with shapes {ShapeText(a.DimsInternal)} {ShapeText(b.DimsInternal)} ");
        int n = shape.Aggregate(1, (p, q) => p * q);
        if (op is not (NpBinary.Equal or NpBinary.NotEqual or NpBinary.Less or NpBinary.LessEqual or NpBinary.Greater or NpBinary.GreaterEqual))
            throw new TypeError($"ufunc '{UfuncName(op)}' did not contain a loop with signature matching types (dtype('{a.DType.Name}'), dtype('{b.DType.Name}')) -> None");
        var r = new bool[n];
        if (a.Kind != b.Kind)
        {
            if (op is NpBinary.Equal or NpBinary.NotEqual)
            {
                System.Array.Fill(r, op == NpBinary.NotEqual);
                return FromBools(r, shape);
            }
            throw new TypeError($"'{(op switch { NpBinary.Less => "<", NpBinary.LessEqual => "<=", NpBinary.Greater => ">", _ => ">=" })}' not supported between instances of 'str' and a number array");
        }
        var x = a.BroadcastTo(shape).Codes();
        var y = b.BroadcastTo(shape).Codes();
        for (int i = 0; i < n; i++)
        {
            r[i] = op switch
            {
                NpBinary.Equal => x[i] == y[i],
                NpBinary.NotEqual => x[i] != y[i],
                _ => (op, string.CompareOrdinal(NpStrings.Of(x[i]), NpStrings.Of(y[i]))) switch
                {
                    (NpBinary.Less, var c) => c < 0,
                    (NpBinary.LessEqual, var c) => c <= 0,
                    (NpBinary.Greater, var c) => c > 0,
                    (_, var c) => c >= 0,
                },
            };
        }
        return FromBools(r, shape);
    }

    private static NdArray Compare(NpBinary op, NdArray a, NdArray b, int[] shape, bool isFloat)
    {
        var r = new long[shape.Aggregate(1, (p, q) => p * q)];
        if (isFloat)
        {
            var x = a.BroadcastTo(shape).ToDoubles();
            var y = b.BroadcastTo(shape).ToDoubles();
            for (int i = 0; i < r.Length; i++)
            {
                bool v = op switch
                {
                    NpBinary.Equal => x[i] == y[i],
                    NpBinary.NotEqual => x[i] != y[i],
                    NpBinary.Less => x[i] < y[i],
                    NpBinary.LessEqual => x[i] <= y[i],
                    NpBinary.Greater => x[i] > y[i],
                    _ => x[i] >= y[i],
                };
                r[i] = v ? 1 : 0;
            }
        }
        else
        {
            var x = a.BroadcastTo(shape).ToLongs();
            var y = b.BroadcastTo(shape).ToLongs();
            for (int i = 0; i < r.Length; i++)
            {
                bool v = op switch
                {
                    NpBinary.Equal => x[i] == y[i],
                    NpBinary.NotEqual => x[i] != y[i],
                    NpBinary.Less => x[i] < y[i],
                    NpBinary.LessEqual => x[i] <= y[i],
                    NpBinary.Greater => x[i] > y[i],
                    _ => x[i] >= y[i],
                };
                r[i] = v ? 1 : 0;
            }
        }
        return FromLongs(r, shape, NpKind.Bool);
    }

    // ---- in place (a += b): the result is cast back into a, numpy's 'same_kind' rule ----

    /// <summary><c>a op= b</c>: computes, then writes into <paramref name="a"/> (other views of its memory see the change). Returns a.</summary>
    public static NdArray InPlace(NpBinary op, NdArray a, object? b)
    {
        var rb = Operand(b, out bool scalar);
        var r = Binary(op, a, rb, false, scalar);
        if (r.Kind > a.Kind && !(a.Kind == NpKind.Int64 && r.Kind == NpKind.Int32) && !(a.Kind == NpKind.Float64 && r.Kind == NpKind.Float32))
        {
            bool ok = a.Kind == NpKind.Float32 && r.Kind == NpKind.Float64 || a.Kind == NpKind.Int32 && r.Kind == NpKind.Int64;
            if (!ok) throw new TypeError($"Cannot cast ufunc '{UfuncName(op)}' output from {r.DType.PyRepr()} to {a.DType.PyRepr()} with casting rule 'same_kind'");
        }
        if (!r.DimsInternal.AsSpan().SequenceEqual(a.DimsInternal))
            throw new ValueError($"non-broadcastable output operand with shape {ShapeText(a.DimsInternal)} doesn't match the broadcast shape {ShapeText(r.DimsInternal)}");
        a.Assign(r);
        return a;
    }

    // ---- C# operators (the transpiler emits these for +, -, *, /, //, %, **, &, |, ^, unary -, ~) ----

    public static NdArray operator +(NdArray a, NdArray b) => Binary(NpBinary.Add, a, b);
    public static NdArray operator +(NdArray a, double b) => Binary(NpBinary.Add, a, Np.Scalar(b), false, true);
    public static NdArray operator +(double a, NdArray b) => Binary(NpBinary.Add, Np.Scalar(a), b, true, false);
    public static NdArray operator +(NdArray a, long b) => Binary(NpBinary.Add, a, Np.Scalar(new PyInt(b)), false, true);
    public static NdArray operator +(long a, NdArray b) => Binary(NpBinary.Add, Np.Scalar(new PyInt(a)), b, true, false);
    public static NdArray operator +(NdArray a, PyInt b) => Binary(NpBinary.Add, a, Np.Scalar(b), false, true);
    public static NdArray operator +(PyInt a, NdArray b) => Binary(NpBinary.Add, Np.Scalar(a), b, true, false);

    public static NdArray operator -(NdArray a, NdArray b) => Binary(NpBinary.Subtract, a, b);
    public static NdArray operator -(NdArray a, double b) => Binary(NpBinary.Subtract, a, Np.Scalar(b), false, true);
    public static NdArray operator -(double a, NdArray b) => Binary(NpBinary.Subtract, Np.Scalar(a), b, true, false);
    public static NdArray operator -(NdArray a, long b) => Binary(NpBinary.Subtract, a, Np.Scalar(new PyInt(b)), false, true);
    public static NdArray operator -(long a, NdArray b) => Binary(NpBinary.Subtract, Np.Scalar(new PyInt(a)), b, true, false);
    public static NdArray operator -(NdArray a, PyInt b) => Binary(NpBinary.Subtract, a, Np.Scalar(b), false, true);
    public static NdArray operator -(PyInt a, NdArray b) => Binary(NpBinary.Subtract, Np.Scalar(a), b, true, false);

    public static NdArray operator *(NdArray a, NdArray b) => Binary(NpBinary.Multiply, a, b);
    public static NdArray operator *(NdArray a, double b) => Binary(NpBinary.Multiply, a, Np.Scalar(b), false, true);
    public static NdArray operator *(double a, NdArray b) => Binary(NpBinary.Multiply, Np.Scalar(a), b, true, false);
    public static NdArray operator *(NdArray a, long b) => Binary(NpBinary.Multiply, a, Np.Scalar(new PyInt(b)), false, true);
    public static NdArray operator *(long a, NdArray b) => Binary(NpBinary.Multiply, Np.Scalar(new PyInt(a)), b, true, false);
    public static NdArray operator *(NdArray a, PyInt b) => Binary(NpBinary.Multiply, a, Np.Scalar(b), false, true);
    public static NdArray operator *(PyInt a, NdArray b) => Binary(NpBinary.Multiply, Np.Scalar(a), b, true, false);

    public static NdArray operator /(NdArray a, NdArray b) => Binary(NpBinary.TrueDivide, a, b);
    public static NdArray operator /(NdArray a, double b) => Binary(NpBinary.TrueDivide, a, Np.Scalar(b), false, true);
    public static NdArray operator /(double a, NdArray b) => Binary(NpBinary.TrueDivide, Np.Scalar(a), b, true, false);
    public static NdArray operator /(NdArray a, long b) => Binary(NpBinary.TrueDivide, a, Np.Scalar(new PyInt(b)), false, true);
    public static NdArray operator /(long a, NdArray b) => Binary(NpBinary.TrueDivide, Np.Scalar(new PyInt(a)), b, true, false);
    public static NdArray operator /(NdArray a, PyInt b) => Binary(NpBinary.TrueDivide, a, Np.Scalar(b), false, true);
    public static NdArray operator /(PyInt a, NdArray b) => Binary(NpBinary.TrueDivide, Np.Scalar(a), b, true, false);

    public static NdArray operator %(NdArray a, NdArray b) => Binary(NpBinary.Mod, a, b);
    public static NdArray operator %(NdArray a, double b) => Binary(NpBinary.Mod, a, Np.Scalar(b), false, true);
    public static NdArray operator %(NdArray a, long b) => Binary(NpBinary.Mod, a, Np.Scalar(new PyInt(b)), false, true);
    public static NdArray operator %(NdArray a, PyInt b) => Binary(NpBinary.Mod, a, Np.Scalar(b), false, true);

    public static NdArray operator &(NdArray a, NdArray b) => Binary(NpBinary.BitAnd, a, b);
    public static NdArray operator |(NdArray a, NdArray b) => Binary(NpBinary.BitOr, a, b);
    public static NdArray operator ^(NdArray a, NdArray b) => Binary(NpBinary.BitXor, a, b);

    public static NdArray operator -(NdArray a) => Np.Negative(a);

    public static NdArray operator ~(NdArray a) => Np.Invert(a);

    // ---- comparisons: methods, since C# == must return bool ----

    public static NdArray Eq(object? a, object? b) => (NdArray)ApplyArrays(NpBinary.Equal, a, b);
    public static NdArray Ne(object? a, object? b) => (NdArray)ApplyArrays(NpBinary.NotEqual, a, b);
    public static NdArray Lt(object? a, object? b) => (NdArray)ApplyArrays(NpBinary.Less, a, b);
    public static NdArray Le(object? a, object? b) => (NdArray)ApplyArrays(NpBinary.LessEqual, a, b);
    public static NdArray Gt(object? a, object? b) => (NdArray)ApplyArrays(NpBinary.Greater, a, b);
    public static NdArray Ge(object? a, object? b) => (NdArray)ApplyArrays(NpBinary.GreaterEqual, a, b);

    /// <summary>A binary ufunc where at least one operand is an array: the result is always an array.</summary>
    public static NdArray ApplyArrays(NpBinary op, object? x, object? y)
    {
        var a = Operand(x, out bool sa);
        var b = Operand(y, out bool sb);
        return Binary(op, a, b, sa && !sb, sb && !sa);
    }

    /// <summary>Dynamic operators (values the transpiler could not type): arrays on either side.</summary>
    public static object? Dynamic(string op, object? a, object? b) => op switch
    {
        "+" => Apply(NpBinary.Add, a, b),
        "-" => Apply(NpBinary.Subtract, a, b),
        "*" => Apply(NpBinary.Multiply, a, b),
        "/" => Apply(NpBinary.TrueDivide, a, b),
        "//" => Apply(NpBinary.FloorDivide, a, b),
        "%" => Apply(NpBinary.Mod, a, b),
        "**" => Apply(NpBinary.Power, a, b),
        "&" => Apply(NpBinary.BitAnd, a, b),
        "|" => Apply(NpBinary.BitOr, a, b),
        "^" => Apply(NpBinary.BitXor, a, b),
        "@" => Np.MatMul(a, b),
        _ => throw new TypeError($"unsupported operand type(s) for {op}"),
    };
}

/// <summary>numpy's scalar arithmetic where it differs from Python's: no ZeroDivisionError, Python-style signs for // and %.</summary>
internal static class NpMath
{
    /// <summary>npy_divmod: floor division of doubles, as numpy computes it.</summary>
    public static double FloorDivide(double a, double b)
    {
        if (b == 0) return a / b;
        double mod = FMod(a, b);
        double div = (a - mod) / b;
        if (mod != 0)
        {
            if (b < 0 != mod < 0) div -= 1.0;
        }
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else floordiv = Math.CopySign(0, a / b);
        return floordiv;
    }

    public static double Mod(double a, double b)
    {
        double mod = FMod(a, b);
        if (b == 0) return mod;
        if (mod != 0)
        {
            if (b < 0 != mod < 0) mod += b;
        }
        else mod = Math.CopySign(0, b);
        return mod;
    }

    private static double FMod(double a, double b) => a % b;

    public static long FloorDivide(long a, long b)
    {
        if (b == 0) return 0;
        if (a == long.MinValue && b == -1) return long.MinValue;
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }

    public static long Mod(long a, long b)
    {
        if (b == 0) return 0;
        if (b == -1) return 0;
        long m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) m += b;
        return m;
    }

    public static long IntPower(long a, long b)
    {
        if (b < 0) throw new ValueError("Integers to negative integer powers are not allowed.");
        long result = 1;
        while (b > 0)
        {
            if ((b & 1) != 0) result = unchecked(result * a);
            a = unchecked(a * a);
            b >>= 1;
        }
        return result;
    }

    public static double Hypot(double a, double b) => double.Hypot(a, b);

    /// <summary>log(1 + x) without cancellation (Goldberg's trick); -inf at -1 and NaN below, as numpy gives.</summary>
    public static double Log1p(double x)
    {
        if (double.IsNaN(x) || x < -1) return double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        double u = 1.0 + x;
        if (FloatExact.AreEqual(u, 1.0)) return x;
        if (u == 0.0) return double.NegativeInfinity;
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) - 1 without cancellation (Kahan's trick).</summary>
    public static double Expm1(double x)
    {
        if (double.IsNaN(x) || double.IsPositiveInfinity(x)) return x;
        double u = Math.Exp(x);
        if (FloatExact.AreEqual(u, 1.0)) return x;
        double um1 = u - 1.0;
        if (FloatExact.AreEqual(um1, -1.0)) return -1.0;
        if (double.IsPositiveInfinity(u)) return u;
        return um1 * x / Math.Log(u);
    }

    /// <summary>numpy's rint: round half to even.</summary>
    public static double Rint(double x) => Math.Round(x, MidpointRounding.ToEven);

    /// <summary>numpy's <c>round(x, decimals)</c>: multiply, rint, divide (not Python's correctly rounded round).</summary>
    public static double Round(double x, int decimals)
    {
        if (decimals >= 0)
        {
            double f = Math.Pow(10.0, decimals);
            double y = x * f;
            return Rint(y) / f;
        }
        double g = Math.Pow(10.0, -decimals);
        return Rint(x / g) * g;
    }
}
