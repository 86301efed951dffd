using Batuta.Tensors.Backends;
using Batuta.Tensors.Engine;
using Batuta.Tensors.Gpu;
using Batuta.Tensors.Operators;

namespace Batuta.Tensors;

public static partial class Tensor
{
    /// <summary>Sum of all elements. Integer sums wrap in the element type (numpy widens int32 to int64; cast first if that matters).</summary>
    public static T Sum<T>(this Tensor<T> x) where T : unmanaged, INumber<T> => Reduction.All<T, AddOperator<T>>("sum", x, GpuOpCodes.ReduceSum);

    /// <summary>Sum along <paramref name="axis"/> (negative counts from the end).</summary>
    public static Tensor<T> Sum<T>(this Tensor<T> x, int axis, bool keepDims = false, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => Reduction.Axis<T, AddOperator<T>>("sum", x, axis, keepDims, destination);

    public static T Prod<T>(this Tensor<T> x) where T : unmanaged, INumber<T> => Reduction.All<T, MultiplyOperator<T>>("prod", x);

    public static Tensor<T> Prod<T>(this Tensor<T> x, int axis, bool keepDims = false, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => Reduction.Axis<T, MultiplyOperator<T>>("prod", x, axis, keepDims, destination);

    /// <summary>Largest element; NaN if any element is NaN. Throws for an empty tensor (numpy does too).</summary>
    public static T Max<T>(this Tensor<T> x) where T : unmanaged, INumber<T>
    {
        ThrowIfEmpty(x, "max");
        return Reduction.All<T, MaximumOperator<T>>("max", x, GpuOpCodes.ReduceMax);
    }

    public static Tensor<T> Max<T>(this Tensor<T> x, int axis, bool keepDims = false, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => Reduction.Axis<T, MaximumOperator<T>>("max", x, axis, keepDims, destination);

    public static T Min<T>(this Tensor<T> x) where T : unmanaged, INumber<T>
    {
        ThrowIfEmpty(x, "min");
        return Reduction.All<T, MinimumOperator<T>>("min", x, GpuOpCodes.ReduceMin);
    }

    public static Tensor<T> Min<T>(this Tensor<T> x, int axis, bool keepDims = false, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => Reduction.Axis<T, MinimumOperator<T>>("min", x, axis, keepDims, destination);

    /// <summary>Arithmetic mean of all elements (NaN for an empty tensor, as numpy).</summary>
    public static T Mean<T>(this Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => x.Sum() / T.CreateTruncating(x.Length);

    public static Tensor<T> Mean<T>(this Tensor<T> x, int axis, bool keepDims = false, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sum = Reduction.Axis<T, AddOperator<T>>("mean", x, axis, keepDims, destination);
        int len = x.ShapeArray[Layout.NormalizeAxis("mean", axis, x.Rank, x.Shape)];
        return Divide(sum, T.CreateTruncating(len), sum);
    }

    /// <summary>Variance of all elements: Σ(x - mean)² / (n - ddof), computed in two passes.</summary>
    public static unsafe T Var<T>(this Tensor<T> x, double ddof = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        using var c = x.Contiguous();
        if (x.Length == 0) return T.NaN;
        var plan = Dispatch.Plan(OperationCost.Reduction("var", x.Length, 1, sizeof(T), 3, true, false));
        return Statistics.SumSquaredDeviations(c.Pointer, c.Length, plan.SimdBits) / T.CreateTruncating(x.Length - ddof);
    }

    /// <summary>Variance along an axis with numpy's <c>ddof</c>.</summary>
    public static Tensor<T> Var<T>(this Tensor<T> x, int axis, double ddof = 0, bool keepDims = false, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => Reduction.Variance(x, axis, ddof, keepDims, sqrt: false, destination);

    public static T Std<T>(this Tensor<T> x, double ddof = 0) where T : unmanaged, IFloatingPointIeee754<T> => T.Sqrt(x.Var(ddof));

    public static Tensor<T> Std<T>(this Tensor<T> x, int axis, double ddof = 0, bool keepDims = false, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => Reduction.Variance(x, axis, ddof, keepDims, sqrt: true, destination);

    /// <summary>Flat (C-order) index of the first largest element; the first NaN wins, as in numpy.</summary>
    public static unsafe long ArgMax<T>(this Tensor<T> x) where T : unmanaged, INumber<T>
    {
        ThrowIfEmpty(x, "argmax");
        using var c = x.Contiguous();
        return Statistics.ArgExtreme(c.Pointer, 1, c.Length, max: true);
    }

    public static Tensor<long> ArgMax<T>(this Tensor<T> x, int axis, bool keepDims = false) where T : unmanaged, INumber<T>
        => Reduction.ArgExtreme("argmax", x, axis, keepDims, max: true);

    public static unsafe long ArgMin<T>(this Tensor<T> x) where T : unmanaged, INumber<T>
    {
        ThrowIfEmpty(x, "argmin");
        using var c = x.Contiguous();
        return Statistics.ArgExtreme(c.Pointer, 1, c.Length, max: false);
    }

    public static Tensor<long> ArgMin<T>(this Tensor<T> x, int axis, bool keepDims = false) where T : unmanaged, INumber<T>
        => Reduction.ArgExtreme("argmin", x, axis, keepDims, max: false);

    private static void ThrowIfEmpty<T>(Tensor<T> x, string op) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        if (x.Length == 0) throw new ArgumentException($"{op}: zero-size array {x.Shape} to reduction operation which has no identity.");
    }
}
