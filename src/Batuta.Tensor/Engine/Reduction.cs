using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;
using Batuta.Tensors.Operators;
using Batuta.Tensors.Primitives;

namespace Batuta.Tensors.Engine;

/// <summary>
/// Reductions over all elements or along one axis. Along an axis the (contiguous) input is seen as
/// (outer, length, inner): with inner = 1 each output is a SIMD fold of a contiguous row; otherwise
/// whole rows are combined element-wise into the output (SIMD across the inner axis), which is the
/// cache-friendly order for C-contiguous data.
/// </summary>
internal static unsafe class Reduction
{
    public static T All<T, TAgg>(string op, Tensor<T> x, int gpuCode = -1) where T : unmanaged, INumber<T> where TAgg : IAggregationOperator<T>
    {
        // Fast path: contiguous, small, no override: straight to the SIMD fold.
        if (IsSmallContiguous(x))
            return x.Length == 0 ? TAgg.Identity : SimdLoops.AggregateCore<T, IdentityOperator<T>, TAgg>(ref x.Reference, (nuint)x.Length, TAgg.Vectorizable ? SimdWidth.HardwareBits : 0);
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        int n = x.Length;
        var plan = Dispatch.Plan(OperationCost.Reduction(op, n, 1, sizeof(T), 1, TAgg.Vectorizable, HasGpuReduction<T>(gpuCode)));
        if (n == 0) return TAgg.Identity;
        if (plan.IsGpu && gpuCode >= 0 && GpuElementWise.TryReduceAll(x, gpuCode, out T gpuResult)) return gpuResult;
        if (x.IsContiguous) return Contiguous<T, TAgg>(x.Pointer, n, plan.SimdBits);
        using var c = x.Clone();
        return Contiguous<T, TAgg>(c.Pointer, n, plan.SimdBits);
    }

    /// <summary>Contiguous, below the planning threshold, and no backend override in force.</summary>
    private static bool IsSmallContiguous<T>(Tensor<T> x) where T : unmanaged, INumber<T> =>
        x is not null && x.IsContiguous && x.Length < Dispatch.SmallElements && BackendScope.ActiveCount == 0 && BackendSelector.ProcessDefault == ComputeBackend.Auto;

    /// <summary>The GPU reduces all elements only for float and double, and only when the caller names a reduction code.</summary>
    private static bool HasGpuReduction<T>(int gpuCode) => gpuCode >= 0 && (typeof(T) == typeof(float) || typeof(T) == typeof(double));

    private static T Contiguous<T, TAgg>(T* p, int n, int bits) where T : unmanaged, INumber<T> where TAgg : IAggregationOperator<T>
    {
        if (n < Parallelism.ReductionThreshold || Parallelism.Workers <= 1)
            return SimdLoops.AggregateCore<T, IdentityOperator<T>, TAgg>(ref Unsafe.AsRef<T>(p), (nuint)n, bits);
        var partial = new T[Parallelism.ChunkCount(n)];
        nint addr = (nint)p;
        Parallelism.ForChunks(n, (i, start, len) =>
            partial[i] = SimdLoops.AggregateCore<T, IdentityOperator<T>, TAgg>(ref Unsafe.AsRef<T>((T*)addr + start), (nuint)len, bits));
        T acc = partial[0];
        for (int i = 1; i < partial.Length; i++) acc = TAgg.Invoke(acc, partial[i]);
        return acc;
    }

