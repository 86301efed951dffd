using Batuta.Tensors.Backends;
using Batuta.Tensors.Engine;
using Batuta.Tensors.Operators;
using Batuta.Tensors.Primitives;

namespace Batuta.Tensors;

public static partial class Tensor
{
    /// <summary>max(x, 0).</summary>
    public static Tensor<T> Relu<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Unary<T, ReluOperator<T>>("relu", x, destination);

    /// <summary>1 / (1 + e^-x), SIMD through the exp polynomial.</summary>
    public static Tensor<T> Sigmoid<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => ElementWise.Unary<T, SigmoidOperator<T>>("sigmoid", x, destination, 20, Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>SiLU: x · sigmoid(x).</summary>
    public static Tensor<T> Silu<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => ElementWise.Unary<T, SiluOperator<T>>("silu", x, destination, 20, Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>Swish: x · sigmoid(β·x); β = 1 is <see cref="Silu{T}"/>.</summary>
    public static Tensor<T> Swish<T>(this Tensor<T> x, double beta = 1.0, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (FloatExact.AreEqual(beta, 1.0)) return Silu(x, destination);
        using var scaled = Multiply(x, T.CreateTruncating(beta));
        using var gate = Sigmoid(scaled);
        return Multiply(x, gate, destination);
    }

    /// <summary>GELU: exact (erf, PyTorch's default) or the tanh approximation (SIMD) when <paramref name="approximate"/>.</summary>
    public static Tensor<T> Gelu<T>(this Tensor<T> x, bool approximate = false, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => approximate
            ? ElementWise.Unary<T, GeluTanhOperator<T>>("gelu_tanh", x, destination, 30, Parallelism.ExpensiveElementWiseThreshold)
            : ElementWise.Unary<T, GeluOperator<T>>("gelu", x, destination, 60, Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>Numerically stable softmax along <paramref name="axis"/> (default: last): exp(x - max) / Σ exp(x - max).</summary>
    public static Tensor<T> Softmax<T>(this Tensor<T> x, int axis = -1, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => SoftmaxAlong(x, axis, log: false, destination);

    /// <summary>Stable log-softmax along <paramref name="axis"/>: x - max - log Σ exp(x - max).</summary>
    public static Tensor<T> LogSoftmax<T>(this Tensor<T> x, int axis = -1, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => SoftmaxAlong(x, axis, log: true, destination);

    private static unsafe Tensor<T> SoftmaxAlong<T>(Tensor<T> x, int axis, bool log, Tensor<T>? destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string op = log ? "log_softmax" : "softmax";
        // Fast path: contiguous rows along the last axis, small enough for one thread, no override.
        if (IsSmallLastAxisRun(x, axis) && IsDirectDestination(destination, x))
            return ElementWise.Checked(op, SoftmaxRows(x, log, destination));
        ArgumentNullException.ThrowIfNull(x);
        var (outer, len, inner, _) = Reduction.Geometry(op, x, axis, keepDims: true);
        var result = Destination(op, x.ShapeArray, destination);
        var plan = Dispatch.Plan(OperationCost.ElementWise(op, x.Length, 1, sizeof(T), 25, true, false));
        if (x.Length == 0) return result;
        int bits = plan.SimdBits;
        using var src = x.Contiguous();
        var target = result.IsContiguous && !(ReferenceEquals(result.Buffer, x.Buffer) && !x.IsContiguous) ? result : Tensor<T>.Allocate(result.ShapeArray, clear: false);
        try
        {
            SoftmaxInto(src.Pointer, target.Pointer, outer, len, inner, log, bits);
        }
        finally
        {
            if (!ReferenceEquals(target, result))
            {
                result.CopyFrom(target);
                target.Dispose();
            }
        }
        return ElementWise.Checked(op, result);
    }

    /// <summary>Non-empty and contiguous along the last axis, below the threading threshold, with no backend override in force.</summary>
    private static bool IsSmallLastAxisRun<T>(Tensor<T> x, int axis) where T : unmanaged, IFloatingPointIeee754<T> =>
        x is not null && x.IsContiguous && x.Rank > 0 && (axis == -1 || axis == x.Rank - 1) && x.Length > 0
        && x.Length < Parallelism.ExpensiveElementWiseThreshold && BackendScope.ActiveCount == 0 && BackendSelector.ProcessDefault == ComputeBackend.Auto;

    /// <summary>No destination, or a contiguous one of x's shape that either has its own buffer or starts where x does in the same buffer (in place): rows can be written straight into it.</summary>
    private static bool IsDirectDestination<T>(Tensor<T>? destination, Tensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        destination is null || (destination.IsContiguous && destination.ShapeArray.AsSpan().SequenceEqual(x.ShapeArray)
                                && (!ReferenceEquals(destination.Buffer, x.Buffer) || destination.Offset == x.Offset));

    /// <summary>The fast path: each contiguous last-axis row on this thread, at the hardware SIMD width.</summary>
    private static unsafe Tensor<T> SoftmaxRows<T>(Tensor<T> x, bool log, Tensor<T>? destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dest = destination ?? Tensor<T>.Allocate(x.ShapeArray, clear: false);
        int rowLength = x.ShapeArray[^1];
        T* xs = x.Pointer, ds = dest.Pointer;
        for (int o = 0, rows = x.Length / rowLength; o < rows; o++)
            SoftmaxKernel.Row(xs + (long)o * rowLength, ds + (long)o * rowLength, rowLength, log, SimdWidth.HardwareBits);
        return dest;
    }

    /// <summary>Softmax of contiguous (outer, len, inner) data: one very long row across cores, contiguous rows in parallel, or strided along a non-innermost axis.</summary>
    private static unsafe void SoftmaxInto<T>(T* s, T* d, int outer, int len, int inner, bool log, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inner == 1 && outer == 1 && len >= Parallelism.ExpensiveElementWiseThreshold * 4 && Parallelism.Workers > 1)
        {
            ParallelRow(s, d, len, log, bits);
        }
        else if (inner == 1)
        {
            Reduction.ForOuter(outer, 25L * len, o => SoftmaxKernel.Row(s + (long)o * len, d + (long)o * len, len, log, bits));
        }
        else
        {
            Reduction.ForOuter(outer, 25L * len * inner, o => Strided(s + (long)o * len * inner, d + (long)o * len * inner, len, inner, log, bits));
        }
    }

    /// <summary>One very long row across cores: max, exp-and-sum and scale each split, with the partials combined in between.</summary>
    private static unsafe void ParallelRow<T>(T* x, T* d, int n, bool log, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int workers = Parallelism.Workers;
        int chunk = ((n + workers - 1) / workers + 63) & ~63;
        if (log) ParallelLogSoftmaxRow(x, d, n, workers, chunk, bits);
        else ParallelSoftmaxRow(x, d, n, workers, chunk, bits);
    }

    /// <summary>Streaming form: one pass for (max, Σ exp) per worker, merged, then one pass writing out.</summary>
    private static unsafe void ParallelSoftmaxRow<T>(T* x, T* d, int n, int workers, int chunk, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint px = (nint)x, pd = (nint)d;
        var parts = new (T Max, T Sum)[workers];
        Parallelism.For(workers, w =>
        {
            int start = w * chunk, len = Math.Min(n - start, chunk);
            parts[w] = len > 0 ? SoftmaxKernel.MaxAndSum((T*)px + start, len, bits) : (T.NegativeInfinity, T.Zero);
        });
        var (m, s) = parts[0];
        for (int i = 1; i < workers; i++) (m, s) = SoftmaxKernel.Combine(m, s, parts[i].Max, parts[i].Sum);
        T scale = T.One / s;
        Parallelism.For(workers, w =>
        {
            int start = w * chunk, len = Math.Min(n - start, chunk);
            if (len > 0) SoftmaxKernel.ExpShiftScale((T*)px + start, (T*)pd + start, len, m, scale, bits);
        });
    }

    /// <summary>Log-softmax: the max, then Σ exp(x - max) (exps to a pooled scratch row), then x - max - log Σ written out.</summary>
    private static unsafe void ParallelLogSoftmaxRow<T>(T* x, T* d, int n, int workers, int chunk, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint px = (nint)x, pd = (nint)d;
        var partial = new T[workers];
        Parallelism.For(workers, w =>
        {
            int start = w * chunk, len = Math.Min(n - start, chunk);
            partial[w] = len > 0 ? SoftmaxKernel.Max((T*)px + start, len, bits) : T.NegativeInfinity;
        });
        T max = partial[0];
        for (int i = 1; i < workers; i++) max = T.Max(max, partial[i]);
        var scratch = Storage.TensorMemoryPool.Rent((long)n * sizeof(T), clear: false);
        nint pe = scratch.Address;
        try
        {
            Parallelism.For(workers, w =>
            {
                int start = w * chunk, len = Math.Min(n - start, chunk);
                partial[w] = len > 0 ? SoftmaxKernel.ExpShiftSum((T*)px + start, (T*)pe + start, len, max, bits) : T.Zero;
            });
            T sum = T.Zero;
            for (int i = 0; i < workers; i++) sum += partial[i];
            T logSum = T.Log(sum);
            Parallelism.For(workers, w =>
            {
                int start = w * chunk, len = Math.Min(n - start, chunk);
                if (len <= 0) return;
                SimdLoops.BinaryScalarCore<T, SubtractOperator<T>>(ref Unsafe.AsRef<T>((T*)px + start), max, ref Unsafe.AsRef<T>((T*)pd + start), (nuint)len, bits, false);
                SimdLoops.BinaryScalarCore<T, SubtractOperator<T>>(ref Unsafe.AsRef<T>((T*)pd + start), logSum, ref Unsafe.AsRef<T>((T*)pd + start), (nuint)len, bits, false);
            });
        }
        finally
        {
            scratch.Release();
        }
    }

    /// <summary>Softmax along a non-innermost axis: whole rows combine element-wise (SIMD across the inner axis).</summary>
    private static unsafe void Strided<T>(T* x, T* d, int len, int inner, bool log, int bits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var max = new T[inner];
        var sum = new T[inner];
        fixed (T* m = max, s = sum)
        {
            new ReadOnlySpan<T>(x, inner).CopyTo(max);
            for (int a = 1; a < len; a++)
                SimdLoops.BinaryCore<T, MaximumOperator<T>>(ref Unsafe.AsRef<T>(m), ref Unsafe.AsRef<T>(x + (long)a * inner), ref Unsafe.AsRef<T>(m), (nuint)inner, bits);
            var e = new T[inner];
            fixed (T* pe = e)
            {
                for (int a = 0; a < len; a++)
                {
                    T* row = x + (long)a * inner;
                    SimdLoops.BinaryCore<T, SubtractOperator<T>>(ref Unsafe.AsRef<T>(row), ref Unsafe.AsRef<T>(m), ref Unsafe.AsRef<T>(pe), (nuint)inner, bits);
                    SimdLoops.UnaryCore<T, ExpOperator<T>>(ref Unsafe.AsRef<T>(pe), ref Unsafe.AsRef<T>(pe), (nuint)inner, bits);
                    SimdLoops.BinaryCore<T, AddOperator<T>>(ref Unsafe.AsRef<T>(s), ref Unsafe.AsRef<T>(pe), ref Unsafe.AsRef<T>(s), (nuint)inner, bits);
                    if (!log) new ReadOnlySpan<T>(pe, inner).CopyTo(new Span<T>(d + (long)a * inner, inner));
                }
            }
            if (log)
            {
                for (int j = 0; j < inner; j++) s[j] = T.Log(s[j]);
                for (int a = 0; a < len; a++)
                {
                    SimdLoops.BinaryCore<T, SubtractOperator<T>>(ref Unsafe.AsRef<T>(x + (long)a * inner), ref Unsafe.AsRef<T>(m), ref Unsafe.AsRef<T>(d + (long)a * inner), (nuint)inner, bits);
                    SimdLoops.BinaryCore<T, SubtractOperator<T>>(ref Unsafe.AsRef<T>(d + (long)a * inner), ref Unsafe.AsRef<T>(s), ref Unsafe.AsRef<T>(d + (long)a * inner), (nuint)inner, bits);
                }
            }
            else
            {
                for (int a = 0; a < len; a++)
                    SimdLoops.BinaryCore<T, DivideOperator<T>>(ref Unsafe.AsRef<T>(d + (long)a * inner), ref Unsafe.AsRef<T>(s), ref Unsafe.AsRef<T>(d + (long)a * inner), (nuint)inner, bits);
            }
        }
    }
}
