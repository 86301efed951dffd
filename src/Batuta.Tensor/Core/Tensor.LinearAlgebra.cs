using Batuta.Tensors.Backends;
using Batuta.Tensors.Engine;
using Batuta.Tensors.Gemm;
using Batuta.Tensors.Gpu;
using Batuta.Tensors.Primitives;

namespace Batuta.Tensors;

public static partial class Tensor
{
    /// <summary>Inner product of two 1-D tensors (numpy's <c>dot</c> for vectors; use <see cref="MatMul{T}"/> for matrices).</summary>
    public static unsafe T Dot<T>(this Tensor<T> x, Tensor<T> y) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank != 1 || y.Rank != 1)
            throw new TensorShapeException("dot", x.Shape, y.Shape, "are not both 1-D: Dot is the vector inner product; use MatMul for matrices and stacks.");
        if (x.Length != y.Length)
            throw new TensorShapeException("dot", x.Shape, y.Shape, $"are not aligned: {x.Length} (dim 0) != {y.Length} (dim 0).");
        var plan = Dispatch.Plan(OperationCost.Reduction("dot", x.Length, 1, sizeof(T), 2, true, hasGpuKernel: false));
        int n = x.Length;
        if (n == 0) return T.Zero;
        if (x.IsContiguous && y.IsContiguous && plan.SimdBits > 0)
            return DotContiguous(x.Pointer, y.Pointer, n, plan.SimdBits);
        T* px = x.Pointer, py = y.Pointer;
        nint sx = x.StrideArray[0], sy = y.StrideArray[0];
        T acc = T.Zero;
        for (int i = 0; i < n; i++) acc += px[i * sx] * py[i * sy];
        return acc;
    }

    private static unsafe T DotContiguous<T>(T* x, T* y, int n, int bits) where T : unmanaged, INumber<T>
        => n >= Parallelism.ReductionThreshold && Parallelism.Workers > 1
            ? DotChunked(x, y, n, bits)
            : SimdLoops.DotCore(ref Unsafe.AsRef<T>(x), ref Unsafe.AsRef<T>(y), (nuint)n, bits);

    /// <summary>A long dot product split into chunks across cores, the partials added in chunk order (same result every call).</summary>
    private static unsafe T DotChunked<T>(T* x, T* y, int n, int bits) where T : unmanaged, INumber<T>
    {
        var partial = new T[Parallelism.ChunkCount(n)];
        nint px = (nint)x, py = (nint)y;
        Parallelism.ForChunks(n, (i, start, len) =>
            partial[i] = SimdLoops.DotCore(ref Unsafe.AsRef<T>((T*)px + start), ref Unsafe.AsRef<T>((T*)py + start), (nuint)len, bits));
        T acc = partial[0];
        for (int i = 1; i < partial.Length; i++) acc += partial[i];
        return acc;
    }

    /// <summary>Outer product of two vectors (inputs are flattened, as numpy does): result[i, j] = x[i]·y[j].</summary>
    public static Tensor<T> Outer<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        using var col = x.Reshape(x.Length, 1);
        using var row = y.Reshape(1, y.Length);
        return Multiply(col, row, destination);
    }

    /// <summary>
    /// numpy's <c>matmul</c>: 2-D matrix product; stacks of matrices broadcast over the leading axes;
    /// a 1-D operand is promoted to a row (left) or column (right) and that axis is removed from the result.
    /// float and double run the packed FMA GEMM (multithreaded for large products); integers the SIMD axpy GEMM.
    /// </summary>
    public static unsafe Tensor<T> MatMul<T>(this Tensor<T> a, Tensor<T> b, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
        var g = MatMulOperands.Of(a, b);

        var batchShape = Layout.BroadcastShapes("matmul", g.AShape.AsSpan(0, g.AShape.Length - 2), g.BShape.AsSpan(0, g.BShape.Length - 2));
        var result = Destination("matmul", g.OutShape(batchShape), destination);

        int batch = TensorShape.ElementCount(batchShape);
        var plan = Dispatch.Plan(OperationCost.MatMul(g.M, g.N, g.K, sizeof(T), batch));
        if (result.Length == 0) return result;

        // The GEMM writes a dense (m, n) block per batch entry; a strided destination goes through a temporary.
        var target = result.IsContiguous ? result : Tensor<T>.Allocate(result.ShapeArray, clear: false);
        try
        {
            if (plan.IsGpu && batch == 1 && !g.AVector && !g.BVector && GpuElementWise.TryMatMul(a, b, target)) return ElementWise.Checked("matmul", result);
            BatchedGemm(a, b, target, g, batchShape, batch, plan.SimdBits);
        }
        finally
        {
            if (!ReferenceEquals(target, result))
            {
                result.CopyFrom(target);
                target.Dispose();
            }
        }
        return ElementWise.Checked("matmul", result);
    }

    /// <summary>matmul's operands as matrices: a 1-D left operand is a row (stride 0 across it), a 1-D right one a column.</summary>
    private readonly record struct MatMulOperands(int[] AShape, int[] AStrides, int[] BShape, int[] BStrides, bool AVector, bool BVector)
    {
        public int M => AShape[^2];
        public int K => AShape[^1];
        public int N => BShape[^1];

        /// <summary>Promotes 1-D operands and checks that both are at least 1-D and that the inner dimensions agree.</summary>
        public static MatMulOperands Of<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, INumber<T>
        {
            if (a.Rank == 0 || b.Rank == 0)
                throw new TensorShapeException("matmul", a.Shape, b.Shape, "include a 0-d operand: matmul needs at least 1-D operands (use Multiply for scalars).");
            bool aVec = a.Rank == 1, bVec = b.Rank == 1;
            int[] ash = aVec ? [1, a.ShapeArray[0]] : a.ShapeArray;
            int[] ast = aVec ? [0, a.StrideArray[0]] : a.StrideArray;
            int[] bsh = bVec ? [b.ShapeArray[0], 1] : b.ShapeArray;
            int[] bst = bVec ? [b.StrideArray[0], 0] : b.StrideArray;
            int k = ash[^1], k2 = bsh[^2];
            if (k != k2)
                throw new TensorShapeException("matmul", a.Shape, b.Shape, $"are not aligned: {k} (dim {a.Rank - 1} of the first) != {k2} (dim {Math.Max(b.Rank - 2, 0)} of the second).");
            return new MatMulOperands(ash, ast, bsh, bst, aVec, bVec);
        }

        /// <summary>The batch shape, then m and n, except the axis of a 1-D operand, which numpy removes.</summary>
        public int[] OutShape(int[] batchShape)
        {
            var outShape = new List<int>(batchShape);
            if (!AVector) outShape.Add(M);
            if (!BVector) outShape.Add(N);
            return outShape.ToArray();
        }
    }

    /// <summary>
    /// One GEMM per batch entry into the dense <paramref name="target"/>, with broadcast batch strides. Small matrices
    /// in a large batch run one matrix per thread; otherwise the matrices run in turn and each GEMM may go parallel.
    /// </summary>
    private static unsafe void BatchedGemm<T>(Tensor<T> a, Tensor<T> b, Tensor<T> target, MatMulOperands g, int[] batchShape, int batch, int bits) where T : unmanaged, INumber<T>
    {
        int m = g.M, k = g.K, n = g.N;
        int[] ash = g.AShape, ast = g.AStrides, bsh = g.BShape, bst = g.BStrides;
        int br = batchShape.Length;
        var aBatchStrides = new int[br];
        var bBatchStrides = new int[br];
        Layout.BroadcastStrides(ash.AsSpan(0, ash.Length - 2), ast.AsSpan(0, ast.Length - 2), batchShape, aBatchStrides);
        Layout.BroadcastStrides(bsh.AsSpan(0, bsh.Length - 2), bst.AsSpan(0, bst.Length - 2), batchShape, bBatchStrides);
        nint rsA = ast[^2], csA = ast[^1], rsB = bst[^2], csB = bst[^1];
        T* pa = a.Pointer, pb = b.Pointer, pc = target.Pointer;
        nint pA = (nint)pa, pB = (nint)pb, pC = (nint)pc;
        long matrix = (long)m * n;

        void One(int index, bool allowParallel)
        {
            long offA = 0, offB = 0;
            int rem = index;
            for (int d = br - 1; d >= 0; d--)
            {
                int i = rem % batchShape[d];
                rem /= batchShape[d];
                offA += (long)i * aBatchStrides[d];
                offB += (long)i * bBatchStrides[d];
            }
            Gemm((T*)pA + offA, rsA, csA, (T*)pB + offB, rsB, csB, (T*)pC + index * matrix, n, m, n, k, bits, allowParallel);
        }

        bool perMatrixParallel = 2.0 * m * n * k >= PackedGemm.ParallelFlops;
        if (batch > 1 && !perMatrixParallel && 2.0 * batch * m * n * k >= PackedGemm.ParallelFlops)
        {
            int workers = Math.Min(Parallelism.Workers, batch);
            Parallelism.For(workers, w =>
            {
                for (int i = batch * w / workers; i < batch * (w + 1) / workers; i++) One(i, false);
            });
        }
        else
        {
            for (int i = 0; i < batch; i++) One(i, true);
        }
    }

    /// <summary>One (m×k)·(k×n) product into a row-major C, choosing the kernel by type, size and plan.</summary>
    internal static unsafe void Gemm<T>(T* a, nint rsA, nint csA, T* b, nint rsB, nint csB, T* c, nint ldc, int m, int n, int k, int bits, bool allowParallel)
        where T : unmanaged, INumber<T>
    {
        if (bits == 0)
        {
            SimpleGemm.Reference(m, n, k, a, rsA, csA, b, rsB, csB, c, ldc);
            return;
        }
        // Packing pays off once every packed value is reused a few times.
        if (PackedGemm.Supports<T>(bits) && (long)m * n * k >= 24L * 24 * 24 && m >= 4 && n >= 8)
        {
            PackedGemm.Multiply(m, n, k, a, rsA, csA, b, rsB, csB, c, ldc, bits, allowParallel);
            return;
        }
        SimpleGemm.Multiply(m, n, k, a, rsA, csA, b, rsB, csB, c, ldc, bits);
    }

    private static Tensor<T> Destination<T>(string op, int[] shape, Tensor<T>? destination) where T : unmanaged, INumber<T>
    {
        if (destination is null) return Tensor<T>.Allocate(shape, clear: false);
        destination.ThrowIfDisposed();
        if (!destination.ShapeArray.AsSpan().SequenceEqual(shape))
            throw new TensorShapeException(op, new TensorShape(shape), destination.Shape, "differ: the result has the first shape but the destination has the second.");
        return destination;
    }
}