    /// <summary>Fold along <paramref name="axis"/> with <typeparamref name="TAgg"/>.</summary>
    public static Tensor<T> Axis<T, TAgg>(string op, Tensor<T> x, int axis, bool keepDims, Tensor<T>? destination)
        where T : unmanaged, INumber<T> where TAgg : IAggregationOperator<T>
    {
        var (outer, len, inner, outShape) = Geometry(op, x, axis, keepDims);
        var result = Output(op, outShape, destination, out var target);
        var plan = Dispatch.Plan(OperationCost.Reduction(op, x.Length, result.Length, sizeof(T), 1, TAgg.Vectorizable, false));
        using var c = x.Contiguous();
        T* src = c.Pointer;
        T* dst = target.Pointer;
        int bits = plan.SimdBits;
        if (len == 0)
        {
            if (result.Length > 0 && !IsSumLike<T, TAgg>())
                throw new ArgumentException($"{op}: zero-size array to reduction operation which has no identity (axis {axis} of {x.Shape} is empty).");
            new Span<T>(dst, result.Length).Fill(TAgg.Identity);
        }
        else
        {
            ForOuter(outer, (long)len * inner, o =>
            {
                T* row = src + (long)o * len * inner;
                T* outRow = dst + (long)o * inner;
                if (inner == 1)
                {
                    *outRow = SimdLoops.AggregateCore<T, IdentityOperator<T>, TAgg>(ref Unsafe.AsRef<T>(row), (nuint)len, bits);
                    return;
                }
                new ReadOnlySpan<T>(row, inner).CopyTo(new Span<T>(outRow, inner));
                for (int a = 1; a < len; a++)
                    SimdLoops.BinaryCore<T, TAgg>(ref Unsafe.AsRef<T>(outRow), ref Unsafe.AsRef<T>(row + (long)a * inner), ref Unsafe.AsRef<T>(outRow), (nuint)inner, bits);
            });
        }
        return ElementWise.Checked(op, Finish(result, target));
    }

    /// <summary>Variance along an axis, two-pass (mean, then squared deviations), divided by length - ddof.</summary>
    public static Tensor<T> Variance<T>(Tensor<T> x, int axis, double ddof, bool keepDims, bool sqrt, Tensor<T>? destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string op = sqrt ? "std" : "var";
        var (outer, len, inner, outShape) = Geometry(op, x, axis, keepDims);
        var result = Output(op, outShape, destination, out var target);
        var plan = Dispatch.Plan(OperationCost.Reduction(op, x.Length, result.Length, sizeof(T), 3, true, false));
        using var c = x.Contiguous();
        T* src = c.Pointer;
        T* dst = target.Pointer;
        int bits = plan.SimdBits;
        T divisor = T.CreateTruncating(len - ddof);
        T count = T.CreateTruncating(len);
        if (len == 0)
        {
            new Span<T>(dst, result.Length).Fill(T.NaN);
            return ElementWise.Checked(op, Finish(result, target));
        }
        ForOuter(outer, 3L * len * inner, o =>
        {
            T* row = src + (long)o * len * inner;
            T* outRow = dst + (long)o * inner;
            if (inner == 1)
            {
                T v = Statistics.SumSquaredDeviations(row, len, bits) / divisor;
                *outRow = sqrt ? T.Sqrt(v) : v;
                return;
            }
            StridedVariance(row, outRow, len, inner, bits, count, divisor, sqrt);
        });
        return Finish(result, target);
    }

    /// <summary>
    /// Variance along a non-innermost axis for one outer index: whole rows combine element-wise (SIMD across the
    /// inner axis): the mean, then Σ (x - mean)² accumulated into the output row, then divided (and rooted for std).
    /// </summary>
    private static void StridedVariance<T>(T* row, T* outRow, int len, int inner, int bits, T count, T divisor, bool sqrt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var mean = new T[inner];
        fixed (T* m = mean)
        {
            for (int a = 0; a < len; a++)
                SimdLoops.BinaryCore<T, AddOperator<T>>(ref Unsafe.AsRef<T>(m), ref Unsafe.AsRef<T>(row + (long)a * inner), ref Unsafe.AsRef<T>(m), (nuint)inner, bits);
            for (int j = 0; j < inner; j++) m[j] /= count;
            var dev = new T[inner];
            new Span<T>(outRow, inner).Clear();
            fixed (T* d = dev)
            {
                for (int a = 0; a < len; a++)
                {
                    SimdLoops.BinaryCore<T, SubtractOperator<T>>(ref Unsafe.AsRef<T>(row + (long)a * inner), ref Unsafe.AsRef<T>(m), ref Unsafe.AsRef<T>(d), (nuint)inner, bits);
                    SimdLoops.TernaryCore<T, MultiplyAddOperator<T>>(ref Unsafe.AsRef<T>(d), 1, ref Unsafe.AsRef<T>(d), 1, ref Unsafe.AsRef<T>(outRow), 1, ref Unsafe.AsRef<T>(outRow), (nuint)inner, bits);
                }
            }
            for (int j = 0; j < inner; j++)
            {
                T v = outRow[j] / divisor;
                outRow[j] = sqrt ? T.Sqrt(v) : v;
            }
        }
    }

