using System.Diagnostics.CodeAnalysis;
using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;
using Batuta.Tensors.Operators;
using Batuta.Tensors.Primitives;

namespace Batuta.Tensors.Engine;

/// <summary>
/// Runs an operator struct over tensors: checks and broadcasts shapes, allocates or validates the
/// destination, asks the selector for a plan, and sends contiguous data straight to the SIMD loops
/// (split across cores above the operation's threshold) and everything else through
/// <see cref="StridedLoop"/>.
/// </summary>
internal static unsafe class ElementWise
{
    public static Tensor<T> Unary<T, TOp>(string op, Tensor<T> x, Tensor<T>? destination, double flops = 1, long parallelThreshold = Parallelism.CheapElementWiseThreshold)
        where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        // Fast path: small, contiguous, same shape, no override in force. Goes straight to the loop.
        if (destination is not null && x is not null && Small(x, destination, parallelThreshold) && SameShape(x, destination) && !PartialOverlap(destination, x))
        {
            SimdLoops.UnaryCore<T, TOp>(ref x.Reference, ref destination.Reference, (nuint)x.Length, TOp.Vectorizable ? SimdWidth.HardwareBits : 0);
            return Checked(op, destination);
        }
        return UnarySlow<T, TOp>(op, x.OrThrow(), destination, flops, parallelThreshold);
    }

    private static Tensor<T> UnarySlow<T, TOp>(string op, Tensor<T> x, Tensor<T>? destination, double flops, long parallelThreshold)
        where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        var dest = Destination(op, x.ShapeArray, destination, x, null);
        int n = x.Length;
        var plan = Dispatch.Plan(OperationCost.ElementWise(op, n, 1, sizeof(T), flops, TOp.Vectorizable, GpuOpCodes.Unary<T, TOp>() >= 0));
        if (n == 0) return dest;
        if (plan.IsGpu && GpuElementWise.TryUnary<T, TOp>(x, dest)) return Checked(op, dest);
        if (x.IsContiguous && dest.IsContiguous && !PartialOverlap(dest, x))
        {
            RunContiguous(n, parallelThreshold, plan.SimdBits, sizeof(T), (nint)x.Pointer, 0, false, 0, (nint)dest.Pointer, static (px, _, _, pd, len, bits) =>
                SimdLoops.UnaryCore<T, TOp>(ref Unsafe.AsRef<T>((void*)px), ref Unsafe.AsRef<T>((void*)pd), (nuint)len, bits));
            return Checked(op, dest);
        }
        return WithOverlapGuard(op, dest, x, null, null, d =>
        {
            var kernel = new UnaryRow<T, TOp> { Bits = plan.SimdBits };
            Run(ref kernel, d, x, null, null, parallelThreshold);
        });
    }

    public static Tensor<T> Binary<T, TOp>(string op, Tensor<T> x, Tensor<T> y, Tensor<T>? destination, double flops = 1, long parallelThreshold = Parallelism.CheapElementWiseThreshold)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        if (CanBinaryFast(x, y, destination, parallelThreshold))
        {
            SimdLoops.BinaryCore<T, TOp>(ref x.Reference, ref y.Reference, ref destination.Reference, (nuint)x.Length, TOp.Vectorizable ? SimdWidth.HardwareBits : 0);
            return Checked(op, destination);
        }
        return BinarySlow<T, TOp>(op, x.OrThrow(), y.OrThrow(), destination, flops, parallelThreshold);
    }

    private static Tensor<T> BinarySlow<T, TOp>(string op, Tensor<T> x, Tensor<T> y, Tensor<T>? destination, double flops, long parallelThreshold)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var xs = x.ShapeArray;
        var ys = y.ShapeArray;
        bool same = xs == ys || xs.AsSpan().SequenceEqual(ys);
        var shape = same ? xs : Layout.BroadcastShapes(op, xs, ys);
        var dest = Destination(op, shape, destination, x, y);
        int n = dest.Length;
        var plan = Dispatch.Plan(OperationCost.ElementWise(op, n, 2, sizeof(T), flops, TOp.Vectorizable, GpuOpCodes.Binary<T, TOp>() >= 0));
        if (n == 0) return dest;
        if (plan.IsGpu && GpuElementWise.TryBinary<T, TOp>(x, y, dest)) return Checked(op, dest);
        if (same && AllContiguousApart(x, y, dest))
        {
            RunContiguous(n, parallelThreshold, plan.SimdBits, sizeof(T), (nint)x.Pointer, (nint)y.Pointer, true, 0, (nint)dest.Pointer, static (px, py, _, pd, len, bits) =>
                SimdLoops.BinaryCore<T, TOp>(ref Unsafe.AsRef<T>((void*)px), ref Unsafe.AsRef<T>((void*)py), ref Unsafe.AsRef<T>((void*)pd), (nuint)len, bits));
            return Checked(op, dest);
        }
        return WithOverlapGuard(op, dest, x, y, null, d =>
        {
            var kernel = new BinaryRow<T, TOp> { Bits = plan.SimdBits };
            Run(ref kernel, d, x, y, null, parallelThreshold);
        });
    }

    public static Tensor<T> BinaryScalar<T, TOp>(string op, Tensor<T> x, T scalar, bool scalarFirst, Tensor<T>? destination, double flops = 1, long parallelThreshold = Parallelism.CheapElementWiseThreshold)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        if (destination is not null && x is not null && Small(x, destination, parallelThreshold) && SameShape(x, destination) && !PartialOverlap(destination, x))
        {
            SimdLoops.BinaryScalarCore<T, TOp>(ref x.Reference, scalar, ref destination.Reference, (nuint)x.Length, TOp.Vectorizable ? SimdWidth.HardwareBits : 0, scalarFirst);
            return Checked(op, destination);
        }
        return BinaryScalarSlow<T, TOp>(op, x.OrThrow(), scalar, scalarFirst, destination, flops, parallelThreshold);
    }

    private static Tensor<T> BinaryScalarSlow<T, TOp>(string op, Tensor<T> x, T scalar, bool scalarFirst, Tensor<T>? destination, double flops, long parallelThreshold)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        var dest = Destination(op, x.ShapeArray, destination, x, null);
        int n = x.Length;
        var plan = Dispatch.Plan(OperationCost.ElementWise(op, n, 1, sizeof(T), flops, TOp.Vectorizable, false));
        if (n == 0) return dest;
        if (x.IsContiguous && dest.IsContiguous && !PartialOverlap(dest, x))
        {
            T local = scalar;
            T* s = &local;
            RunContiguous(n, parallelThreshold, plan.SimdBits, sizeof(T), (nint)x.Pointer, (nint)s, false, scalarFirst ? 1 : 0, (nint)dest.Pointer, static (px, ps, first, pd, len, bits) =>
                SimdLoops.BinaryScalarCore<T, TOp>(ref Unsafe.AsRef<T>((void*)px), *(T*)ps, ref Unsafe.AsRef<T>((void*)pd), (nuint)len, bits, first != 0));
            return Checked(op, dest);
        }
        return WithOverlapGuard(op, dest, x, null, null, d =>
        {
            var kernel = new BinaryScalarRow<T, TOp> { Bits = plan.SimdBits, Scalar = scalar, ScalarFirst = scalarFirst };
            Run(ref kernel, d, x, null, null, parallelThreshold);
        });
    }

    public static Tensor<T> Ternary<T, TOp>(string op, Tensor<T> x, Tensor<T> y, Tensor<T> z, Tensor<T>? destination, double flops = 1)
        where T : unmanaged, INumber<T> where TOp : ITernaryOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        var shape = Layout.BroadcastShapes(op, Layout.BroadcastShapes(op, x.ShapeArray, y.ShapeArray), z.ShapeArray);
        var dest = Destination(op, shape, destination, x, y, z);
        var plan = Dispatch.Plan(OperationCost.ElementWise(op, dest.Length, 3, sizeof(T), flops, TOp.Vectorizable, false));
        if (dest.Length == 0) return dest;
        return WithOverlapGuard(op, dest, x, y, z, d =>
        {
            var kernel = new TernaryRow<T, TOp> { Bits = plan.SimdBits };
            Run(ref kernel, d, x, y, z, Parallelism.CheapElementWiseThreshold);
        });
    }

    // ---- plumbing ----------------------------------------------------------------------------

    /// <summary>
    /// Both contiguous, non-empty, below the GPU and thread thresholds, and no backend override in force:
    /// the call can skip planning and go straight to the widest SIMD loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Small<T>(Tensor<T> x, Tensor<T> destination, long parallelThreshold) where T : unmanaged, INumber<T>
    {
        int n = x.Length;
        return n > 0 && n < parallelThreshold && n < Dispatch.SmallElements && x.IsContiguous && destination.IsContiguous
               && BackendScope.ActiveCount == 0 && BackendSelector.ProcessDefault == ComputeBackend.Auto;
    }

    /// <summary>The binary fast path: small, all three contiguous and of one shape, and the destination not partly over an input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CanBinaryFast<T>(Tensor<T> x, Tensor<T> y, [NotNullWhen(true)] Tensor<T>? destination, long parallelThreshold) where T : unmanaged, INumber<T>
        => destination is not null && x is not null && y is not null && Small(x, destination, parallelThreshold) && y.IsContiguous
           && SameShape(x, y) && SameShape(x, destination) && !PartialOverlap(destination, x) && !PartialOverlap(destination, y);

    /// <summary>All three contiguous and the destination not partly over either input: one flat loop does it.</summary>
    private static bool AllContiguousApart<T>(Tensor<T> x, Tensor<T> y, Tensor<T> dest) where T : unmanaged, INumber<T>
        => x.IsContiguous && y.IsContiguous && dest.IsContiguous && !PartialOverlap(dest, x) && !PartialOverlap(dest, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameShape<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, INumber<T>
    {
        var sa = a.ShapeArray;
        var sb = b.ShapeArray;
        if (ReferenceEquals(sa, sb)) return true;
        if (sa.Length != sb.Length) return false;
        for (int i = 0; i < sa.Length; i++) if (sa[i] != sb[i]) return false;
        return true;
    }

    private delegate void ContiguousBody(nint x, nint y, int flag, nint d, int length, int bits);

    /// <summary>Runs a flat body, split into cache-line aligned chunks across cores above <paramref name="threshold"/> elements.</summary>
    private static void RunContiguous(int n, long threshold, int bits, int elementSize, nint x, nint y, bool advanceY, int flag, nint d, ContiguousBody body)
    {
        if (n < threshold || Parallelism.Workers <= 1)
        {
            body(x, y, flag, d, n, bits);
            return;
        }
        RunContiguousParallel(n, bits, elementSize, x, y, advanceY, flag, d, body);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunContiguousParallel(int n, int bits, int elementSize, nint x, nint y, bool advanceY, int flag, nint d, ContiguousBody body)
        => Parallelism.ForChunks(n, (_, start, len) =>
        {
            nint offset = (nint)start * elementSize;
            body(x + offset, advanceY ? y + offset : y, flag, d + offset, len, bits);
        });

    private static Tensor<T> Destination<T>(string op, int[] shape, Tensor<T>? destination, Tensor<T> a, Tensor<T>? b, Tensor<T>? c = null)
        where T : unmanaged, INumber<T>
    {
        a.ThrowIfDisposed();
        b?.ThrowIfDisposed();
        c?.ThrowIfDisposed();
        if (destination is null) return Tensor<T>.Allocate(shape, clear: false);
        destination.ThrowIfDisposed();
        if (!Layout.SameShape(destination.ShapeArray, shape))
            throw new TensorShapeException(op, new TensorShape(shape), destination.Shape, "differ: the result has the first shape but the destination has the second (destinations do not broadcast).");
        return destination;
    }

    /// <summary>Destination shares memory with an input but with a different layout: numpy copies then, and so do we.</summary>
    private static bool PartialOverlap<T>(Tensor<T> dest, Tensor<T> input) where T : unmanaged, INumber<T>
    {
        if (!ReferenceEquals(dest.Buffer, input.Buffer)) return false;
        return dest.Offset != input.Offset || !dest.StrideArray.AsSpan().SequenceEqual(input.StrideArray) || !dest.ShapeArray.AsSpan().SequenceEqual(input.ShapeArray);
    }

    private static Tensor<T> WithOverlapGuard<T>(string op, Tensor<T> dest, Tensor<T> x, Tensor<T>? y, Tensor<T>? z, Action<Tensor<T>> run) where T : unmanaged, INumber<T>
    {
        bool overlap = PartialOverlap(dest, x) || (y is not null && PartialOverlap(dest, y)) || (z is not null && PartialOverlap(dest, z));
        if (!overlap)
        {
            run(dest);
            return Checked(op, dest);
        }
        using var temp = Tensor<T>.Allocate(dest.ShapeArray, clear: false);
        run(temp);
        dest.CopyFrom(temp);
        return Checked(op, dest);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Tensor<T> Checked<T>(string op, Tensor<T> result) where T : unmanaged, INumber<T>
    {
        if (JidokaGuard.Enabled) JidokaGuard.After(op, result);
        return result;
    }

    private static void Run<T, TKernel>(ref TKernel kernel, Tensor<T> dest, Tensor<T> x, Tensor<T>? y, Tensor<T>? z, long threshold)
        where T : unmanaged, INumber<T> where TKernel : struct, IRowKernel
    {
        var shape = dest.ShapeArray;
        int rank = shape.Length;
        int operands = 2 + (y is null ? 0 : 1) + (z is null ? 0 : 1);
        Span<nint> bases = stackalloc nint[operands];
        Span<nint> strides = stackalloc nint[operands * rank];
        Span<int> tmp = stackalloc int[rank];
        bases[0] = (nint)dest.Pointer;
        for (int i = 0; i < rank; i++) strides[i] = (nint)dest.StrideArray[i] * sizeof(T);
        AddOperand(1, x, shape, bases, strides, tmp);
        if (y is not null) AddOperand(2, y, shape, bases, strides, tmp);
        if (z is not null) AddOperand(3, z, shape, bases, strides, tmp);
        StridedLoop.Run(ref kernel, shape, bases, strides, threshold);
    }

    private static void AddOperand<T>(int k, Tensor<T> t, int[] shape, Span<nint> bases, Span<nint> strides, Span<int> tmp) where T : unmanaged, INumber<T>
    {
        int rank = shape.Length;
        bases[k] = (nint)t.Pointer;
        Layout.BroadcastStrides(t.ShapeArray, t.StrideArray, shape, tmp);
        for (int i = 0; i < rank; i++) strides[k * rank + i] = (nint)tmp[i] * sizeof(T);
    }

    private struct UnaryRow<T, TOp> : IRowKernel where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        public int Bits;

        public readonly void Row(ReadOnlySpan<nint> p, ReadOnlySpan<nint> s, int n)
        {
            if (s[0] == sizeof(T) && s[1] == sizeof(T))
                SimdLoops.UnaryCore<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), ref Unsafe.AsRef<T>((void*)p[0]), (nuint)n, Bits);
            else
                SimdLoops.UnaryStrided<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), s[1] / sizeof(T), ref Unsafe.AsRef<T>((void*)p[0]), s[0] / sizeof(T), n);
        }
    }

    private struct BinaryRow<T, TOp> : IRowKernel where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        public int Bits;

        public readonly void Row(ReadOnlySpan<nint> p, ReadOnlySpan<nint> s, int n)
        {
            nint e = sizeof(T);
            if (s[0] == e)
            {
                if (s[1] == e && s[2] == e)
                {
                    SimdLoops.BinaryCore<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), ref Unsafe.AsRef<T>((void*)p[2]), ref Unsafe.AsRef<T>((void*)p[0]), (nuint)n, Bits);
                    return;
                }
                if (s[1] == e && s[2] == 0)
                {
                    SimdLoops.BinaryScalarCore<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), *(T*)p[2], ref Unsafe.AsRef<T>((void*)p[0]), (nuint)n, Bits, false);
                    return;
                }
                if (s[1] == 0 && s[2] == e)
                {
                    SimdLoops.BinaryScalarCore<T, TOp>(ref Unsafe.AsRef<T>((void*)p[2]), *(T*)p[1], ref Unsafe.AsRef<T>((void*)p[0]), (nuint)n, Bits, true);
                    return;
                }
            }
            SimdLoops.BinaryStrided<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), s[1] / e, ref Unsafe.AsRef<T>((void*)p[2]), s[2] / e, ref Unsafe.AsRef<T>((void*)p[0]), s[0] / e, n);
        }
    }

    private struct BinaryScalarRow<T, TOp> : IRowKernel where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        public int Bits;
        public T Scalar;
        public bool ScalarFirst;

        public readonly void Row(ReadOnlySpan<nint> p, ReadOnlySpan<nint> s, int n)
        {
            nint e = sizeof(T);
            if (s[0] == e && s[1] == e)
            {
                SimdLoops.BinaryScalarCore<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), Scalar, ref Unsafe.AsRef<T>((void*)p[0]), (nuint)n, Bits, ScalarFirst);
                return;
            }
            T c = Scalar;
            if (ScalarFirst) SimdLoops.BinaryStrided<T, TOp>(ref c, 0, ref Unsafe.AsRef<T>((void*)p[1]), s[1] / e, ref Unsafe.AsRef<T>((void*)p[0]), s[0] / e, n);
            else SimdLoops.BinaryStrided<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), s[1] / e, ref c, 0, ref Unsafe.AsRef<T>((void*)p[0]), s[0] / e, n);
        }
    }

    private struct TernaryRow<T, TOp> : IRowKernel where T : unmanaged, INumber<T> where TOp : ITernaryOperator<T>
    {
        public int Bits;

        public readonly void Row(ReadOnlySpan<nint> p, ReadOnlySpan<nint> s, int n)
        {
            nint e = sizeof(T);
            if (s[0] == e && (s[1] == e || s[1] == 0) && (s[2] == e || s[2] == 0) && (s[3] == e || s[3] == 0))
            {
                SimdLoops.TernaryCore<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), s[1] / e, ref Unsafe.AsRef<T>((void*)p[2]), s[2] / e,
                    ref Unsafe.AsRef<T>((void*)p[3]), s[3] / e, ref Unsafe.AsRef<T>((void*)p[0]), (nuint)n, Bits);
                return;
            }
            SimdLoops.TernaryStrided<T, TOp>(ref Unsafe.AsRef<T>((void*)p[1]), s[1] / e, ref Unsafe.AsRef<T>((void*)p[2]), s[2] / e,
                ref Unsafe.AsRef<T>((void*)p[3]), s[3] / e, ref Unsafe.AsRef<T>((void*)p[0]), s[0] / e, n);
        }
    }
}
