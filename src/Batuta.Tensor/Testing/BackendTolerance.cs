using System.Globalization;
using System.Text;

namespace Batuta.Tensors;

/// <summary>How far two backends may disagree for one kind of operation.</summary>
public enum ToleranceClass
{
    /// <summary>Correctly rounded IEEE operations (add, multiply, divide, compare, min/max, copy, integer math): bit-identical.</summary>
    Exact,

    /// <summary>FMA-contracted or reassociated element-wise math (multiply-add, sqrt, polynomials in x).</summary>
    ElementWise,

    /// <summary>exp, log, sin, cos, tanh, sigmoid, GELU, softmax: polynomial approximations.</summary>
    Transcendental,

    /// <summary>Sums, means, variances, dot products over n values: summation order differs between backends.</summary>
    Reduction,

    /// <summary>matmul with inner dimension k: blocking and FMA change the summation order.</summary>
    MatMul,

    /// <summary>Factorisations and solves: error grows with the condition number.</summary>
    LinearAlgebra,
}

/// <summary>|actual - expected| ≤ Absolute + Relative·|expected|, with NaN equal to NaN.</summary>
public readonly record struct Tolerance(double Relative, double Absolute)
{
    public bool IsClose(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual)) return double.IsNaN(expected) && double.IsNaN(actual);
        if (double.IsInfinity(expected) || double.IsInfinity(actual)) return FloatExact.AreEqual(expected, actual);
        return Math.Abs(actual - expected) <= Absolute + Relative * Math.Abs(expected);
    }

    /// <summary>Same relative bound, absolute bound multiplied by the data's magnitude.</summary>
    public Tolerance Scaled(double magnitude) => this with { Absolute = Absolute * Math.Max(magnitude, 1e-300) };
}

/// <summary>
/// The documented cross-backend tolerances (docs/tensor.md has the table). Every backend (scalar,
/// Vector128/256/512, ILGPU) is tested against the scalar reference, and numpy against both, with
/// these bounds. ε is the element type's machine epsilon; n the reduction length; k the inner dimension.
/// </summary>
public static class BackendTolerance
{
    public static double Epsilon<T>() where T : unmanaged, INumber<T> =>
        typeof(T) == typeof(float) ? 1.1920929e-7 : typeof(T) == typeof(double) ? 2.220446049250313e-16 : 0;

    /// <param name="length">n for reductions, k for matmul, the matrix order for linear algebra.</param>
    /// <param name="gpu">ILGPU kernels may use fast-math intrinsics: transcendental bounds widen ×4.</param>
    public static Tolerance For<T>(ToleranceClass kind, int length = 1, bool gpu = false) where T : unmanaged, INumber<T>
    {
        double eps = Epsilon<T>();
        if (eps == 0) return new Tolerance(0, 0);
        double n = Math.Max(length, 1);
        var t = kind switch
        {
            ToleranceClass.Exact => new Tolerance(0, 0),
            ToleranceClass.ElementWise => new Tolerance(4 * eps, 4 * eps),
            ToleranceClass.Transcendental => new Tolerance(32 * eps, 32 * eps),
            ToleranceClass.Reduction => new Tolerance(8 * eps * Math.Sqrt(n), 8 * eps * Math.Sqrt(n)),
            ToleranceClass.MatMul => new Tolerance(8 * eps * Math.Sqrt(n), 8 * eps * Math.Sqrt(n)),
            _ => new Tolerance(1e3 * eps * n, 1e3 * eps * n),
        };
        if (gpu && kind is ToleranceClass.Transcendental) t = new Tolerance(t.Relative * 4, t.Absolute * 4);
        if (gpu && kind is ToleranceClass.Exact or ToleranceClass.ElementWise) t = new Tolerance(4 * eps, 4 * eps);
        return t;
    }

    /// <summary>Index of the first element outside <paramref name="tolerance"/>, or -1.</summary>
    public static int FirstMismatch<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, Tolerance tolerance) where T : unmanaged, INumber<T>
    {
        if (expected.Length != actual.Length) return Math.Min(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (!tolerance.IsClose(double.CreateTruncating(expected[i]), double.CreateTruncating(actual[i]))) return i;
        }
        return -1;
    }

    /// <summary>The table of bounds for float32 and float64, as printed in docs/tensor.md.</summary>
    public static string Describe()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("| class | float32 rtol (n=1) | float64 rtol (n=1) | growth |\n|---|---:|---:|---|\n");
        foreach (var kind in Enum.GetValues<ToleranceClass>())
        {
            string growth = kind switch
            {
                ToleranceClass.Reduction or ToleranceClass.MatMul => "× √n",
                ToleranceClass.LinearAlgebra => "× n",
                _ => "none",
            };
            sb.Append(ci, $"| {kind} | {For<float>(kind).Relative:0.0e+0} | {For<double>(kind).Relative:0.0e+0} | {growth} |\n");
        }
        return sb.ToString();
    }
}