    /// <summary>Index of the first maximum (or minimum) along an axis; NaN wins, as in numpy.</summary>
    public static Tensor<long> ArgExtreme<T>(string op, Tensor<T> x, int axis, bool keepDims, bool max) where T : unmanaged, INumber<T>
    {
        var (outer, len, inner, outShape) = Geometry(op, x, axis, keepDims);
        if (len == 0) throw new ArgumentException($"{op}: attempt to get {op} of an empty sequence (axis {axis} of {x.Shape} is empty).");
        var result = Tensor<long>.Allocate(outShape, clear: false);
        using var c = x.Contiguous();
        T* src = c.Pointer;
        long* dst = result.Pointer;
        ForOuter(outer, (long)len * inner, o =>
        {
            for (int j = 0; j < inner; j++)
            {
                T* p = src + (long)o * len * inner + j;
                dst[(long)o * inner + j] = Statistics.ArgExtreme(p, inner, len, max);
            }
        });
        return result;
    }

    internal static (int Outer, int Length, int Inner, int[] OutShape) Geometry<T>(string op, Tensor<T> x, int axis, bool keepDims) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        int a = Layout.NormalizeAxis(op, axis, x.Rank, x.Shape);
        var shape = x.ShapeArray;
        int outer = 1, inner = 1;
        for (int i = 0; i < a; i++) outer *= shape[i];
        for (int i = a + 1; i < shape.Length; i++) inner *= shape[i];
        var outShape = keepDims ? shape.Select((d, i) => i == a ? 1 : d).ToArray() : shape.Where((_, i) => i != a).ToArray();
        return (outer, shape[a], inner, outShape);
    }

    private static Tensor<T> Output<T>(string op, int[] shape, Tensor<T>? destination, out Tensor<T> target) where T : unmanaged, INumber<T>
    {
        Tensor<T> result;
        if (destination is null) result = Tensor<T>.Allocate(shape, clear: false);
        else
        {
            destination.ThrowIfDisposed();
            if (!destination.ShapeArray.AsSpan().SequenceEqual(shape))
                throw new TensorShapeException(op, new TensorShape(shape), destination.Shape, "differ: the reduction result has the first shape but the destination has the second.");
            result = destination;
        }
        target = result.IsContiguous ? result : Tensor<T>.Allocate(shape, clear: false);
        return result;
    }

    private static Tensor<T> Finish<T>(Tensor<T> result, Tensor<T> target) where T : unmanaged, INumber<T>
    {
        if (!ReferenceEquals(result, target))
        {
            result.CopyFrom(target);
            target.Dispose();
        }
        return result;
    }

    private static bool IsSumLike<T, TAgg>() where T : unmanaged, INumber<T> where TAgg : IAggregationOperator<T> =>
        typeof(TAgg) == typeof(AddOperator<T>) || typeof(TAgg) == typeof(MultiplyOperator<T>);

    /// <summary>Runs <paramref name="body"/> for each outer index, split across cores when the total work is large.</summary>
    internal static void ForOuter(int outer, long workPerOuter, Action<int> body)
    {
        int workers = Parallelism.Workers;
        if (outer < 2 || workers <= 1 || outer * workPerOuter < Parallelism.RowWorkThreshold)
        {
            for (int o = 0; o < outer; o++) body(o);
            return;
        }
        workers = Math.Min(workers, outer);
        Parallelism.For(workers, w =>
        {
            for (int o = outer * w / workers; o < outer * (w + 1) / workers; o++) body(o);
        });
    }
}
